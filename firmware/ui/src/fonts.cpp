#include "tavla/ui/fonts.hpp"

#include <imgui.h>

#include <array>

namespace tavla::ui {
namespace {

// Latin-1 and Latin Extended-A (æøå, names from every Nordic language),
// general punctuation (– … “ ”), arrows, and the shapes used beside colour
// (▲ ● ■ ✓ ✗) so that no state is shown by colour alone; ⌫ ⇧ ⏎ for the
// keyboard.
constexpr std::array<ImWchar, 17> kTextRanges{
    0x0020, 0x017F,  // Basic Latin, Latin-1, Latin Extended-A
    0x2010, 0x203A,  // dashes, quotes, bullet, ellipsis
    0x2190, 0x21FF,  // arrows, ⇧
    0x2212, 0x2212,  // minus
    0x2300, 0x23FF,  // ⌫ ⏎ ⏱
    0x25A0, 0x25FF,  // geometric shapes
    0x2713, 0x2717,  // ✓ ✗
    0,
};
// The huge font shows only times and counts: a small atlas on the Pi.
constexpr std::array<ImWchar, 7> kDigitRanges{
    0x0020, 0x0020, 0x002B, 0x003A,  // space, + , - . / 0-9 :
    0x2212, 0x2212,                  // minus
    0,
};

ImFont* add(ImFontAtlas& atlas, const std::filesystem::path& file, float size,
            const ImWchar* ranges) {
  if (!std::filesystem::exists(file)) {
    throw FontError("font not found: " + file.string() + " (install fonts-dejavu-core)");
  }
  ImFontConfig config;
  // Oversampling sharpens small text; the large sizes need none and save atlas space.
  config.OversampleH = size < 40 ? 2 : 1;
  config.OversampleV = 1;
  ImFont* font = atlas.AddFontFromFileTTF(file.c_str(), size, &config, ranges);
  if (font == nullptr) {
    throw FontError("cannot load font " + file.string());
  }
  return font;
}

}  // namespace

std::filesystem::path default_font_dir() {
  return TAVLA_FONT_DIR;
}

Fonts load_fonts(ImFontAtlas& atlas, const std::filesystem::path& dir, const Metrics& metrics) {
  atlas.Clear();
  const auto regular = dir / "DejaVuSans.ttf";
  const auto bold = dir / "DejaVuSans-Bold.ttf";
  Fonts fonts;
  // The first font added is ImGui's default.
  fonts.body = add(atlas, regular, metrics.body_font(), kTextRanges.data());
  fonts.small = add(atlas, regular, metrics.small_font(), kTextRanges.data());
  fonts.bold = add(atlas, bold, metrics.body_font(), kTextRanges.data());
  fonts.large = add(atlas, bold, metrics.large_font(), kTextRanges.data());
  fonts.title = add(atlas, bold, metrics.title_font(), kTextRanges.data());
  fonts.huge = add(atlas, bold, metrics.huge_font(), kDigitRanges.data());
  return fonts;
}

}  // namespace tavla::ui
