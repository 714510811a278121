#include "tavla/ui/pointer.hpp"

namespace tavla::ui {

void PointerTracker::push(const PointerEvent& event) {
  queue_.push_back(event);
}

PointerFrame PointerTracker::next_frame() {
  if (lift_pending_ && queue_.empty()) {
    // The frame after a touch release: the finger is gone.
    lift_pending_ = false;
    state_.present = false;
    return state_;
  }
  lift_pending_ = false;
  while (!queue_.empty()) {
    const auto event = queue_.front();
    queue_.pop_front();
    state_.position = event.at;
    state_.present = true;
    if (event.kind == PointerEvent::Kind::press) {
      state_.down = true;
      break;
    }
    if (event.kind == PointerEvent::Kind::release) {
      state_.down = false;
      lift_pending_ = event.touch;
      break;
    }
  }
  return state_;
}

}  // namespace tavla::ui
