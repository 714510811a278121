// Sizes for touch, scaled to the display. The layout is designed at 800×480
// (a 7" panel) and scales by the smaller of the two ratios, so 1280×800
// (a 10" panel) gets the same layout with everything 1.6 times larger.
#pragma once

#include "tavla/ui/geometry.hpp"

namespace tavla::ui {

struct Metrics {
  Size display;
  float scale = 1;

  // Design pixels (at 800×480) to real pixels.
  [[nodiscard]] float px(float design) const { return design * scale; }

  // Font sizes in real pixels.
  [[nodiscard]] float small_font() const { return px(17); }
  [[nodiscard]] float body_font() const { return px(22); }
  [[nodiscard]] float large_font() const { return px(30); }
  [[nodiscard]] float title_font() const { return px(40); }
  [[nodiscard]] float huge_font() const { return px(76); }  // clock, countdown

  // The smallest thing a finger should hit (about 9 mm on a 7" panel).
  [[nodiscard]] float touch_min() const { return px(52); }
  [[nodiscard]] float gap() const { return px(10); }
  [[nodiscard]] float margin() const { return px(14); }
  [[nodiscard]] float rounding() const { return px(8); }
};

[[nodiscard]] Metrics metrics_for(Size display);

}  // namespace tavla::ui
