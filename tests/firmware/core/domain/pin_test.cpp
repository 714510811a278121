#include "tavla/kiosk/pin.hpp"

#include <gtest/gtest.h>

namespace tavla::kiosk {
namespace {

TEST(Pin, MatchesTheProtocolsHash) {
  // sha256(bytes 0x8f14e45fceea167a || "1234"), computed independently (Python hashlib).
  const std::string hash =
      "sha256:8f14e45fceea167a:c1c217550289c79d0f2ceda4de3b9c0dbaeab807d57e54cf8da4671e56bae729";
  EXPECT_TRUE(pin_matches(hash, "1234"));
  EXPECT_FALSE(pin_matches(hash, "1235"));
  EXPECT_EQ(make_pin_hash("8f14e45fceea167a", "1234"), hash);
}

TEST(Pin, MalformedHashesNeverMatch) {
  EXPECT_FALSE(pin_matches("", "1234"));
  EXPECT_FALSE(pin_matches("md5:00:00", "1234"));
  EXPECT_FALSE(pin_matches("sha256:zz:c1c2", "1234"));
  EXPECT_FALSE(pin_matches("sha256:8f14e45fceea167a:c1c2", "1234"));
}

TEST(PinGuard, LocksAfterRepeatedFailuresAndUnlocksLater) {
  ManualClock clock(Timestamp{Milliseconds{1'000'000}});
  PinGuard guard(3, std::chrono::seconds(60));
  guard.failed(clock.now());
  guard.failed(clock.now());
  EXPECT_FALSE(guard.locked_until(clock.now()));
  guard.failed(clock.now());
  EXPECT_EQ(guard.locked_until(clock.now()), clock.now() + std::chrono::seconds(60));
  clock.advance(std::chrono::seconds(60));
  EXPECT_FALSE(guard.locked_until(clock.now()));
  guard.failed(clock.now());  // the count starts again after a lockout
  EXPECT_FALSE(guard.locked_until(clock.now()));
}

TEST(PinGuard, ARightPinResetsTheCount) {
  const Timestamp now{Milliseconds{5}};
  PinGuard guard(2, std::chrono::seconds(60));
  guard.failed(now);
  guard.succeeded();
  guard.failed(now);
  EXPECT_FALSE(guard.locked_until(now));
}

}  // namespace
}  // namespace tavla::kiosk
