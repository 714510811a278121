// The kiosk's touch widgets on top of ImGui: big rounded buttons, text
// that fits, regions scrolled by dragging. Every tappable widget registers
// its visible rectangle and label under a stable id (for scripts and tests).
#pragma once

#include <imgui.h>

#include <string>
#include <string_view>

#include "tavla/ui/ui.hpp"

namespace tavla::ui {

enum class Tone { neutral, primary, accent, warning, danger, done, quiet };

struct ButtonOptions {
  Tone tone = Tone::neutral;
  ImFont* font = nullptr;     // default: bold
  std::string_view sublabel;  // a second, smaller line
  bool enabled = true;        // disabled: drawn dim, not tappable, not registered
  bool align_left = false;
};

// A button of `size` at the cursor; true on the frame it is tapped.
bool button(Ui& ui, const std::string& id, std::string_view label, ImVec2 size,
            const ButtonOptions& options = {});

// Registers the last ImGui item under `id` (its part inside the clip rect).
void register_item(Ui& ui, const std::string& id, std::string_view label = {});

// `text` shortened with "…" to fit `width` in `font`.
[[nodiscard]] std::string fit_text(ImFont* font, std::string_view text, float width);

// One line of text at the cursor, shortened to the available width.
void text_line(Ui& ui, std::string_view text, ImFont* font, ImU32 color);
// Wrapped text at the cursor, `width` wide (0: the available width).
void text_wrapped(Ui& ui, std::string_view text, ImFont* font, ImU32 color, float width = 0);
// Registers a read-only text under `id` (scripts `expect` it) at the last item.
void text_with_id(Ui& ui, const std::string& id, std::string_view text, ImFont* font, ImU32 color);

// The one window each frame draws into: the whole display, no decorations.
inline constexpr ImGuiWindowFlags kRootWindowFlags =
    ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
    ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse;

// Child windows that only lay out (columns): never scroll, never show a bar.
inline constexpr ImGuiWindowFlags kLayoutChild =
    ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse;

// A child region that scrolls when a finger drags it; a drag cancels the
// tap on whatever the finger started on.
void begin_touch_scroll(const char* id, ImVec2 size);
void end_touch_scroll(const Ui& ui);

}  // namespace tavla::ui
