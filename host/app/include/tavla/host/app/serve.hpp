// `tavla-host serve`: the ingest loop. Wires the MQTT client, the message
// queue, the processor and the room-config publisher together; the signal
// flags are set by the program's signal thread.
#pragma once

#include <atomic>
#include <filesystem>
#include <functional>
#include <string>

namespace tavla::host::app {

struct ServeControl {
  std::atomic<bool> stop{false};    // SIGTERM/SIGINT: stop consuming, commit, ack, exit
  std::atomic<bool> reload{false};  // SIGHUP: reload the site file, republish room configs
};

struct ServeOptions {
  std::filesystem::path config;
  std::string instance;  // distinguishes the client ids of several instances
  std::size_t max_batch = 2000;
};

using Log = std::function<void(const std::string&)>;

// Runs until control.stop; returns the exit code. Throws config::SiteConfigError
// or storage::DatabaseError if it cannot start.
int serve(const ServeOptions& options, ServeControl& control, const Log& log);

// Sends `state` (e.g. "READY=1") to systemd when $NOTIFY_SOCKET is set.
void notify_systemd(const std::string& state);

}  // namespace tavla::host::app
