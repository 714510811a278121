// One pointer for the UI, fed by a touchscreen (the kiosk) or a mouse
// (development). It turns a stream of presses, releases and moves into one
// state per UI frame.
#pragma once

#include <deque>

#include "tavla/ui/geometry.hpp"

namespace tavla::ui {

struct PointerEvent {
  enum class Kind { press, release, move };
  Kind kind = Kind::move;
  Point at;
  // A finger leaves the screen on release; a mouse stays where it is. After
  // a touch ends nothing may stay "hovered" under the lifted finger.
  bool touch = false;
};

struct PointerFrame {
  Point position;
  bool down = false;
  bool present = false;  // false: no pointer over the screen (finger lifted)
  bool operator==(const PointerFrame&) const = default;
};

class PointerTracker {
 public:
  void push(const PointerEvent& event);
  // The state for the next UI frame. A press or a release ends a frame's
  // share of the queue: a tap whose press and release arrive together is
  // still seen down for one frame and up in the next, as ImGui needs to see
  // a click; the rest waits for the following frames.
  PointerFrame next_frame();
  // Events are still queued: the loop must render more frames.
  [[nodiscard]] bool pending() const { return !queue_.empty() || lift_pending_; }
  [[nodiscard]] const PointerFrame& current() const { return state_; }

 private:
  std::deque<PointerEvent> queue_;
  PointerFrame state_;
  bool lift_pending_ = false;
};

}  // namespace tavla::ui
