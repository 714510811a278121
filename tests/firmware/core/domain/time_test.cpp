#include "tavla/kiosk/time.hpp"

#include <gtest/gtest.h>

namespace tavla::kiosk {
namespace {

Timestamp at(const char* text) {
  return protocol::parse_timestamp(text).value();
}

TEST(TimeZone, NextMidnightFollowsDaylightSaving) {
  const TimeZone oslo("Europe/Oslo");
  EXPECT_EQ(oslo.next_midnight(at("2026-11-27T12:00:00.000Z")), at("2026-11-27T23:00:00.000Z"));
  EXPECT_EQ(oslo.next_midnight(at("2026-06-15T12:00:00.000Z")), at("2026-06-15T22:00:00.000Z"));
  // 23:30 UTC on 27 Nov is already 28 Nov in Oslo.
  EXPECT_EQ(oslo.next_midnight(at("2026-11-27T23:30:00.000Z")), at("2026-11-28T23:00:00.000Z"));
}

TEST(TimeZone, LocalDate) {
  const TimeZone oslo("Europe/Oslo");
  EXPECT_EQ(oslo.local_date(at("2026-11-27T23:30:00.000Z")), protocol::parse_date("2026-11-28"));
}

TEST(TimeZone, UnknownZoneIsNamed) {
  try {
    const TimeZone zone("Mars/Olympus");
    FAIL() << "accepted an unknown zone";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("Mars/Olympus"), std::string::npos);
  }
}

TEST(Clock, PlausibleFromTheBuildDateOn) {
  EXPECT_FALSE(clock_plausible(at("1970-01-01T00:00:10.000Z"), "2026-11-22"));
  EXPECT_FALSE(clock_plausible(at("2026-11-21T23:59:59.999Z"), "2026-11-22"));
  EXPECT_TRUE(clock_plausible(at("2026-11-22T00:00:00.000Z"), "2026-11-22"));
}

}  // namespace
}  // namespace tavla::kiosk
