// Signals for `serve`: blocked in every thread, taken by one thread with
// sigwait, which only sets the ServeControl flags (no work in a handler).
#pragma once

#include "tavla/host/app/serve.hpp"

namespace tavla::host::app {

// Blocks SIGTERM, SIGINT and SIGHUP in the calling thread (so in every
// thread started after it) and starts a detached thread that turns them into
// control.stop / control.reload. `control` must outlive the process's work.
void handle_signals(ServeControl& control);

}  // namespace tavla::host::app
