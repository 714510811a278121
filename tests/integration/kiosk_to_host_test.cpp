// The kiosk and the host through a real broker: what is tapped on the kiosk
// is what the host counts, and a correction made on the host shows in usage
// and in the allocation's explanation.
#include <gtest/gtest.h>

#include "group_session.hpp"

namespace tavla::testing {
namespace {

std::string session_of(const KioskOutput& out) {
  const auto* opened = out.find("open");
  return opened == nullptr ? std::string() : opened->value("subject", "");
}

// The row of `municipality` in usage csv output.
std::string usage_row(const std::string& csv, const std::string& municipality) {
  const auto at = csv.find("\n" + municipality + ",");
  return at == std::string::npos ? std::string() : csv.substr(at + 1, csv.find('\r', at) - at - 1);
}

TEST(KioskToHost, CheckInsOnTheKioskAppearInTheHostsUsage) {
  SystemRig rig;
  ASSERT_TRUE(rig.start_host()) << rig.host_log();
  const auto out = rig.run_kiosk("kiosk-1", group_session_script(), kSessionDay);
  ASSERT_EQ(out.exit_code, 0) << out.log;
  // Every event acked means every event committed: usage is complete now,
  // with the host still running.
  EXPECT_EQ(rig.usage_csv(2026), kSessionUsage);
  EXPECT_EQ(rig.stop_host(), 0) << rig.host_log();
  EXPECT_EQ(rig.usage_csv(2026), kSessionUsage);
  const auto devices = rig.host_command({"devices", "--format", "csv"});
  EXPECT_NE(devices.out.find("kiosk-1"), std::string::npos) << devices.out;
}

TEST(KioskToHost, HostSideCorrectionShowsInUsageAndInExplain) {
  SystemRig rig;
  ASSERT_TRUE(rig.start_host()) << rig.host_log();
  const auto out = rig.run_kiosk("kiosk-1", group_session_script(), kSessionDay);
  ASSERT_EQ(out.exit_code, 0) << out.log;
  const auto session = session_of(out);
  ASSERT_FALSE(session.empty());
  ASSERT_EQ(usage_row(rig.usage_csv(2026), "eidsvoll"), "eidsvoll,2026,1,1,1,0");

  // Eva E. was there after all (her check-in was undone on the kiosk by
  // mistake); Liv H. left before the session began. Made while serving.
  const auto add =
      rig.host_command({"attendance", "add", "--session", session, "--participant", "p-4",
                        "--reason", "Undone by mistake on the kiosk", "--by", "it-test"});
  ASSERT_EQ(add.exit_code, 0) << add.err;
  const auto remove =
      rig.host_command({"attendance", "remove", "--session", session, "--participant", "p-3",
                        "--reason", "Left before the session began", "--by", "it-test"});
  ASSERT_EQ(remove.exit_code, 0) << remove.err;

  const auto usage = rig.usage_csv(2026);
  EXPECT_EQ(usage_row(usage, "eidsvoll"), "eidsvoll,2026,1,2,1,0") << usage;
  EXPECT_EQ(usage_row(usage, "hurdal"), "hurdal,2026,0,0,1,0") << usage;
  EXPECT_EQ(usage_row(usage, "nannestad"), "nannestad,2026,1,1,1,0") << usage;

  const auto explain =
      rig.host_command({"allocate", "--year", "2026", "--explain", "eidsvoll", "--format", "csv"});
  ASSERT_EQ(explain.exit_code, 0) << explain.err;
  EXPECT_NE(explain.out.find("session " + session), std::string::npos) << explain.out;
  EXPECT_NE(explain.out.find("add p-4 in " + session + " by it-test"), std::string::npos)
      << explain.out;
  EXPECT_NE(explain.out.find("Undone by mistake on the kiosk"), std::string::npos) << explain.out;
  // The removal is Hurdal's, not Eidsvoll's.
  EXPECT_EQ(explain.out.find("p-3"), std::string::npos) << explain.out;
  const auto hurdal =
      rig.host_command({"allocate", "--year", "2026", "--explain", "hurdal", "--format", "csv"});
  ASSERT_EQ(hurdal.exit_code, 0) << hurdal.err;
  EXPECT_NE(hurdal.out.find("remove p-3 in " + session), std::string::npos) << hurdal.out;
  EXPECT_EQ(rig.stop_host(), 0) << rig.host_log();
}

}  // namespace
}  // namespace tavla::testing
