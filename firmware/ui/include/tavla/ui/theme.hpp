// Colours and ImGui style: dark, high contrast (white on near-black passes
// WCAG AAA; every button colour carries white text at 4.5:1 or better) and
// large rounded touch targets. State is never told by colour alone: every
// coloured state also has its own text and symbol.
#pragma once

#include <imgui.h>

#include "tavla/ui/metrics.hpp"

namespace tavla::ui::theme {

constexpr ImU32 kBackground = IM_COL32(16, 20, 24, 255);
constexpr ImU32 kSurface = IM_COL32(36, 42, 50, 255);  // tiles, panels
constexpr ImU32 kSurfaceHover = IM_COL32(52, 60, 72, 255);
constexpr ImU32 kSurfacePressed = IM_COL32(70, 80, 95, 255);
constexpr ImU32 kText = IM_COL32(245, 247, 250, 255);
constexpr ImU32 kTextDim = IM_COL32(175, 185, 198, 255);  // 8:1 on the background
constexpr ImU32 kPrimary = IM_COL32(22, 120, 58, 255);    // check in, confirm
constexpr ImU32 kPrimaryPressed = IM_COL32(16, 90, 44, 255);
constexpr ImU32 kAccent = IM_COL32(30, 94, 170, 255);  // secondary actions, current item
constexpr ImU32 kAccentPressed = IM_COL32(22, 70, 128, 255);
constexpr ImU32 kWarning = IM_COL32(176, 96, 0, 255);  // near the end; white text 4.6:1
constexpr ImU32 kDanger = IM_COL32(178, 34, 34, 255);  // over time, refusals
constexpr ImU32 kDangerPressed = IM_COL32(130, 24, 24, 255);
constexpr ImU32 kDone = IM_COL32(30, 72, 46, 255);  // checked in (also ✓ and words)
constexpr ImU32 kDimOverlay = IM_COL32(0, 0, 0, 170);
constexpr ImU32 kBlank = IM_COL32(0, 0, 0, 255);

// Sets ImGui's style for touch at the display's scale.
void apply_style(ImGuiStyle& style, const Metrics& metrics);

}  // namespace tavla::ui::theme
