// The headless runner: drives a Kiosk from a script of actions and prints one
// JSON line per action and result on `out` (flushed at once, so a reader sees
// every check-in the moment it is durable). Used by tests, the end-to-end demo
// and the benchmarks. The script format is documented in firmware/README.md.
#pragma once

#include <iosfwd>
#include <string>

#include "tavla/kiosk/kiosk.hpp"
#include "tavla/kiosk/time.hpp"

namespace tavla::kiosk {

struct HeadlessOptions {
  // The clock the kiosk runs on when the script may move it ("advance");
  // nullptr with the system clock.
  ManualClock* manual_clock = nullptr;
  // Print {"line":N,"begin":true} before each command: a crash test can tell
  // a kill inside a command from one between commands.
  bool mark_begin = false;
};

// Exit status of a run.
enum class CommandScriptStatus {
  ok = 0,      // every action ran and every "expect" held
  failed = 1,  // an "expect" did not hold or a wait timed out (the run stops there)
  bad = 2,     // the script is malformed (the run stops there; the line is named)
};

CommandScriptStatus run_command_script(Kiosk& kiosk, std::istream& script, std::ostream& out,
                                       const HeadlessOptions& options);

// The snapshot as one JSON object (ids, states and counts; no display names).
[[nodiscard]] std::string snapshot_json(const Snapshot& snapshot);

}  // namespace tavla::kiosk
