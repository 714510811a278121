// When to draw the next frame: the kiosk idles on SDL_WaitEventTimeout and
// renders only after input, after a state change, or when something
// visible changes on its own (the clock's minute, a countdown's second, a
// confirmation that clears itself). This is the "power save" loop of the
// ImGui wiki, as plain logic that tests drive with made-up times.
#pragma once

#include <chrono>
#include <optional>

namespace tavla::ui {

class FrameScheduler {
 public:
  using Clock = std::chrono::steady_clock;

  // ImGui settles a press, a release and the redraw of their result over a
  // few frames, so input earns this many.
  static constexpr int kFramesAfterInput = 3;
  // Even a screen with no timers is redrawn this often (a safety net: a
  // missed wake-up never freezes the screen for long).
  static constexpr std::chrono::seconds kMaxIdle{60};

  void input_arrived() { frames_owed_ = kFramesAfterInput; }
  void state_changed() { frames_owed_ = frames_owed_ > 0 ? frames_owed_ : 1; }
  // A visible change at `when` (at most one frame per call).
  void request_at(Clock::time_point when);
  // The benchmark's baseline: a frame on every loop turn, as a naive app would.
  void set_continuous(bool continuous) { continuous_ = continuous; }

  [[nodiscard]] bool due(Clock::time_point now) const;
  // How long the loop may sleep waiting for events (zero when a frame is due).
  [[nodiscard]] std::chrono::milliseconds wait_time(Clock::time_point now) const;
  // Call after every rendered frame; timers are requested anew by each frame.
  void rendered(Clock::time_point now);

 private:
  int frames_owed_ = 1;  // the first frame
  std::optional<Clock::time_point> timer_;
  Clock::time_point last_frame_{};
  bool continuous_ = false;
};

}  // namespace tavla::ui
