// `tavla-host attendance add` through the real program, on SQLite and
// PostgreSQL: a session the site file schedules is known by its id alone,
// so the operator guide's correction of a scheduled session needs neither
// --group nor --date.
#include <gtest/gtest.h>

#include "host_fixture.hpp"
#include "host_service.hpp"

namespace tavla::host::testing {
namespace {

using tavla::testing::TempDir;

class AttendanceCommandTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override { config_ = write_example_site(dir_, database_url(GetParam(), dir_)); }

  tavla::testing::RunResult add(const std::string& session, std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {"attendance",    "add",
                                     "--session",     session,
                                     "--participant", "p-leder-hurdal",
                                     "--reason",      "Møtet ble holdt på video"};
    args.insert(args.end(), extra.begin(), extra.end());
    return run_host(TAVLA_HOST, config_, args);
  }

  TempDir dir_;
  std::filesystem::path config_;
};

TEST_P(AttendanceCommandTest, AScheduledSessionIsKnownByItsIdAlone) {
  // The example site's network meeting: the last Friday of January 2026.
  const auto r = add("nm-20260130");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto usage = parse_report(
      run_host(TAVLA_HOST, config_, {"usage", "--year", "2026", "--format", "csv"}).out);
  const auto hurdal = std::find_if(usage.begin(), usage.end(), [](const Record& row) {
    return row.at("municipality") == "hurdal";
  });
  ASSERT_NE(hurdal, usage.end());
  EXPECT_EQ(hurdal->at("meetings_attended"), "1");  // a network meeting
  const auto listed = parse_report(
      run_host(TAVLA_HOST, config_, {"attendance", "list", "--year", "2026", "--format", "csv"})
          .out);
  ASSERT_EQ(listed.size(), 1U);
  EXPECT_EQ(listed[0].at("session"), "nm-20260130");
  EXPECT_EQ(listed[0].at("municipality"), "hurdal");
}

TEST_P(AttendanceCommandTest, AGroupOrDateThatContradictsTheScheduleIsRefused) {
  const auto r = add("nm-20260130", {"--date", "2026-01-29"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("is scheduled for group 'nettverk' on 2026-01-30"), std::string::npos)
      << r.err;
  EXPECT_EQ(add("nm-20260130", {"--group", "nettverk", "--date", "2026-01-30"}).exit_code, 0);
}

TEST_P(AttendanceCommandTest, ASessionNeitherKnownNorScheduledNeedsGroupAndDate) {
  const auto r = add("nm-20260131");  // a Saturday: not scheduled
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("neither known nor scheduled"), std::string::npos) << r.err;
  const auto held = add("nm-20260131", {"--group", "nettverk", "--date", "2026-01-31"});
  EXPECT_EQ(held.exit_code, 0) << held.err;
}

INSTANTIATE_TEST_SUITE_P(Backends, AttendanceCommandTest,
                         ::testing::Values(Backend::sqlite, Backend::postgresql), backend_name);

}  // namespace
}  // namespace tavla::host::testing
