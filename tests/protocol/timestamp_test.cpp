#include "tavla/protocol/timestamp.hpp"

#include <gtest/gtest.h>

namespace tavla::protocol {
namespace {

using namespace std::chrono;

TEST(Timestamp, FormatsUtcWithMilliseconds) {
  const Timestamp ts = sys_days{2026y / November / 22} + 9h + 3min + 12s + 345ms;
  EXPECT_EQ(format_timestamp(ts), "2026-11-22T09:03:12.345Z");
}

TEST(Timestamp, ParsesWhatItFormats) {
  const Timestamp ts = sys_days{2024y / February / 29} + 23h + 59min + 59s + 7ms;
  EXPECT_EQ(parse_timestamp(format_timestamp(ts)), ts);
}

TEST(Timestamp, FormatsTheEpochAndZeroMilliseconds) {
  EXPECT_EQ(format_timestamp(Timestamp{}), "1970-01-01T00:00:00.000Z");
}

TEST(Timestamp, RejectsEveryOtherSpelling) {
  for (const char* text :
       {"2026-11-22T09:03:12Z", "2026-11-22T09:03:12.34Z", "2026-11-22T09:03:12.3456Z",
        "2026-11-22t09:03:12.345z", "2026-11-22 09:03:12.345Z", "2026-11-22T09:03:12.345+00:00",
        "2026-11-22T24:00:00.000Z", "2026-11-22T09:60:00.000Z", "2026-11-22T09:03:60.000Z",
        "2026-13-01T00:00:00.000Z", "2026-02-29T00:00:00.000Z", "2026-00-10T00:00:00.000Z",
        "+026-11-22T09:03:12.345Z", "2026-11-22T09:03:1a.345Z", ""}) {
    EXPECT_FALSE(parse_timestamp(text)) << text;
  }
}

TEST(Date, RoundTripsAndRejectsImpossibleDates) {
  EXPECT_EQ(parse_date("2026-12-15"), Date{2026y / December / 15});
  EXPECT_EQ(format_date(Date{2026y / January / 5}), "2026-01-05");
  EXPECT_FALSE(parse_date("2026-02-29"));
  EXPECT_FALSE(parse_date("2026-2-28"));
  EXPECT_FALSE(parse_date("2026-02-28T00:00:00.000Z"));
}

}  // namespace
}  // namespace tavla::protocol
