// The screen dims and then blanks outside the room's scheduled hours when
// nobody touches it, and wakes on touch. Inside the hours it stays on. The
// waking touch only wakes: it never reaches a button the sleeper could not see.
#pragma once

#include <chrono>
#include <optional>

namespace tavla::ui {

enum class PowerLevel { on, dim, blank };

struct PowerPolicy {
  std::chrono::seconds dim_after{60};     // idle time outside hours until dimmed
  std::chrono::seconds blank_after{300};  // idle time outside hours until blank
};

class ScreenPower {
 public:
  using Clock = std::chrono::steady_clock;

  ScreenPower(PowerPolicy policy, Clock::time_point now) : policy_(policy), last_touch_(now) {}

  // A touch at `now`: whether it reaches the UI (false when it only woke
  // the screen).
  bool touch_reaches_ui(Clock::time_point now, bool within_hours);
  [[nodiscard]] PowerLevel level(Clock::time_point now, bool within_hours) const;
  // When the level next changes by itself (the loop wakes then).
  [[nodiscard]] std::optional<Clock::time_point> next_change(Clock::time_point now,
                                                             bool within_hours) const;

 private:
  PowerPolicy policy_;
  Clock::time_point last_touch_;
};

}  // namespace tavla::ui
