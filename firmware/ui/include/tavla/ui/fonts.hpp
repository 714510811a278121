// The kiosk's fonts: DejaVu Sans from Debian (fonts-dejavu-core), covering
// Norwegian (æøå) and the symbols the screens use, at touch sizes for the
// display. Loaded into ImGui's font atlas; needs an ImGui context.
#pragma once

#include <filesystem>
#include <stdexcept>

#include "tavla/ui/metrics.hpp"

struct ImFont;
struct ImFontAtlas;

namespace tavla::ui {

struct Fonts {
  ImFont* small = nullptr;
  ImFont* body = nullptr;   // the default
  ImFont* bold = nullptr;   // body size, bold: buttons and names
  ImFont* large = nullptr;  // bold: big buttons, headings
  ImFont* title = nullptr;  // bold: screen titles
  ImFont* huge = nullptr;   // bold digits: clock and countdown
};

class FontError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The directory Debian installs DejaVu into (configurable for other systems).
[[nodiscard]] std::filesystem::path default_font_dir();

// Clears `atlas` and loads every font at the sizes of `metrics`; the atlas
// is built by the renderer (or by a test with GetTexDataAsRGBA32).
Fonts load_fonts(ImFontAtlas& atlas, const std::filesystem::path& dir, const Metrics& metrics);

}  // namespace tavla::ui
