// A clock that starts at a given instant and then runs in real time: a
// scripted UI run (the demo, the README's screenshots) can play "Friday
// 09:00" while its countdowns still tick. The headless runner's
// ManualClock, by contrast, moves only when told to.
#pragma once

#include <chrono>

#include "tavla/kiosk/time.hpp"

namespace tavla::ui {

class OffsetClock final : public kiosk::Clock {
 public:
  explicit OffsetClock(kiosk::Timestamp start)
      : start_(start), origin_(std::chrono::steady_clock::now()) {}
  [[nodiscard]] kiosk::Timestamp now() const override {
    return start_ + std::chrono::duration_cast<kiosk::Milliseconds>(
                        std::chrono::steady_clock::now() - origin_);
  }

 private:
  kiosk::Timestamp start_;
  std::chrono::steady_clock::time_point origin_;
};

}  // namespace tavla::ui
