#include "tavla/ui/widget_registry.hpp"

namespace tavla::ui {

void WidgetRegistry::add(std::string id, Rect rect, std::string label) {
  widgets_.push_back({std::move(id), rect, std::move(label)});
}

const WidgetInfo* WidgetRegistry::find(std::string_view id) const {
  for (auto it = widgets_.rbegin(); it != widgets_.rend(); ++it) {
    if (it->id == id) {
      return &*it;
    }
  }
  return nullptr;
}

}  // namespace tavla::ui
