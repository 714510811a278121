// Action items travel from one network meeting to the next through the
// host: recorded on the kiosk, open in the room config the host publishes
// for the next meeting, and gone from it once marked done there.
#include <gtest/gtest.h>

#include "mqtt_peer.hpp"
#include "tavla/protocol/codec.hpp"
#include "tavla/protocol/topic.hpp"
#include "tavla/testing/system_rig.hpp"

namespace tavla::testing {
namespace {

using nlohmann::json;
using namespace std::chrono_literals;

// The last room config the host published for kiosk-2 (retained or not).
std::optional<protocol::RoomConfig> latest_config(host::testing::MqttPeer& peer) {
  std::optional<protocol::RoomConfig> latest;
  for (const auto& m : peer.received()) {
    auto config = protocol::decode_config(m.topic, m.payload);
    if (config) {
      latest = config.value();
    }
  }
  return latest;
}

bool lists_action(const protocol::RoomConfig& config, const std::string& action) {
  return std::ranges::any_of(config.open_actions,
                             [&](const auto& a) { return a.action == action; });
}

// The kiosk's carried-over actions in a snapshot line: id -> done.
std::map<std::string, bool> carried(const json& snapshot_line) {
  std::map<std::string, bool> actions;
  for (const auto& a : snapshot_line.at("snapshot").at("carried_actions")) {
    actions[a.at("action").get<std::string>()] = a.at("done").get<bool>();
  }
  return actions;
}

TEST(MeetingActions, RecordedInOneMeetingIsOpenInTheNextAndGoneWhenDone) {
  SystemRig rig;
  ASSERT_TRUE(rig.start_host()) << rig.host_log();
  host::testing::MqttPeer peer(rig.broker().url(), "it-config-watcher");
  peer.subscribe(protocol::topic_for("stottepilar", "kiosk-2", protocol::Channel::config));

  // October's meeting (the last Friday, 09:30 in Oslo): the scheduler opens
  // it; an action for Nina S. on "Oppfølgingspunkter".
  const auto october = rig.run_kiosk(
      "kiosk-2",
      script_of({{{"do", "wait_config"}},
                 {{"do", "tick"}},
                 {{"do", "check_in"},
                  {"session", "nm-20261030"},
                  {"participant", "p-leder-hurdal"},
                  {"expect", "ok"}},
                 {{"do", "lead"},
                  {"session", "nm-20261030"},
                  {"leader", "p-leder-nes"},
                  {"pin", "1111"},
                  {"expect", "ok"}},
                 {{"do", "start_item"}, {"session", "nm-20261030"}, {"item", "sak-2"}},
                 {{"do", "action"},
                  {"session", "nm-20261030"},
                  {"text", "Sende invitasjon til alle kommunene"},
                  {"owner", "p-leder-nes"},
                  {"due", "2026-11-13"},
                  {"expect", "ok"}},
                 {{"do", "close"},
                  {"session", "nm-20261030"},
                  {"leader", "p-leder-nes"},
                  {"pin", "1111"},
                  {"expect", "ok"}},
                 {{"do", "wait_outbox_empty"}}}),
      "2026-10-30T08:30:00.000Z");
  ASSERT_EQ(october.exit_code, 0) << october.log;
  const auto* recorded = october.find("action");
  ASSERT_NE(recorded, nullptr);
  const std::string action = recorded->value("subject", "");
  ASSERT_FALSE(action.empty());

  // The host republishes kiosk-2's room config with the action open.
  ASSERT_TRUE(eventually(
      [&] {
        const auto c = latest_config(peer);
        return c && lists_action(*c, action);
      },
      20s))
      << rig.host_log();
  const auto with_action = latest_config(peer)->rev;

  // November's meeting: the kiosk has that config and shows the action as
  // carried over; it is marked done in this meeting.
  const auto november = rig.run_kiosk("kiosk-2",
                                      script_of({{{"do", "wait_config"}, {"rev", with_action}},
                                                 {{"do", "tick"}},
                                                 {{"do", "snapshot"}},
                                                 {{"do", "lead"},
                                                  {"session", "nm-20261127"},
                                                  {"leader", "p-leder-nes"},
                                                  {"pin", "1111"},
                                                  {"expect", "ok"}},
                                                 {{"do", "action_done"},
                                                  {"session", "nm-20261127"},
                                                  {"action", action},
                                                  {"expect", "ok"}},
                                                 {{"do", "wait_outbox_empty"}}}),
                                      "2026-11-27T08:30:00.000Z");
  ASSERT_EQ(november.exit_code, 0) << november.log;
  const auto* before = november.find("snapshot");
  ASSERT_NE(before, nullptr);
  EXPECT_EQ(carried(*before), (std::map<std::string, bool>{{action, false}})) << before->dump();

  // The host drops it from the next config (a higher rev) ...
  ASSERT_TRUE(eventually(
      [&] {
        const auto c = latest_config(peer);
        return c && c->rev > with_action && !lists_action(*c, action);
      },
      20s))
      << rig.host_log();
  const auto without_action = latest_config(peer)->rev;

  // ... and the kiosk, taking it, no longer carries it.
  const auto later = rig.run_kiosk(
      "kiosk-2",
      script_of({{{"do", "wait_config"}, {"rev", without_action}}, {{"do", "snapshot"}}}),
      "2026-11-27T10:00:00.000Z");
  ASSERT_EQ(later.exit_code, 0) << later.log;
  const auto* after = later.find("snapshot");
  ASSERT_NE(after, nullptr);
  EXPECT_EQ(after->at("snapshot").at("config_rev").get<std::uint64_t>(), without_action);
  EXPECT_TRUE(carried(*after).empty()) << after->dump();
  EXPECT_EQ(rig.stop_host(), 0) << rig.host_log();
}

}  // namespace
}  // namespace tavla::testing
