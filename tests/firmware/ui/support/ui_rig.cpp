#include "tavla/testing/ui_rig.hpp"

#include <gtest/gtest.h>
#include <mqtt/async_client.h>
#include <sqlite3.h>
#include <stb_image.h>

#include <algorithm>
#include <iostream>
#include <map>
#include <mutex>

#include "tavla/kiosk/pin.hpp"
#include "tavla/protocol/codec.hpp"
#include "tavla/protocol/topic.hpp"
#include "tavla/testing/kiosk_fixtures.hpp"
#include "tavla/testing/process.hpp"

namespace tavla::testing {

protocol::RoomConfig ui_room_config() {
  auto config = room_config(1);
  using std::chrono::floor;
  using std::chrono::milliseconds;
  const auto now = floor<milliseconds>(std::chrono::system_clock::now());
  const auto start = protocol::Timestamp{now - std::chrono::minutes(10)};
  const auto end = protocol::Timestamp{now + std::chrono::hours(3)};
  config.schedule.push_back({kGuidanceSession, "gv", protocol::SessionKind::group_guidance,
                             "Samling 4", start, end, std::nullopt});
  config.schedule.push_back({kMeetingSession, "nm", protocol::SessionKind::network_meeting,
                             "Nettverksmøte", start, end, "fast"});
  return config;
}

// Subscribes to the site's events, keeps them decoded, and acks them.
class EventHost {
 public:
  explicit EventHost(const std::string& url)
      : client_(url, "ui-test-host-" + std::to_string(reinterpret_cast<std::uintptr_t>(this))) {
    client_.set_message_callback([this](mqtt::const_message_ptr msg) { on_message(msg); });
    client_.connect(mqtt::connect_options_builder().clean_session(true).finalize())
        ->wait_for(std::chrono::seconds(10));
    client_.subscribe(protocol::device_wildcard(kSite, protocol::Channel::events), 1)
        ->wait_for(std::chrono::seconds(10));
  }
  ~EventHost() {
    client_.disable_callbacks();
    try {
      client_.disconnect()->wait_for(std::chrono::seconds(2));
    } catch (const mqtt::exception&) {  // NOLINT(bugprone-empty-catch): the broker may be gone
    }
  }
  EventHost(const EventHost&) = delete;
  EventHost& operator=(const EventHost&) = delete;

  void publish_config(const protocol::RoomConfig& config) {
    client_
        .publish(protocol::topic_for(kSite, kDevice, protocol::Channel::config),
                 protocol::encode(config), 1, true)
        ->wait_for(std::chrono::seconds(5));
  }

  std::vector<protocol::Event> events() const {
    const std::lock_guard lock(mutex_);
    std::vector<protocol::Event> out;
    for (const auto& [key, event] : by_position_) {
      out.push_back(event);
    }
    return out;
  }

 private:
  void on_message(const mqtt::const_message_ptr& msg) {
    auto decoded = protocol::decode_event(msg->get_topic(), msg->get_payload_str());
    if (!decoded) {
      ADD_FAILURE() << "undecodable event: " << msg->get_payload_str();
      return;
    }
    const auto& event = decoded.value();
    {
      const std::lock_guard lock(mutex_);
      by_position_.emplace(std::make_pair(event.epoch, event.seq), event);
    }
    // Acked at once, as the host does after its commit (duplicates are fine).
    client_.publish(protocol::topic_for(kSite, event.device, protocol::Channel::ack),
                    protocol::encode(protocol::Ack{{event.id}}), 1, false);
  }

  mutable std::mutex mutex_;
  std::map<std::pair<std::string, std::uint64_t>, protocol::Event> by_position_;
  mqtt::async_client client_;
};

namespace {

std::string test_name() {
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  return info == nullptr ? "ui" : std::string(info->test_suite_name()) + "." + info->name();
}

}  // namespace

std::filesystem::path ui_artifacts() {
  auto dir = std::filesystem::path(TAVLA_UI_ARTIFACTS) / test_name();
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

TouchUiResult run_touch_ui(const TouchUiRun& run) {
  std::vector<std::string> args{
      "--config",   run.config.string(),
      "--windowed", std::to_string(run.width) + "x" + std::to_string(run.height),
      "--script",   run.script.string(),
      "--shots",    run.shots.string()};
  args.insert(args.end(), run.extra_args.begin(), run.extra_args.end());
  const auto argv = program_argv(TAVLA_KIOSK, args);
  const auto log = run.shots / "kiosk.log";
  Process kiosk({argv, {{"DISPLAY", run.display}, {"TZ", "Europe/Oslo"}}, {}, log, {}});
  const auto status = kiosk.wait(std::chrono::minutes(4));
  if (!status) {
    kiosk.kill_hard();
  }
  TouchUiResult result;
  result.exit_code = status ? Process::exit_code(*status) : -9;
  result.log = read_file(log);
  // Where to look: the screenshots and the log stay as the test's artefacts.
  std::cout << "UI artefacts (screenshots, log): " << run.shots.string() << std::endl;
  return result;
}

UiRig::UiRig(Options options)
    : options_(std::move(options)),
      xvfb_({.width = options_.width, .height = options_.height}),
      host_(std::make_unique<EventHost>(broker_.url())),
      shots_(ui_artifacts()) {
  std::filesystem::create_directories(dir_ / "data");
  host_->publish_config(options_.room.value_or(ui_room_config()));
  const std::string admin_hash = kiosk::make_pin_hash("0011223344556677", kAdminPin);
  write_file(dir_ / "kiosk.toml", kiosk_toml(dir_ / "data", broker_.url()) +
                                      "[ui]\nadmin_pin_hash = \"" + admin_hash + "\"\n");
}

UiRig::~UiRig() = default;

UiRig::Result UiRig::run(const std::string& script) {
  write_file(dir_ / "script.txt", script);
  return run_touch_ui({dir_ / "kiosk.toml", dir_ / "script.txt", shots_, xvfb_.display(),
                       options_.width, options_.height, options_.extra_args});
}

std::vector<protocol::Event> UiRig::events() const {
  return host_->events();
}

double black_share(const std::filesystem::path& png) {
  int width = 0;
  int height = 0;
  int channels = 0;
  unsigned char* pixels = stbi_load(png.c_str(), &width, &height, &channels, 3);
  if (pixels == nullptr || width <= 0 || height <= 0) {
    return 0;
  }
  const auto count = static_cast<std::size_t>(width) * static_cast<std::size_t>(height);
  std::size_t black = 0;
  for (std::size_t i = 0; i < count; ++i) {
    const unsigned char* p = pixels + 3 * i;
    black += (p[0] | p[1] | p[2]) == 0 ? 1 : 0;
  }
  stbi_image_free(pixels);
  return static_cast<double>(black) / static_cast<double>(count);
}

std::string integrity_check(const std::filesystem::path& database) {
  sqlite3* db = nullptr;
  std::string result;
  if (sqlite3_open_v2(database.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &statement, nullptr) == SQLITE_OK) {
      while (sqlite3_step(statement) == SQLITE_ROW) {
        result += reinterpret_cast<const char*>(sqlite3_column_text(statement, 0));  // NOLINT
      }
    }
    sqlite3_finalize(statement);
  } else {
    result = sqlite3_errmsg(db);
  }
  sqlite3_close(db);
  return result;
}

}  // namespace tavla::testing
