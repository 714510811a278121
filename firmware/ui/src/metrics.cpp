#include "tavla/ui/metrics.hpp"

#include <algorithm>

namespace tavla::ui {

Metrics metrics_for(Size display) {
  constexpr float kDesignWidth = 800;
  constexpr float kDesignHeight = 480;
  Metrics m;
  m.display = display;
  const float by_width = static_cast<float>(display.width) / kDesignWidth;
  const float by_height = static_cast<float>(display.height) / kDesignHeight;
  // Below 0.75 the text stops being readable at arm's length; such a
  // window is a developer's, and gets clipped rather than illegible.
  m.scale = std::max(0.75F, std::min(by_width, by_height));
  return m;
}

}  // namespace tavla::ui
