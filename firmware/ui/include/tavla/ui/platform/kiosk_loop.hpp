// The kiosk's main loop: SDL events in, frames out, and nothing in between.
// It sleeps in SDL_WaitEventTimeout until input arrives, the core reports a
// change (through the waker), a visible timer is due or the screen's power
// level changes; then it draws as few frames as the change needs. With a
// script it also plays the script's touches into SDL's event queue.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <vector>

#include "tavla/kiosk/log.hpp"
#include "tavla/ui/frame.hpp"
#include "tavla/ui/platform/display.hpp"
#include "tavla/ui/screen_power.hpp"
#include "tavla/ui/touch_script.hpp"

namespace tavla::ui::platform {

struct LoopOptions {
  PowerPolicy power;
  // Draw a frame on every turn, as a naive loop would: the idle
  // benchmark's baseline, never the kiosk's mode.
  bool continuous = false;
  std::optional<touch_script::Script> script;
  touch_script::KeyboardMap keyboard;  // for the script's `type`
  std::filesystem::path shots_dir;     // the script's `shot` files are relative to this
  // When set, each frame's build-and-draw time in microseconds is written
  // here, one per line, when the loop ends (the frame-time benchmark).
  std::filesystem::path frame_log;
  // When the program started, for the "first frame after N ms" log line.
  std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();
  // Where the loop says how it went: the first frame, screenshots, a
  // failed script line (kiosk/log.hpp). Empty: nowhere.
  kiosk::Log log;
};

struct LoopResult {
  int exit_code = 0;  // 0, or 3 when the script failed
  std::uint64_t frames = 0;
};

class KioskLoop {
 public:
  // Display::waker() wakes this loop from other threads.
  KioskLoop(Display& display, FrameApp& app, LoopOptions options);

  LoopResult run();

 private:
  Display& display_;
  FrameApp& app_;
  LoopOptions options_;
};

}  // namespace tavla::ui::platform
