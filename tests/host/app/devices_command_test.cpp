// A device's implausible clock through the real program, on SQLite and
// PostgreSQL: `serve` bills a session whose kiosk said 1970 in the year the
// host received it, `devices` shows the flag and `usage` warns about it.
#include <gtest/gtest.h>

#include "host_fixture.hpp"
#include "host_service.hpp"
#include "tavla/host/config/schedule.hpp"
#include "tavla/testing/mosquitto_broker.hpp"

namespace tavla::host::testing {
namespace {

using tavla::testing::MosquittoBroker;
using tavla::testing::TempDir;

class DevicesCommandTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    config_ = write_example_site(dir_, database_url(GetParam(), dir_), broker_.url());
  }

  MosquittoBroker broker_;
  TempDir dir_;
  std::filesystem::path config_;
};

TEST_P(DevicesCommandTest, A1970TimestampBillsTheHostsYearAndIsFlagged) {
  const auto before = std::chrono::system_clock::now();
  {
    HostService host(TAVLA_HOST, config_, dir_ / "host.log");
    KioskPeer kiosk(broker_.url(), "kiosk-1");
    EventMaker unsynced("kiosk-1", "epoch-0001", "1970-01-01");  // booted without time sync
    const std::vector<protocol::Event> day = {unsynced.opened("s-1", "gv-1"),
                                              unsynced.checked_in("s-1", "p-3", "hurdal", "fh-2")};
    for (const auto& e : day) {
      kiosk.send(e);
    }
    ASSERT_TRUE(kiosk.all_acked(day)) << host.log();
    EXPECT_EQ(host.stop(), 0);
  }
  const auto year = std::to_string(static_cast<int>(
      config::oslo_date(std::chrono::time_point_cast<std::chrono::milliseconds>(before)).year()));

  const auto usage = run_host(TAVLA_HOST, config_, {"usage", "--year", year, "--format", "csv"});
  ASSERT_EQ(usage.exit_code, 0) << usage.err;
  const auto rows = parse_report(usage.out);
  const auto hurdal = std::find_if(
      rows.begin(), rows.end(), [](const Record& r) { return r.at("municipality") == "hurdal"; });
  ASSERT_NE(hurdal, rows.end());
  EXPECT_EQ(hurdal->at("attendance_units"), "1");
  EXPECT_NE(usage.err.find("warning: device kiosk-1: 1 session(s) of " + year +
                           " dated by the host's receive time"),
            std::string::npos)
      << usage.err;
  const auto old = run_host(TAVLA_HOST, config_, {"usage", "--year", "1970", "--format", "csv"});
  EXPECT_EQ(old.err.find("dated by the host's receive time"), std::string::npos) << old.err;

  const auto devices = run_host(TAVLA_HOST, config_, {"devices", "--format", "csv"});
  ASSERT_EQ(devices.exit_code, 0) << devices.err;
  std::map<std::string, std::string> flags;
  for (const auto& r : parse_report(devices.out)) {
    flags[r.at("device")] = r.at("clock_flags");
  }
  EXPECT_EQ(flags, (std::map<std::string, std::string>{{"kiosk-1", "1"}, {"kiosk-2", "0"}}));
}

INSTANTIATE_TEST_SUITE_P(Backends, DevicesCommandTest,
                         ::testing::Values(Backend::sqlite, Backend::postgresql), backend_name);

}  // namespace
}  // namespace tavla::host::testing
