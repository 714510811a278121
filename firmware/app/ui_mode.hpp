// tavla-kiosk's touchscreen mode: wires the core, the display and the UI
// together and runs the loop until SIGTERM, the admin's "quit", or the end
// of a --script.
#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "tavla/kiosk/config.hpp"

namespace tavla::app {

struct UiArgs {
  std::string windowed;     // "800x480": a window; empty: fullscreen kiosk
  std::string api;          // "", "gl" or "gles"
  std::string script;       // a UI script (README, "Scripted runs")
  std::string shots = ".";  // where the script's screenshots go
  std::string start_time;   // RFC 3339 UTC: the clock starts there
  std::string frame_log;    // per-frame times (benchmarks)
  bool continuous = false;  // draw every turn (the idle benchmark's baseline)
  int dim_after = 60;       // seconds without a touch outside hours
  int blank_after = 300;
  // When main() began, for the "first frame after N ms" line.
  std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();
};

int run_ui(const kiosk::KioskConfig& config, const UiArgs& args);

}  // namespace tavla::app
