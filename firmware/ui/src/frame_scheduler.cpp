#include "tavla/ui/frame_scheduler.hpp"

#include <algorithm>

namespace tavla::ui {

void FrameScheduler::request_at(Clock::time_point when) {
  if (!timer_ || when < *timer_) {
    timer_ = when;
  }
}

bool FrameScheduler::due(Clock::time_point now) const {
  return continuous_ || frames_owed_ > 0 || (timer_ && now >= *timer_) ||
         now - last_frame_ >= kMaxIdle;
}

std::chrono::milliseconds FrameScheduler::wait_time(Clock::time_point now) const {
  using std::chrono::ceil;
  using std::chrono::milliseconds;
  if (due(now)) {
    return milliseconds{0};
  }
  auto until = last_frame_ + kMaxIdle;
  if (timer_) {
    until = std::min(until, *timer_);
  }
  // Rounded up: waking a millisecond early would only spin once more.
  return std::max(milliseconds{1}, ceil<milliseconds>(until - now));
}

void FrameScheduler::rendered(Clock::time_point now) {
  frames_owed_ = std::max(0, frames_owed_ - 1);
  timer_.reset();
  last_frame_ = now;
}

}  // namespace tavla::ui
