// The program's log: each line to stderr after the program's name, written
// in one piece so that lines from the UI and the core's worker thread do not
// interleave.
#pragma once

#include <iostream>
#include <string>

#include "tavla/kiosk/log.hpp"

namespace tavla::app {

[[nodiscard]] inline kiosk::Log stderr_log() {
  return [](const std::string& line) { std::cerr << ("tavla-kiosk: " + line + "\n"); };
}

}  // namespace tavla::app
