// tavla-host as the program-level tests drive it: a command run to
// completion with the test's site, its csv reports as records, `serve` as a
// running process, and a kiosk that publishes events and collects acks.
#pragma once

#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "mqtt_peer.hpp"
#include "tavla/protocol/event.hpp"
#include "tavla/protocol/messages.hpp"
#include "tavla/testing/process.hpp"

namespace tavla::host::testing {

// A csv report's rows as column name -> value.
using Record = std::map<std::string, std::string>;
[[nodiscard]] std::vector<Record> parse_report(const std::string& csv);

// `program ARGS --config CONFIG` (program: the test's TAVLA_HOST).
tavla::testing::RunResult run_host(const std::string& program, const std::filesystem::path& config,
                                   std::vector<std::string> args);

// `tavla-host serve --config CONFIG`, ready when constructed (its log says
// so), its stderr in `log`.
class HostService {
 public:
  HostService(const std::string& program, const std::filesystem::path& config,
              std::filesystem::path log);
  [[nodiscard]] std::string log() const;
  // SIGHUP, then waits until the log says the configuration was reloaded
  // once more than before; false if it did not.
  bool reload();
  // SIGTERM; the exit code (-999 if it did not stop in time).
  int stop();

 private:
  std::filesystem::path log_;
  std::unique_ptr<tavla::testing::Process> process_;
};

// A kiosk as the host sees it, on the example site's topics.
class KioskPeer {
 public:
  KioskPeer(const std::string& broker_url, const std::string& device);
  void send(const protocol::Event& event);
  void send_status(const protocol::Status& status);
  // Whether every one of `events` was acked within `wait`.
  bool all_acked(const std::vector<protocol::Event>& events,
                 std::chrono::milliseconds wait = std::chrono::seconds(20));

 private:
  std::string device_;
  MqttPeer peer_;
};

}  // namespace tavla::host::testing
