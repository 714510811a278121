#include "tavla/ui/ui.hpp"

namespace tavla::ui {

void Ui::redraw_at_wall(kiosk::Timestamp when) {
  const auto delay = when > now ? when - now : kiosk::Timestamp::duration{0};
  redraw_at_steady(input.now + delay);
}

void Ui::redraw_at_steady(std::chrono::steady_clock::time_point when) {
  if (!redraw_at || when < *redraw_at) {
    redraw_at = when;
  }
}

}  // namespace tavla::ui
