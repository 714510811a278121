// An implausible device clock does not decide a session's date and year:
// the host's receive time does, and the session is flagged; an old
// timestamp alone (a kiosk that was offline) stays as it is. On SQLite and
// PostgreSQL.
#include "tavla/host/ingest/device_clock.hpp"

#include <gtest/gtest.h>

#include "host_fixture.hpp"
#include "tavla/host/config/load.hpp"
#include "tavla/host/ingest/processor.hpp"
#include "tavla/protocol/codec.hpp"
#include "tavla/protocol/topic.hpp"

namespace tavla::host::ingest {
namespace {

using testing::Backend;
using testing::EventMaker;
using testing::message;

protocol::Timestamp at(const std::string& text) {
  return *protocol::parse_timestamp(text);
}

protocol::Date date(const std::string& text) {
  return *protocol::parse_date(text);
}

class DeviceClockTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    site_ = config::load_site(
        testing::write_example_site(dir_, testing::database_url(GetParam(), dir_)));
    repos_ = std::make_unique<storage::Repositories>(site_.database_url);
    processor_ = std::make_unique<Processor>(*repos_, site_, [this] { return now_; });
  }

  // Opens `session` with an event dated `ts`; the stored session.
  storage::StoredSession open(const std::string& session, protocol::Timestamp ts) {
    auto opened = maker_.opened(session, "gv-1");
    opened.ts = ts;
    processor_->process({message(opened)});
    return repos_->attendance().session(session).value();
  }

  void status(bool clock_ok) {
    const protocol::Status s{true, "0.2.0", 0, clock_ok, std::nullopt, std::nullopt};
    processor_->process({{protocol::topic_for("stottepilar", "kiosk-1", protocol::Channel::status),
                          protocol::encode(s)}});
  }

  tavla::testing::TempDir dir_;
  config::Site site_;
  protocol::Timestamp now_ = at("2026-03-27T12:00:00.000Z");
  std::unique_ptr<storage::Repositories> repos_;
  std::unique_ptr<Processor> processor_;
  EventMaker maker_{"kiosk-1", "epoch-0001"};
};

TEST_P(DeviceClockTest, A1970TimestampIsBilledInTheHostsYear) {
  const auto s = open("s-1", at("1970-01-01T00:00:07.000Z"));
  EXPECT_EQ(s.opened_at, "2026-03-27T12:00:00.000Z");
  EXPECT_EQ(s.year, 2026);
  EXPECT_EQ(s.month, 3);
  const auto flags = repos_->devices().clock_flags();
  ASSERT_EQ(flags.size(), 1U);
  EXPECT_EQ(flags[0].session, "s-1");
  EXPECT_EQ(flags[0].device_ts, "1970-01-01T00:00:07.000Z");
  EXPECT_EQ(flags[0].year, 2026);
  EXPECT_EQ(flags[0].reason, "before_site");
}

TEST_P(DeviceClockTest, AClockAheadOfTheHostIsDoubtedBeyondFiveMinutes) {
  EXPECT_EQ(open("s-ahead", now_ + std::chrono::minutes(6)).opened_at, "2026-03-27T12:00:00.000Z");
  EXPECT_EQ(open("s-near", now_ + std::chrono::minutes(4)).opened_at, "2026-03-27T12:04:00.000Z");
  const auto flags = repos_->devices().clock_flags();
  ASSERT_EQ(flags.size(), 1U);
  EXPECT_EQ(flags[0].reason, "ahead_of_host");
}

TEST_P(DeviceClockTest, AKioskThatWasOfflineKeepsItsOldTimestamps) {
  // Received on 2027-01-04: an event of last December stays in 2026.
  now_ = at("2027-01-04T08:00:00.000Z");
  const auto s = open("s-december", at("2026-12-18T09:00:00.000Z"));
  EXPECT_EQ(s.year, 2026);
  EXPECT_EQ(s.month, 12);
  EXPECT_TRUE(repos_->devices().clock_flags().empty());
}

TEST_P(DeviceClockTest, ADeviceThatSaidItsClockIsNotSynchronisedIsDoubted) {
  status(false);
  EXPECT_EQ(open("s-1", at("2026-03-20T09:00:00.000Z")).opened_at, "2026-03-27T12:00:00.000Z");
  status(true);
  EXPECT_EQ(open("s-2", at("2026-03-20T10:00:00.000Z")).opened_at, "2026-03-20T10:00:00.000Z");
  const auto flags = repos_->devices().clock_flags();
  ASSERT_EQ(flags.size(), 1U);
  EXPECT_EQ(flags[0].reason, "not_synchronised");
}

TEST_P(DeviceClockTest, AResentOpeningIsFlaggedOnce) {
  auto opened = maker_.opened("s-1", "gv-1");
  opened.ts = at("1970-01-01T00:00:07.000Z");
  processor_->process({message(opened)});
  EXPECT_EQ(processor_->process({message(opened)}).clock_flags, 0U);
  EXPECT_EQ(repos_->devices().clock_flags().size(), 1U);
}

TEST_P(DeviceClockTest, TheSitesEarliestDateIsItsEarliestScheduleOrPlanOrMembership) {
  EXPECT_EQ(earliest_site_date(site_), date("2020-01-01"));  // lunner's member_from
  for (auto& m : site_.municipalities) {
    m.member_from.reset();
  }
  EXPECT_EQ(earliest_site_date(site_), date("2026-01-01"));  // the 2026 plan
  site_.plans.clear();
  EXPECT_EQ(earliest_site_date(site_), date("2026-01-30"));  // the first network meeting
  site_.schedule.clear();
  EXPECT_EQ(earliest_site_date(site_), date("2020-01-01"));  // never before
  EXPECT_EQ(clock_doubt(at("2019-12-31T22:59:00.000Z"), now_, date("2020-01-01"), true),
            ClockDoubt::before_site);
  EXPECT_EQ(clock_doubt(at("2019-12-31T23:00:00.000Z"), now_, date("2020-01-01"), true),
            ClockDoubt::none);  // already 1 January in Oslo
}

INSTANTIATE_TEST_SUITE_P(Backends, DeviceClockTest,
                         ::testing::Values(Backend::sqlite, Backend::postgresql),
                         testing::backend_name);

}  // namespace
}  // namespace tavla::host::ingest
