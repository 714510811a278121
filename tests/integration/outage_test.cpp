// A whole group-guidance session played while the broker, or the host, is
// down: the kiosk keeps everything in its outbox, and once the missing
// piece is back the host's usage is exactly what the same session gives
// online.
#include <gtest/gtest.h>

#include "group_session.hpp"

namespace tavla::testing {
namespace {

using namespace std::chrono_literals;

// The same session with everything up, in a system of its own.
std::string online_usage() {
  SystemRig rig;
  EXPECT_TRUE(rig.start_host()) << rig.host_log();
  const auto out = rig.run_kiosk("kiosk-1", group_session_script(), kSessionDay);
  EXPECT_EQ(out.exit_code, 0) << out.log;
  return rig.usage_csv(2026);
}

// The outbox depth the session's snapshot (after the close) printed.
std::int64_t unacked_after_close(KioskRun& run) {
  for (const auto& line : run.lines()) {
    if (line.value("do", "") == "snapshot") {
      return line.at("snapshot").at("outbox").get<std::int64_t>();
    }
  }
  return -1;
}

TEST(Outage, BrokerDownForAWholeSessionThenBackGivesTheSameUsageAsOnline) {
  const auto online = online_usage();
  ASSERT_EQ(online, kSessionUsage);

  SystemRig rig;
  ASSERT_TRUE(rig.start_host()) << rig.host_log();
  // The kiosk has its room config from an earlier start ...
  ASSERT_EQ(rig.run_kiosk("kiosk-1", script_of({{{"do", "wait_config"}}}), kSessionDay).exit_code,
            0);
  // ... then the broker goes down and the whole session happens.
  rig.broker().stop();
  auto run = rig.start_kiosk("kiosk-1", group_session_script(), kSessionDay);
  ASSERT_TRUE(run->printed("snapshot", 30s)) << run->finish().log;
  // Nothing acked: opened, 4 check-ins, the undo, 2 guests, closed.
  EXPECT_EQ(unacked_after_close(*run), 9);
  rig.broker().start();
  const auto out = run->finish(90s);
  ASSERT_EQ(out.exit_code, 0) << out.log << rig.host_log();
  EXPECT_EQ(rig.usage_csv(2026), online);
  EXPECT_EQ(rig.stop_host(), 0) << rig.host_log();
}

TEST(Outage, HostDownForAWholeSessionThenBackGivesTheSameUsageAsOnline) {
  const auto online = online_usage();
  ASSERT_EQ(online, kSessionUsage);

  SystemRig rig;
  ASSERT_TRUE(rig.start_host()) << rig.host_log();
  ASSERT_EQ(rig.run_kiosk("kiosk-1", script_of({{{"do", "wait_config"}}}), kSessionDay).exit_code,
            0);
  ASSERT_EQ(rig.stop_host(), 0);
  // The kiosk reaches the broker, but nobody acks.
  auto run = rig.start_kiosk("kiosk-1", group_session_script(), kSessionDay);
  ASSERT_TRUE(run->printed("snapshot", 30s)) << run->finish().log;
  EXPECT_EQ(unacked_after_close(*run), 9);
  ASSERT_TRUE(rig.start_host()) << rig.host_log();
  const auto out = run->finish(90s);
  ASSERT_EQ(out.exit_code, 0) << out.log << rig.host_log();
  EXPECT_EQ(rig.usage_csv(2026), online);
  EXPECT_EQ(rig.stop_host(), 0) << rig.host_log();
}

}  // namespace
}  // namespace tavla::testing
