#include "tavla/ui/screen_power.hpp"

namespace tavla::ui {

bool ScreenPower::touch_reaches_ui(Clock::time_point now, bool within_hours) {
  const bool awake = level(now, within_hours) == PowerLevel::on;
  last_touch_ = now;
  return awake;
}

PowerLevel ScreenPower::level(Clock::time_point now, bool within_hours) const {
  if (within_hours) {
    return PowerLevel::on;
  }
  const auto idle = now - last_touch_;
  if (idle >= policy_.blank_after) {
    return PowerLevel::blank;
  }
  if (idle >= policy_.dim_after) {
    return PowerLevel::dim;
  }
  return PowerLevel::on;
}

std::optional<ScreenPower::Clock::time_point> ScreenPower::next_change(Clock::time_point now,
                                                                       bool within_hours) const {
  if (within_hours) {
    return std::nullopt;
  }
  const auto dim = last_touch_ + policy_.dim_after;
  const auto blank = last_touch_ + policy_.blank_after;
  if (now < dim) {
    return dim;
  }
  if (now < blank) {
    return blank;
  }
  return std::nullopt;
}

}  // namespace tavla::ui
