#include "tavla/ui/theme.hpp"

namespace tavla::ui::theme {

void apply_style(ImGuiStyle& style, const Metrics& m) {
  style = ImGuiStyle();
  ImGui::StyleColorsDark(&style);
  style.WindowPadding = {m.margin(), m.margin()};
  style.FramePadding = {m.px(12), m.px(10)};
  style.ItemSpacing = {m.gap(), m.gap()};
  style.ItemInnerSpacing = {m.gap(), m.gap()};
  style.WindowRounding = 0;
  style.WindowBorderSize = 0;
  style.ChildBorderSize = 0;
  style.FrameRounding = m.rounding();
  style.ChildRounding = m.rounding();
  style.PopupRounding = m.rounding();
  // Scrolling is by dragging with a finger (TouchScroll); the bar is only a
  // hint that there is more, thin and not meant to be grabbed.
  style.ScrollbarSize = m.px(8);
  style.ScrollbarRounding = m.px(4);
  style.TouchExtraPadding = {m.px(2), m.px(2)};
  style.AntiAliasedLinesUseTex = true;

  auto& c = style.Colors;
  c[ImGuiCol_WindowBg] = ImGui::ColorConvertU32ToFloat4(kBackground);
  c[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
  c[ImGuiCol_PopupBg] = ImGui::ColorConvertU32ToFloat4(kSurface);
  c[ImGuiCol_Text] = ImGui::ColorConvertU32ToFloat4(kText);
  c[ImGuiCol_TextDisabled] = ImGui::ColorConvertU32ToFloat4(kTextDim);
  c[ImGuiCol_Button] = ImGui::ColorConvertU32ToFloat4(kSurface);
  c[ImGuiCol_ButtonHovered] = ImGui::ColorConvertU32ToFloat4(kSurfaceHover);
  c[ImGuiCol_ButtonActive] = ImGui::ColorConvertU32ToFloat4(kSurfacePressed);
  c[ImGuiCol_FrameBg] = ImGui::ColorConvertU32ToFloat4(kSurface);
  c[ImGuiCol_Separator] = ImGui::ColorConvertU32ToFloat4(kSurfaceHover);
  c[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0);
  c[ImGuiCol_ScrollbarGrab] = ImGui::ColorConvertU32ToFloat4(kSurfacePressed);
  c[ImGuiCol_ModalWindowDimBg] = ImVec4(0, 0, 0, 0.6F);
}

}  // namespace tavla::ui::theme
