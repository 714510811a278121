// Every tappable widget registers its visible rectangle (and its label)
// under a stable id each frame, so a script can tap "by id" and a test can
// ask what the screen shows without reading pixels.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tavla/ui/geometry.hpp"

namespace tavla::ui {

struct WidgetInfo {
  std::string id;
  Rect rect;          // the visible part, in pixels
  std::string label;  // what it says (may be empty)
};

class WidgetRegistry {
 public:
  void begin_frame() { widgets_.clear(); }
  void add(std::string id, Rect rect, std::string label = {});
  // The last registration of `id` in this frame.
  [[nodiscard]] const WidgetInfo* find(std::string_view id) const;
  [[nodiscard]] const std::vector<WidgetInfo>& all() const { return widgets_; }

 private:
  std::vector<WidgetInfo> widgets_;
};

}  // namespace tavla::ui
