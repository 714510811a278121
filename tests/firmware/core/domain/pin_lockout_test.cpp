// The PIN lockout: per person, escalating 1, 5 and 15 times the first lock,
// a right PIN forgets only that person's count.
#include "tavla/kiosk/pin_lockout.hpp"

#include <gtest/gtest.h>

namespace tavla::kiosk {
namespace {

using std::chrono::minutes;

constexpr Timestamp kStart{Milliseconds{1'000'000}};

TEST(PinLockout, FiveFreeTriesThenOneFiveAndFifteenMinutes) {
  PinLockout lockout(5, minutes(1));
  Timestamp now = kStart;
  for (int i = 0; i < 4; ++i) {
    EXPECT_EQ(lockout.tries_left("p-1", now), 5 - i);
    lockout.failed("p-1", now);
    EXPECT_FALSE(lockout.locked_until("p-1", now));
  }
  EXPECT_EQ(lockout.tries_left("p-1", now), 1);
  lockout.failed("p-1", now);
  EXPECT_EQ(lockout.locked_until("p-1", now), now + minutes(1));
  EXPECT_EQ(lockout.tries_left("p-1", now), 0);

  now += minutes(1);
  EXPECT_FALSE(lockout.locked_until("p-1", now));
  EXPECT_EQ(lockout.tries_left("p-1", now), 1);  // after a lock, one try before the next
  lockout.failed("p-1", now);
  EXPECT_EQ(lockout.locked_until("p-1", now), now + minutes(5));

  now += minutes(5);
  lockout.failed("p-1", now);
  EXPECT_EQ(lockout.locked_until("p-1", now), now + minutes(15));

  now += minutes(15);
  lockout.failed("p-1", now);
  EXPECT_EQ(lockout.locked_until("p-1", now), now + minutes(15));  // and 15 from then on
}

TEST(PinLockout, OnePersonsWrongTriesLockNobodyElse) {
  PinLockout lockout(5, minutes(1));
  for (int i = 0; i < 5; ++i) {
    lockout.failed("p-member", kStart);
  }
  EXPECT_TRUE(lockout.locked_until("p-member", kStart));
  EXPECT_FALSE(lockout.locked_until("p-leader", kStart));
  EXPECT_EQ(lockout.tries_left("p-leader", kStart), 5);
  EXPECT_FALSE(lockout.locked_until(PinLockout::kAdminKey, kStart));
}

TEST(PinLockout, ARightPinForgetsOnlyThatPersonsCount) {
  PinLockout lockout(5, minutes(1));
  for (int i = 0; i < 4; ++i) {
    lockout.failed("p-1", kStart);
    lockout.failed("p-2", kStart);
  }
  lockout.succeeded("p-2");
  EXPECT_EQ(lockout.tries_left("p-2", kStart), 5);
  EXPECT_EQ(lockout.tries_left("p-1", kStart), 1);
  lockout.failed("p-1", kStart);
  EXPECT_TRUE(lockout.locked_until("p-1", kStart));
}

TEST(PinLockout, AWrongTryWhileLockedDoesNotExtendTheLock) {
  PinLockout lockout(1, minutes(1));
  lockout.failed("p-1", kStart);
  const auto entry = lockout.failed("p-1", kStart + minutes(0) + std::chrono::seconds(30));
  EXPECT_EQ(entry.locked_until, kStart + minutes(1));
  EXPECT_EQ(entry.locks, 1);
}

TEST(PinLockout, StartsFromTheEntriesItWasGiven) {
  std::map<std::string, LockoutEntry> stored{{"p-1", LockoutEntry{0, 2, kStart + minutes(15)}}};
  PinLockout lockout(5, minutes(1), stored);
  EXPECT_EQ(lockout.locked_until("p-1", kStart), kStart + minutes(15));
  lockout.failed("p-1", kStart + minutes(15));
  EXPECT_EQ(lockout.locked_until("p-1", kStart + minutes(15)), kStart + minutes(30));
  EXPECT_EQ(lockout.entries().at("p-1").locks, 3);
}

}  // namespace
}  // namespace tavla::kiosk
