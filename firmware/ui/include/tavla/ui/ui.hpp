// What a screen needs for one frame besides the snapshot and its own view
// state: sizes, fonts, texts, the widget registry, the time, and a way to
// ask for a redraw when something visible changes on its own.
#pragma once

#include <chrono>
#include <optional>

#include "tavla/kiosk/time.hpp"
#include "tavla/ui/catalogue.hpp"
#include "tavla/ui/fonts.hpp"
#include "tavla/ui/frame.hpp"
#include "tavla/ui/local_time.hpp"
#include "tavla/ui/metrics.hpp"
#include "tavla/ui/widget_registry.hpp"

namespace tavla::ui {

struct Ui {
  const Metrics& metrics;
  const Fonts& fonts;
  const Catalogue& text;
  const LocalTime& zone;
  WidgetRegistry& widgets;
  const FrameInput& input;  // hardware keyboard (development); time
  kiosk::Timestamp now;     // the core's clock, for everything shown

  // The earliest moment a visible thing changes by itself.
  std::optional<std::chrono::steady_clock::time_point> redraw_at;

  void redraw_at_wall(kiosk::Timestamp when);
  void redraw_at_steady(std::chrono::steady_clock::time_point when);
};

}  // namespace tavla::ui
