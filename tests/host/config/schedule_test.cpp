#include "tavla/host/config/schedule.hpp"

#include <gtest/gtest.h>

namespace tavla::host::config {
namespace {

using namespace std::chrono;
using protocol::Date;

TEST(Schedule, LastFridayOfEachMonthWithAnException) {
  const auto rule = parse_recurrence("last friday monthly");
  ASSERT_TRUE(rule);
  const auto dates = occurrences(*rule, Date{2024y, January, 1d}, Date{2024y, April, 30d},
                                 {Date{2024y, March, 29d}});  // Good Friday 2024
  ASSERT_EQ(dates.size(), 3U);
  EXPECT_EQ(dates[0], (Date{2024y, January, 26d}));
  EXPECT_EQ(dates[1], (Date{2024y, February, 23d}));
  EXPECT_EQ(dates[2], (Date{2024y, April, 26d}));
}

TEST(Schedule, NthWeekdayAndWeekly) {
  const auto first = parse_recurrence("first monday monthly");
  ASSERT_TRUE(first);
  EXPECT_EQ(occurrences(*first, Date{2026y, June, 1d}, Date{2026y, June, 30d}, {}),
            std::vector<Date>{(Date{2026y, June, 1d})});
  const auto weekly = parse_recurrence("weekly tuesday");
  ASSERT_TRUE(weekly);
  EXPECT_EQ(occurrences(*weekly, Date{2026y, June, 1d}, Date{2026y, June, 30d}, {}).size(), 5U);
}

TEST(Schedule, RefusesRulesItDoesNotUnderstand) {
  EXPECT_FALSE(parse_recurrence("every other friday"));
  EXPECT_FALSE(parse_recurrence("last fryday monthly"));
  EXPECT_FALSE(parse_recurrence(""));
}

TEST(Schedule, OsloWallClockToUtcAcrossDaylightSaving) {
  // Winter: UTC+1; summer: UTC+2.
  EXPECT_EQ(protocol::format_timestamp(oslo_to_utc(Date{2026y, January, 30d}, 9h)),
            "2026-01-30T08:00:00.000Z");
  EXPECT_EQ(protocol::format_timestamp(oslo_to_utc(Date{2026y, June, 26d}, 15h + 30min)),
            "2026-06-26T13:30:00.000Z");
}

TEST(Schedule, OsloDateOfAnInstantNearMidnight) {
  // 23:30 UTC on 31 December is already New Year's Day in Oslo.
  const auto ts = protocol::parse_timestamp("2025-12-31T23:30:00.000Z");
  ASSERT_TRUE(ts);
  EXPECT_EQ(oslo_date(*ts), (Date{2026y, January, 1d}));
}

}  // namespace
}  // namespace tavla::host::config
