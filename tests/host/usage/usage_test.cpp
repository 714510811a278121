#include "tavla/host/usage/usage.hpp"

#include <gtest/gtest.h>

#include "host_fixture.hpp"
#include "tavla/host/config/load.hpp"
#include "tavla/host/ingest/corrections.hpp"
#include "tavla/host/usage/bases.hpp"

namespace tavla::host::usage {
namespace {

using testing::EventMaker;

class UsageTest : public ::testing::Test {
 protected:
  void SetUp() override {
    site_ = config::load_site(
        testing::write_example_site(dir_, testing::database_url(testing::Backend::sqlite, dir_)));
    repos_ = std::make_unique<storage::Repositories>(site_.database_url);
    ingest::Processor processor(
        *repos_, site_, [] { return *protocol::parse_timestamp("2026-03-27T12:00:00.000Z"); });
    EventMaker k("kiosk-1", "epoch-0001");
    std::vector<ingest::Message> batch;
    for (const auto& e : {k.opened("s-1", "gv-1"), k.checked_in("s-1", "p-1", "nannestad", "fh-1"),
                          k.checked_in("s-1", "p-5", "oslo", "fh-4")}) {
      batch.push_back(testing::message(e));
    }
    processor.process(batch);
  }

  tavla::testing::TempDir dir_;
  config::Site site_;
  std::unique_ptr<storage::Repositories> repos_;
};

TEST_F(UsageTest, EnrollmentsCountFosterHomesOfTheYearsGroups) {
  const auto e = enrollments(site_, 2026);
  EXPECT_EQ(e.at("nannestad"), 1);  // p-1 and p-2 share fh-1
  EXPECT_EQ(e.at("hurdal"), 1);
  EXPECT_EQ(e.at("eidsvoll"), 1);  // the leader is not enrolled
  EXPECT_TRUE(enrollments(site_, 2025).empty());
}

TEST_F(UsageTest, OutsideBuyersAreBilledAtTheirRateOutsideTheAllocation) {
  const auto bases = bases_for(site_, *site_.plan(2026), year_usage(site_, *repos_, 2026));
  ASSERT_EQ(bases.members.size(), 7U);
  EXPECT_EQ(bases.members[0].municipality, "nannestad");
  EXPECT_EQ(bases.members[0].population, 14797);
  EXPECT_EQ(bases.members[0].attendance_units, 1);
  ASSERT_EQ(bases.external.size(), 1U);
  EXPECT_EQ(bases.external[0].municipality, "oslo");
  EXPECT_EQ(bases.external[0].amount, 250000);
}

TEST_F(UsageTest, CorrectionsChangeUsageAndAClosedYearKeepsItsFigures) {
  ingest::correct_attendance(*repos_, site_,
                             {"s-1", "p-3", true, "Came late, not checked in", "kari",
                              *protocol::parse_timestamp("2026-03-28T10:00:00.000Z")});
  EXPECT_EQ(year_usage(site_, *repos_, 2026).rows[2].attendance_units, 1);  // hurdal
  storage::in_transaction(repos_->db(), [&](storage::Transaction& tx) {
    repos_->usage().close_year(tx, 2026, {{"hurdal", 1, 1, 1, 0, 0}}, "kari",
                               "2027-01-05T10:00:00.000Z");
  });
  ingest::correct_attendance(*repos_, site_,
                             {"s-1", "p-3", false, "Was not there after all", "kari",
                              *protocol::parse_timestamp("2027-01-06T10:00:00.000Z")});
  const auto y = year_usage(site_, *repos_, 2026);
  EXPECT_TRUE(y.closed);
  EXPECT_EQ(y.rows[2].attendance_units, 1);  // frozen
  EXPECT_EQ(y.live[2].attendance_units, 0);  // the adjustment for the next settlement
  EXPECT_THROW(ingest::correct_attendance(*repos_, site_,
                                          {"s-1", "p-nobody", true, "x", "kari",
                                           *protocol::parse_timestamp("2027-01-06T10:00:00.000Z")}),
               ingest::CorrectionError);
}

// A group of single sessions (`series = false`) counts each session's
// attendance units as its consumption, a series counts enrolled foster
// homes; a part keyed on enrollments sees both. On SQLite and PostgreSQL.
class SingleSessionsTest : public ::testing::TestWithParam<testing::Backend> {};

TEST_P(SingleSessionsTest, ASingleSessionGroupCountsAttendanceUnitsAsEnrollments) {
  tavla::testing::TempDir dir;
  const auto config = testing::write_example_site(dir, testing::database_url(GetParam(), dir));
  tavla::testing::write_file(config, tavla::testing::read_file(config) + R"(
[[group]]
id = "tema"
name = "Temakveld"
kind = "group_guidance"
device = "kiosk-1"
year = 2026
series = false
members = "gv.csv"
)");
  const auto site = config::load_site(config);
  ASSERT_FALSE(site.group("tema")->series);
  ASSERT_TRUE(site.group("gv-1")->series);
  storage::Repositories repos(site.database_url);
  ingest::Processor processor(
      repos, site, [] { return *protocol::parse_timestamp("2026-03-27T12:00:00.000Z"); });
  EventMaker k("kiosk-1", "epoch-0001");
  std::vector<ingest::Message> batch;
  for (const auto& e : {k.opened("t-1", "tema"), k.checked_in("t-1", "p-1", "nannestad", "fh-1"),
                        k.checked_in("t-1", "p-2", "nannestad", "fh-1"),
                        k.checked_in("t-1", "p-3", "hurdal", "fh-2"), k.opened("t-2", "tema"),
                        k.checked_in("t-2", "p-1", "nannestad", "fh-1"), k.opened("s-1", "gv-1"),
                        k.checked_in("s-1", "p-1", "nannestad", "fh-1")}) {
    batch.push_back(testing::message(e));
  }
  processor.process(batch);
  std::map<std::string, std::int64_t> counted;
  for (const auto& row : live_usage(site, repos, 2026)) {
    if (row.enrollments != 0) {
      counted[row.municipality] = row.enrollments;
    }
  }
  // The series: one foster home each in nannestad, hurdal, eidsvoll and oslo;
  // the single sessions: nannestad's fh-1 twice, hurdal's fh-2 once.
  EXPECT_EQ(counted, (std::map<std::string, std::int64_t>{
                         {"nannestad", 3}, {"hurdal", 2}, {"eidsvoll", 1}, {"oslo", 1}}));
  EXPECT_EQ(enrollments(site, 2026).at("nannestad"), 1);  // the series alone
}

INSTANTIATE_TEST_SUITE_P(Backends, SingleSessionsTest,
                         ::testing::Values(testing::Backend::sqlite, testing::Backend::postgresql),
                         testing::backend_name);

}  // namespace
}  // namespace tavla::host::usage
