// The whole system on loopback for the integration tests: a real mosquitto,
// the real `tavla-host serve` (SQLite) with the example site of
// tests/host/support, and the real `tavla-kiosk` running headless scripts
// (firmware/README.md) against its own data directory per device. Every
// piece can be stopped and started again, and everything stops with the rig.
#pragma once

#include <chrono>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "tavla/testing/mosquitto_broker.hpp"
#include "tavla/testing/process.hpp"
#include "tavla/testing/temp_dir.hpp"

namespace tavla::testing {

// What a headless kiosk printed: one JSON object per action.
struct KioskOutput {
  int exit_code = -1;
  std::vector<nlohmann::json> lines;
  std::string log;  // stderr

  // The first line whose "do" is `verb` (after `from`), or nullptr.
  [[nodiscard]] const nlohmann::json* find(const std::string& verb, std::size_t from = 0) const;
};

// A headless kiosk running in the background.
class KioskRun {
 public:
  KioskRun(const std::vector<std::string>& argv, std::filesystem::path out,
           std::filesystem::path err);
  // The complete lines printed so far.
  [[nodiscard]] std::vector<nlohmann::json> lines() const;
  // Polls until a line with "do" == `verb` is printed (bounded).
  [[nodiscard]] bool printed(const std::string& verb, std::chrono::milliseconds timeout);
  // Waits for the exit (bounded; a kiosk still running then is killed).
  KioskOutput finish(std::chrono::milliseconds timeout = std::chrono::seconds(60));

 private:
  std::filesystem::path out_;
  std::filesystem::path err_;
  Process process_;
};

class SystemRig {
 public:
  // `more_site`: TOML appended to the example site, e.g. a [[session]] that
  // the tests of one file need and the others must not see.
  explicit SystemRig(const std::string& more_site = "");
  ~SystemRig();
  SystemRig(const SystemRig&) = delete;
  SystemRig& operator=(const SystemRig&) = delete;

  [[nodiscard]] MosquittoBroker& broker() { return broker_; }
  [[nodiscard]] const std::filesystem::path& site() const { return site_; }

  // tavla-host serve; returns once it logged `ready` (false if it did not).
  bool start_host();
  // SIGTERM (it drains); returns its exit code.
  int stop_host();
  [[nodiscard]] std::string host_log() const;

  // A headless kiosk run of `script` (JSON lines) as `device` with its clock
  // starting at `start_time`; the data directory stays across runs.
  [[nodiscard]] std::unique_ptr<KioskRun> start_kiosk(const std::string& device,
                                                      const std::string& script,
                                                      const std::string& start_time);
  KioskOutput run_kiosk(const std::string& device, const std::string& script,
                        const std::string& start_time);
  // The kiosk file of `device` (short resend and reconnect timers; the data
  // directory stays across runs), for a kiosk the test starts itself, such
  // as the touch UI.
  std::filesystem::path kiosk_file(const std::string& device);

  // A reporting command of tavla-host with --config <site> appended.
  RunResult host_command(std::vector<std::string> args) const;
  [[nodiscard]] std::string usage_csv(int year) const;

 private:
  TempDir dir_{"tavla-integration"};
  // Persistent, as in production: the host's session and what is queued
  // for it survive a broker restart.
  MosquittoBroker broker_{MosquittoBroker::Options{true, 0, {}}};
  std::filesystem::path site_;
  std::unique_ptr<Process> host_;
  std::filesystem::path host_log_;
  int host_starts_ = 0;
  int kiosk_runs_ = 0;
};

// JSON lines from a list of objects, for a headless script.
[[nodiscard]] std::string script_of(const std::vector<nlohmann::json>& actions);

}  // namespace tavla::testing
