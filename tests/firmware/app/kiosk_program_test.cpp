#include <gtest/gtest.h>

#include "tavla/protocol/codec.hpp"
#include "tavla/testing/kiosk_fixtures.hpp"
#include "tavla/testing/mosquitto_broker.hpp"
#include "tavla/testing/process.hpp"
#include "tavla/testing/temp_dir.hpp"

namespace tavla::testing {
namespace {

TEST(KioskProgram, PrintsItsVersion) {
  const auto result = run(program_argv(TAVLA_KIOSK, {"--version"}));
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_NE(result.out.find("tavla-kiosk 0."), std::string::npos) << result.out;
}

TEST(KioskProgram, PrintsHelp) {
  const auto result = run(program_argv(TAVLA_KIOSK, {"--help"}));
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_NE(result.out.find("--version"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("--headless"), std::string::npos) << result.out;
}

TEST(KioskProgram, RefusesAnUnknownOption) {
  const auto result = run(program_argv(TAVLA_KIOSK, {"--no-such-option"}));
  EXPECT_NE(result.exit_code, 0);
  EXPECT_NE(result.err.find("no-such-option"), std::string::npos) << result.err;
}

TEST(KioskProgram, ABadConfigNamesFileLineAndKey) {
  TempDir dir;
  write_file(dir / "kiosk.toml", "[device]\nid = \"kiosk-1\"\nsite = \"s\"\ndata_dir = 5\n");
  const auto result = run(program_argv(TAVLA_KIOSK, {"--config", (dir / "kiosk.toml").string()}));
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("kiosk.toml:4:12: device.data_dir: must be a string"),
            std::string::npos)
      << result.err;
}

// Without --headless the program is the touch UI; with no display to open
// it says so and fails (the UI itself is tested under Xvfb, tests/firmware/ui).
TEST(KioskProgram, TheTouchUiSaysWhenThereIsNoDisplay) {
  TempDir dir;
  write_file(dir / "kiosk.toml", kiosk_toml(dir / "data", "tcp://127.0.0.1:1"));
  const auto result =
      run(program_argv(TAVLA_KIOSK, {"--config", (dir / "kiosk.toml").string()}), "",
          std::chrono::seconds(60), {{"SDL_VIDEODRIVER", "x11"}, {"DISPLAY", ":no-such-display"}});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("cannot start SDL video"), std::string::npos) << result.err;
}

TEST(KioskProgram, TheTouchUiRefusesABadWindowSizeOrScript) {
  TempDir dir;
  write_file(dir / "kiosk.toml", kiosk_toml(dir / "data", "tcp://127.0.0.1:1"));
  write_file(dir / "bad.script", "tap\n");
  const auto config = (dir / "kiosk.toml").string();
  auto result = run(program_argv(TAVLA_KIOSK, {"--config", config, "--windowed", "800by480"}));
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("--windowed takes WIDTHxHEIGHT"), std::string::npos) << result.err;
  result = run(
      program_argv(TAVLA_KIOSK, {"--config", config, "--script", (dir / "bad.script").string()}));
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("bad.script:1: tap takes"), std::string::npos) << result.err;
}

TEST(KioskProgram, PlaysAMeetingHeadlessAgainstARealBroker) {
  TempDir dir;
  MosquittoBroker broker;
  RecordingHost host(broker.url());
  host.publish_config(protocol::encode(room_config(1)));
  write_file(dir / "kiosk.toml", kiosk_toml(dir / "data", broker.url()));
  write_file(dir / "meeting.jsonl", R"({"do":"wait_config"}
{"do":"wait_connected"}
{"do":"open","group":"nm","leader":"p-nl","pin":"9999","agenda":"fast","expect":"ok"}
{"do":"lead","leader":"p-nl","pin":"9999","expect":"ok"}
{"do":"check_in","participant":"p-buf","expect":"ok"}
{"do":"start_item","item":"sak-1","expect":"ok"}
{"do":"decision","text":"Ny gruppe starter i februar.","expect":"ok"}
{"do":"decision","text":"Feil sak","expect":"ok"}
{"do":"retract","target":"$last","reason":"Ført under feil sak","expect":"ok"}
{"do":"action","text":"Sende invitasjon","owner":"p-nl","due":"2026-12-15","expect":"ok"}
{"do":"add_item","title":"Eventuelt","minutes":10,"expect":"ok"}
{"do":"start_item","item":"$last","expect":"ok"}
{"do":"action_done","action":"01JD0ZA0000000000000000A00","expect":"ok"}
{"do":"close","leader":"p-nl","pin":"9999","expect":"ok"}
{"do":"wait_outbox_empty"}
)");
  const auto result =
      run(program_argv(TAVLA_KIOSK, {"--config", (dir / "kiosk.toml").string(), "--headless",
                                     "--script", (dir / "meeting.jsonl").string()}));
  ASSERT_EQ(result.exit_code, 0) << result.out << result.err;
  std::map<std::string, int> types;
  for (const auto& r : host.received()) {
    types[r.type] += 1;
  }
  EXPECT_EQ(types["session.opened"], 1);
  EXPECT_EQ(types["attendance.checked_in"], 1);
  EXPECT_EQ(types["agenda.item_started"], 2);
  // Taking up "Eventuelt" pauses sak-1 (never finishes it); closing
  // finishes the one running.
  EXPECT_EQ(types["agenda.item_paused"], 1);
  EXPECT_EQ(types["agenda.item_finished"], 1);
  EXPECT_EQ(types["minutes.decision"], 2);
  EXPECT_EQ(types["minutes.retracted"], 1);
  EXPECT_EQ(types["minutes.action"], 1);
  EXPECT_EQ(types["minutes.action_done"], 1);
  EXPECT_EQ(types["session.closed"], 1);
}

}  // namespace
}  // namespace tavla::testing
