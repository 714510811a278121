#include "tavla/kiosk/ids.hpp"

#include <gtest/gtest.h>

#include <set>

#include "tavla/protocol/ids.hpp"

namespace tavla::kiosk {
namespace {

TEST(Ulid, IsTwentySixCrockfordCharactersWithTheTimeFirst) {
  // 2026-11-27T09:00:00.000Z = 1795770000000 ms; a ULID's first 10 chars are that in base 32.
  ManualClock clock(protocol::parse_timestamp("2026-11-27T09:00:00.000Z").value());
  SeededRandom random(1);
  UlidFactory ids(clock, random);
  const auto id = ids.next();
  ASSERT_EQ(id.size(), 26U);
  EXPECT_EQ(id.find_first_not_of("0123456789ABCDEFGHJKMNPQRSTVWXYZ"), std::string::npos);
  std::uint64_t ms = 0;
  for (int i = 0; i < 10; ++i) {
    ms = ms * 32 +
         std::string_view("0123456789ABCDEFGHJKMNPQRSTVWXYZ").find(id[static_cast<std::size_t>(i)]);
  }
  EXPECT_EQ(ms, static_cast<std::uint64_t>(clock.now().time_since_epoch().count()));
  EXPECT_TRUE(protocol::is_valid_event_id(id));
  EXPECT_TRUE(protocol::is_valid_id(guest_participant_id(ids)));
}

TEST(Ulid, IdsInOneMillisecondAreUniqueAndSorted) {
  ManualClock clock(Timestamp{Milliseconds{1'700'000'000'000}});
  SeededRandom random(2);
  UlidFactory ids(clock, random);
  std::string previous;
  std::set<std::string> seen;
  for (int i = 0; i < 1000; ++i) {
    auto id = ids.next();
    EXPECT_GT(id, previous);
    EXPECT_TRUE(seen.insert(id).second);
    previous = id;
  }
}

TEST(Ulid, TheSameSeedGivesTheSameIds) {
  ManualClock clock(Timestamp{Milliseconds{1'700'000'000'000}});
  SeededRandom a(3);
  SeededRandom b(3);
  UlidFactory x(clock, a);
  UlidFactory y(clock, b);
  EXPECT_EQ(x.next(), y.next());
}

}  // namespace
}  // namespace tavla::kiosk
