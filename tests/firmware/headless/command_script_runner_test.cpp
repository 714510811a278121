// The headless runner in-process, on a provisioned store and a manual clock.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "tavla/kiosk/headless.hpp"
#include "tavla/kiosk/local_store.hpp"
#include "tavla/protocol/codec.hpp"
#include "tavla/testing/kiosk_fixtures.hpp"
#include "tavla/testing/temp_dir.hpp"

namespace tavla::kiosk {
namespace {

using nlohmann::json;

class CommandScriptRunnerTest : public ::testing::Test {
 protected:
  CommandScriptRunnerTest()
      : clock_(protocol::parse_timestamp("2026-11-27T08:00:00.000Z").value()), random_(5) {
    auto room = testing::room_config(2);
    room.schedule.push_back(protocol::ScheduledSession{
        "sched-gv-1", "gv", protocol::SessionKind::group_guidance, "Samling",
        protocol::parse_timestamp("2026-11-27T09:00:00.000Z").value(),
        protocol::parse_timestamp("2026-11-27T10:00:00.000Z").value(), std::nullopt});
    config_ = testing::kiosk_config(dir_.path(), "tcp://127.0.0.1:1");
    LocalStore store(dir_ / "kiosk.db", config_.device, "EPOCH-0000000001");
    store.save_config(StoredConfig{room.rev, protocol::encode(room)});
    kiosk_ = std::make_unique<Kiosk>(config_, Kiosk::Dependencies{clock_, random_, nullptr, {}});
  }

  std::pair<CommandScriptStatus, std::vector<json>> play(const std::string& script) {
    std::istringstream in(script);
    std::ostringstream out;
    const auto status = run_command_script(*kiosk_, in, out, HeadlessOptions{&clock_, false});
    std::vector<json> lines;
    std::istringstream read(out.str());
    for (std::string line; std::getline(read, line);) {
      lines.push_back(json::parse(line));
    }
    return {status, lines};
  }

  testing::TempDir dir_;
  ManualClock clock_;
  SeededRandom random_;
  KioskConfig config_;
  std::unique_ptr<Kiosk> kiosk_;
};

TEST_F(CommandScriptRunnerTest, PlaysAGroupSessionAndPrintsOneLinePerResult) {
  const auto [status, lines] = play(R"(
# comments and blank lines are skipped
{"do":"wait_config"}
{"do":"open","group":"gv","leader":"p-lead","pin":"1234","expect":"ok"}
{"do":"check_in","participant":"p-1","expect":"ok"}
{"do":"check_in","participant":"p-1","expect":"already_checked_in"}
{"do":"check_in_guest","municipality":"hurdal","repeat":2}
{"do":"undo","participant":"$last","expect":"ok"}
{"do":"snapshot"}
)");
  EXPECT_EQ(status, CommandScriptStatus::ok);
  ASSERT_EQ(lines.size(), 8U);
  EXPECT_EQ(lines[1]["line"], 4);
  EXPECT_EQ(lines[2]["durable"], true);
  EXPECT_EQ(lines[2]["events"].size(), 1U);
  EXPECT_EQ(lines[3]["refusal"], "already_checked_in");
  EXPECT_EQ(lines[3]["expect_held"], true);
  EXPECT_TRUE(lines[5]["subject"].get<std::string>().starts_with("guest-"));
  EXPECT_EQ(lines[6]["subject"], lines[5]["subject"]);
  const auto& snap = lines[7]["snapshot"];
  ASSERT_EQ(snap["open"].size(), 1U);
  EXPECT_EQ(snap["open"][0]["present"].size(), 2U);
  EXPECT_EQ(snap["outbox"], 5);
}

TEST_F(CommandScriptRunnerTest, AdvancesTheManualClockAndTicksTheScheduler) {
  const auto [status, lines] = play(R"(
{"do":"tick"}
{"do":"set_time","time":"2026-11-27T08:45:00.000Z"}
{"do":"tick"}
{"do":"check_in","participant":"p-2","session":"sched-gv-1","expect":"ok"}
{"do":"advance","minutes":105}
{"do":"tick"}
{"do":"check_in","participant":"p-3","session":"sched-gv-1","expect":"session_not_open"}
)");
  EXPECT_EQ(status, CommandScriptStatus::ok);
  EXPECT_TRUE(lines[0]["steps"].empty());
  EXPECT_EQ(lines[2]["steps"].size(), 1U);
  EXPECT_EQ(lines[4]["now"], "2026-11-27T10:30:00.000Z");  // end + 30 min grace
  EXPECT_EQ(lines[5]["steps"].size(), 1U);
}

TEST_F(CommandScriptRunnerTest, AFailedExpectationStopsTheRun) {
  const auto [status, lines] = play(R"(
{"do":"open","group":"gv","leader":"p-lead","pin":"0000","expect":"ok"}
{"do":"snapshot"}
)");
  EXPECT_EQ(status, CommandScriptStatus::failed);
  ASSERT_EQ(lines.size(), 1U);
  EXPECT_EQ(lines[0]["refusal"], "wrong_pin");
  EXPECT_EQ(lines[0]["expect_held"], false);
}

TEST_F(CommandScriptRunnerTest, AMalformedLineIsNamed) {
  for (const auto* script :
       {"{\"do\":\"fly\"}\n", "not json\n", "{\"do\":\"check_in\"}\n", "[1,2]\n"}) {
    const auto [status, lines] = play(script);
    EXPECT_EQ(status, CommandScriptStatus::bad) << script;
    ASSERT_EQ(lines.size(), 1U);
    EXPECT_EQ(lines[0]["line"], 1);
    EXPECT_FALSE(lines[0]["error"].get<std::string>().empty());
  }
}

// Every command's name is a verb (the runner's table is made from the
// Command variant): a line with only the verb fails on a missing field, never
// as an unknown action.
template <std::size_t... I>
std::vector<std::string_view> command_names(std::index_sequence<I...> /*alternatives*/) {
  return {std::variant_alternative_t<I, Command>::kName...};
}

TEST_F(CommandScriptRunnerTest, EveryCommandIsAVerb) {
  const auto names = command_names(std::make_index_sequence<std::variant_size_v<Command>>{});
  ASSERT_EQ(names.size(), std::variant_size_v<Command>);
  for (const auto name : names) {
    const auto [status, lines] = play("{\"do\":\"" + std::string(name) + "\",\"session\":7}\n");
    EXPECT_EQ(status, CommandScriptStatus::bad) << name;
    ASSERT_EQ(lines.size(), 1U);
    const auto error = lines[0]["error"].get<std::string>();
    EXPECT_EQ(error.find("unknown action"), std::string::npos) << name << ": " << error;
    EXPECT_NE(error.find("must be"), std::string::npos) << name << ": " << error;
  }
  const auto [status, lines] = play("{\"do\":\"open_session\"}\n");
  EXPECT_EQ(lines.at(0)["error"], "unknown action \"open_session\"");
}

TEST_F(CommandScriptRunnerTest, TheSnapshotSaysWhatTheHostRefused) {
  kiosk_.reset();
  {
    // An event and the ack that refused it, as sync keeps them.
    LocalStore store(dir_ / "kiosk.db", config_.device, "EPOCH-0000000001");
    const std::string id = "01JD0Z8X4C5N8E2Q7T9V3W6Y01";
    store.commit({}, std::vector{EventDraft{id, protocol::SessionClosed{"s-1"}}}, clock_.now());
    store.mark_acked(std::vector{id}, clock_.now() + std::chrono::seconds(2),
                     std::vector<protocol::Rejection>{{id, "session_of_another_device"}});
  }
  kiosk_ = std::make_unique<Kiosk>(config_, Kiosk::Dependencies{clock_, random_, nullptr, {}});
  const auto [status, lines] = play("{\"do\":\"snapshot\"}\n");
  EXPECT_EQ(status, CommandScriptStatus::ok);
  const auto& rejected = lines.at(0)["snapshot"]["rejected"];
  EXPECT_EQ(rejected["count"], 1);
  EXPECT_EQ(rejected["latest"],
            json::parse(R"([{"id":"01JD0Z8X4C5N8E2Q7T9V3W6Y01","code":"session_of_another_device",
                             "type":"session.closed","ts":"2026-11-27T08:00:00.000Z",
                             "received":"2026-11-27T08:00:02.000Z"}])"));
}

TEST_F(CommandScriptRunnerTest, AWaitThatTimesOutFails) {
  const auto [status, lines] = play("{\"do\":\"wait_connected\",\"timeout_ms\":10}\n");
  EXPECT_EQ(status, CommandScriptStatus::failed);
  EXPECT_EQ(lines.at(0)["ok"], false);
}

}  // namespace
}  // namespace tavla::kiosk
