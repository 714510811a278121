// What the kiosk's UI tests share: the real tavla-kiosk under its own Xvfb,
// a real mosquitto, and a host that publishes the room config, records
// every event in full (decoded by the protocol library) and acks it, so the
// kiosk's outbox drains as in production. A test writes a UI script, runs
// it, and checks the events that came out; screenshots land in
// build/test-artifacts/ui/<test name>/.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "tavla/protocol/event.hpp"
#include "tavla/protocol/room_config.hpp"
#include "tavla/testing/mosquitto_broker.hpp"
#include "tavla/testing/temp_dir.hpp"
#include "tavla/testing/xvfb_server.hpp"

namespace tavla::testing {

// Session ids of ui_room_config()'s schedule, both open while the test runs.
inline constexpr const char* kGuidanceSession = "sess-gv-today";
inline constexpr const char* kMeetingSession = "sess-nm-today";
inline constexpr const char* kAdminPin = "2468";

// kiosk_fixtures' room (groups gv and nm, agenda fast, known PINs) with a
// group-guidance session and a network meeting scheduled around now.
[[nodiscard]] protocol::RoomConfig ui_room_config();

// One run of the real touch UI: `tavla-kiosk --config … --windowed WxH
// --script … --shots …` on `display` in Europe/Oslo, its stderr in
// <shots>/kiosk.log, until it exits (a bounded wait; then it is killed).
// UiRig runs it against its acking host; the integration tests against the
// real tavla-host.
struct TouchUiRun {
  std::filesystem::path config;  // the kiosk file
  std::filesystem::path script;
  std::filesystem::path shots;  // screenshots and the log
  std::string display;
  int width = 800;
  int height = 480;
  std::vector<std::string> extra_args;  // e.g. {"--start-time", "…"}
};
struct TouchUiResult {
  int exit_code = -1;
  std::string log;  // the program's stderr
};
[[nodiscard]] TouchUiResult run_touch_ui(const TouchUiRun& run);

// build/test-artifacts/ui/<suite>.<test>/ of the running test, created empty.
[[nodiscard]] std::filesystem::path ui_artifacts();

class EventHost;

class UiRig {
 public:
  struct Options {
    int width = 800;
    int height = 480;
    std::vector<std::string> extra_args;       // e.g. {"--graphics", "gles"}
    std::optional<protocol::RoomConfig> room;  // default: ui_room_config()
  };

  explicit UiRig(Options options);
  UiRig() : UiRig(Options{}) {}
  ~UiRig();
  UiRig(const UiRig&) = delete;
  UiRig& operator=(const UiRig&) = delete;

  using Result = TouchUiResult;
  // Runs tavla-kiosk with `script` until it exits (a bounded wait).
  Result run(const std::string& script);

  // Every event received, once per id, in (epoch, seq) order.
  [[nodiscard]] std::vector<protocol::Event> events() const;
  [[nodiscard]] const std::filesystem::path& shots() const { return shots_; }
  [[nodiscard]] std::filesystem::path database() const { return dir_ / "data" / "kiosk.db"; }

 private:
  Options options_;
  TempDir dir_{"tavla-ui"};
  XvfbServer xvfb_;
  MosquittoBroker broker_;
  std::unique_ptr<EventHost> host_;
  std::filesystem::path shots_;
};

// The events of one body type.
template <class Body>
std::vector<Body> bodies_of(const std::vector<protocol::Event>& events) {
  std::vector<Body> out;
  for (const auto& e : events) {
    if (const auto* b = std::get_if<Body>(&e.body)) {
      out.push_back(*b);
    }
  }
  return out;
}

// The share of a PNG's pixels that are pure black (0 when unreadable).
[[nodiscard]] double black_share(const std::filesystem::path& png);

// PRAGMA integrity_check of an SQLite file ("ok" when intact).
[[nodiscard]] std::string integrity_check(const std::filesystem::path& database);

}  // namespace tavla::testing
