#include "tavla/ui/widgets.hpp"

#include <imgui_internal.h>

#include <algorithm>

#include "tavla/ui/theme.hpp"

namespace tavla::ui {
namespace {

ImU32 fill_for(Tone tone, bool held) {
  switch (tone) {
    case Tone::primary:
      return held ? theme::kPrimaryPressed : theme::kPrimary;
    case Tone::accent:
      return held ? theme::kAccentPressed : theme::kAccent;
    case Tone::warning:
      return theme::kWarning;
    case Tone::danger:
      return held ? theme::kDangerPressed : theme::kDanger;
    case Tone::done:
      return theme::kDone;
    case Tone::quiet:
      return held ? theme::kSurface : theme::kBackground;
    case Tone::neutral:
      break;
  }
  return held ? theme::kSurfacePressed : theme::kSurface;
}

// ImGui takes (begin, end) and reads a null end as "up to the NUL": an
// empty string_view may have a null data(), so never hand that over.
const char* begin_of(std::string_view text) {
  return text.empty() ? "" : text.data();
}

ImVec2 text_size(ImFont* font, std::string_view text) {
  const char* begin = begin_of(text);
  return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, begin, begin + text.size());
}

}  // namespace

std::string fit_text(ImFont* font, std::string_view text, float width) {
  if (text_size(font, text).x <= width) {
    return std::string(text);
  }
  constexpr std::string_view kEllipsis = "\u2026";
  std::string s(text);
  while (!s.empty()) {
    // Drop one whole UTF-8 character.
    do {
      s.pop_back();
    } while (!s.empty() && (static_cast<unsigned char>(s.back()) & 0xC0U) == 0x80U);
    const std::string candidate = s + std::string(kEllipsis);
    if (text_size(font, candidate).x <= width) {
      return candidate;
    }
  }
  return std::string(kEllipsis);
}

void register_item(Ui& ui, const std::string& id, std::string_view label) {
  const ImVec2 min = ImGui::GetItemRectMin();
  const ImVec2 max = ImGui::GetItemRectMax();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 clip_min = draw->GetClipRectMin();
  const ImVec2 clip_max = draw->GetClipRectMax();
  const float x0 = std::max(min.x, clip_min.x);
  const float y0 = std::max(min.y, clip_min.y);
  const float x1 = std::min(max.x, clip_max.x);
  const float y1 = std::min(max.y, clip_max.y);
  if (x1 - x0 < 1 || y1 - y0 < 1) {
    return;  // scrolled out of sight: not tappable
  }
  ui.widgets.add(id, Rect{x0, y0, x1 - x0, y1 - y0}, std::string(label));
}

bool button(Ui& ui, const std::string& id, std::string_view label, ImVec2 size,
            const ButtonOptions& options) {
  ImGui::PushID(id.c_str());
  const bool tapped = ImGui::InvisibleButton("##button", size) && options.enabled;
  ImGui::PopID();
  const bool held = options.enabled && ImGui::IsItemActive();
  const ImVec2 min = ImGui::GetItemRectMin();
  const ImVec2 max = ImGui::GetItemRectMax();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(min, max, fill_for(options.tone, held), ui.metrics.rounding());
  if (options.tone == Tone::quiet) {
    draw->AddRect(min, max, theme::kSurfaceHover, ui.metrics.rounding(), 0, ui.metrics.px(2));
  }
  ImFont* font = options.font != nullptr ? options.font : ui.fonts.bold;
  // A "done" tile (checked in) is not tappable but must stay readable.
  const bool readable = options.enabled || options.tone == Tone::done;
  const ImU32 color = readable ? theme::kText : theme::kTextDim;
  const float pad = ui.metrics.px(10);
  const float inner = size.x - 2 * pad;
  const std::string main = fit_text(font, label, inner);
  const std::string sub =
      options.sublabel.empty() ? std::string() : fit_text(ui.fonts.small, options.sublabel, inner);
  const ImVec2 main_size = text_size(font, main);
  const float sub_height = sub.empty() ? 0 : ui.fonts.small->FontSize + ui.metrics.px(2);
  const float top = min.y + (size.y - main_size.y - sub_height) / 2;
  const auto x_for = [&](float width) {
    return options.align_left ? min.x + pad : min.x + (size.x - width) / 2;
  };
  draw->AddText(font, font->FontSize, {x_for(main_size.x), top}, color, main.c_str());
  if (!sub.empty()) {
    draw->AddText(ui.fonts.small, ui.fonts.small->FontSize,
                  {x_for(text_size(ui.fonts.small, sub).x), top + main_size.y + ui.metrics.px(2)},
                  // Done (checked in) stays readable though not tappable; on a
                  // coloured button dim grey would fall below 4.5:1.
                  options.tone == Tone::done ? theme::kText
                  : !options.enabled         ? theme::kSurfaceHover
                  : options.tone == Tone::neutral || options.tone == Tone::quiet ? theme::kTextDim
                                                                                 : theme::kText,
                  sub.c_str());
  }
  if (options.enabled) {
    register_item(ui, id, label);
  }
  return tapped;
}

void text_line(Ui& ui, std::string_view text, ImFont* font, ImU32 color) {
  (void)ui;
  const float width = ImGui::GetContentRegionAvail().x;
  const std::string shown = fit_text(font, text, width);
  ImGui::PushFont(font);
  ImGui::PushStyleColor(ImGuiCol_Text, color);
  ImGui::TextUnformatted(shown.c_str());
  ImGui::PopStyleColor();
  ImGui::PopFont();
}

void text_wrapped(Ui& ui, std::string_view text, ImFont* font, ImU32 color, float width) {
  (void)ui;
  const float wrap = width > 0 ? width : ImGui::GetContentRegionAvail().x;
  ImGui::PushFont(font);
  ImGui::PushStyleColor(ImGuiCol_Text, color);
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + wrap);
  ImGui::TextUnformatted(begin_of(text), begin_of(text) + text.size());
  ImGui::PopTextWrapPos();
  ImGui::PopStyleColor();
  ImGui::PopFont();
}

void text_with_id(Ui& ui, const std::string& id, std::string_view text, ImFont* font, ImU32 color) {
  text_line(ui, text, font, color);
  register_item(ui, id, text);
}

void begin_touch_scroll(const char* id, ImVec2 size) {
  ImGui::BeginChild(id, size, false);
}

void end_touch_scroll(const Ui& ui) {
  const ImGuiIO& io = ImGui::GetIO();
  ImGuiWindow* window = ImGui::GetCurrentWindow();
  const bool started_inside = window->Rect().Contains(io.MouseClickedPos[0]);
  if (io.MouseDown[0] && started_inside && ImGui::IsMouseDragging(0, ui.metrics.px(12))) {
    ImGui::SetScrollY(window->Scroll.y - io.MouseDelta.y);
    // A drag is a scroll, not a tap on the tile the finger started on.
    if (ImGui::GetActiveID() != 0) {
      ImGui::ClearActiveID();
    }
  }
  ImGui::EndChild();
}

}  // namespace tavla::ui
