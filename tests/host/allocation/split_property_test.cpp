// Properties of split() over thousands of random cases from a fixed seed, so
// every run checks the same cases and a failure can be replayed.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <map>
#include <random>
#include <string>

#include "outcome.hpp"
#include "tavla/allocation/split.hpp"

namespace tavla::allocation {
namespace {

using testing::value_of;
using testing::Wide;

constexpr int kCases = 4'000;

struct Case {
  Ore amount = 0;
  std::vector<Claim> claims;
  Rounding unit = Rounding::ore;
};

// Random cases of the sizes the host meets: up to 356 municipalities,
// quantities up to 10^10 (with many ties and zeros), amounts up to 10^12 øre.
class CaseGenerator {
 public:
  explicit CaseGenerator(std::uint64_t seed) : random_(seed) {}

  Case next() {
    Case c;
    c.unit = pick(0, 1) == 0 ? Rounding::ore : Rounding::krone;
    const auto count = static_cast<int>(pick(0, 3) == 0 ? pick(1, 356) : pick(1, 12));
    const Quantity scale = std::array<Quantity, 4>{3, 100, 50'000, 10'000'000'000}[pick(0, 3)];
    for (int i = 0; i < count; ++i) {
      c.claims.push_back({"m" + std::to_string(i), pick(0, 4) == 0 ? 0 : pick(0, scale)});
    }
    if (std::all_of(c.claims.begin(), c.claims.end(),
                    [](const Claim& claim) { return claim.quantity == 0; })) {
      c.claims.front().quantity = 1;
    }
    const Ore units = pick(0, 2) == 0 ? pick(0, 1'000) : pick(0, 1'000'000'000'000);
    c.amount = units / static_cast<Ore>(c.unit) * static_cast<Ore>(c.unit);
    if (pick(0, 3) == 0) {
      c.amount = -c.amount;
    }
    return c;
  }

  std::mt19937_64& engine() { return random_; }

 private:
  std::int64_t pick(std::int64_t low, std::int64_t high) {
    return std::uniform_int_distribution<std::int64_t>(low, high)(random_);
  }

  std::mt19937_64 random_;
};

Wide total_quantity(const std::vector<Claim>& claims) {
  Wide total = 0;
  for (const Claim& claim : claims) {
    total += claim.quantity;
  }
  return total;
}

Wide abs_wide(Wide value) {
  return value < 0 ? -value : value;
}

TEST(SplitProperties, AddsUpExactlyInWholeUnits) {
  CaseGenerator cases(1);
  for (int i = 0; i < kCases; ++i) {
    const Case c = cases.next();
    const auto shares = value_of(split(c.amount, c.claims, c.unit));
    ASSERT_EQ(shares.size(), c.claims.size());
    Wide sum = 0;
    for (const Ore share : shares) {
      EXPECT_EQ(share % static_cast<Ore>(c.unit), 0) << "case " << i;
      sum += share;
    }
    ASSERT_TRUE(sum == c.amount) << "case " << i;
  }
}

TEST(SplitProperties, EachShareIsWithinOneUnitOfItsExactShare) {
  CaseGenerator cases(2);
  for (int i = 0; i < kCases; ++i) {
    const Case c = cases.next();
    const auto shares = value_of(split(c.amount, c.claims, c.unit));
    const Wide total = total_quantity(c.claims);
    for (std::size_t k = 0; k < shares.size(); ++k) {
      // |share − amount·q/total| < unit  ⇔  |share·total − amount·q| < unit·total
      const Wide error = abs_wide(Wide{shares[k]} * total - Wide{c.amount} * c.claims[k].quantity);
      ASSERT_TRUE(error < static_cast<Ore>(c.unit) * total) << "case " << i << " claim " << k;
    }
  }
}

// Largest remainder, not just any rounding within a unit: every claim that
// was rounded up had a remainder at least as large as every claim that was
// rounded down, and a claim with nothing left over is never rounded up.
TEST(SplitProperties, RoundsUpOnlyTheLargestRemainders) {
  CaseGenerator cases(3);
  for (int i = 0; i < kCases; ++i) {
    const Case c = cases.next();
    const auto shares = value_of(split(c.amount, c.claims, c.unit));
    const Wide total = total_quantity(c.claims);
    const Wide units = abs_wide(c.amount) / static_cast<Ore>(c.unit);
    Wide smallest_rounded_up = total;  // remainders are < total
    Wide largest_rounded_down = -1;
    for (std::size_t k = 0; k < shares.size(); ++k) {
      const Wide exact = units * c.claims[k].quantity;
      const Wide floor = exact / total;
      const Wide remainder = exact % total;
      const Wide got = abs_wide(shares[k]) / static_cast<Ore>(c.unit);
      ASSERT_TRUE(got == floor || got == floor + 1) << "case " << i;
      if (got == floor + 1) {
        ASSERT_TRUE(remainder > 0) << "case " << i;
        smallest_rounded_up = std::min(smallest_rounded_up, remainder);
      } else {
        largest_rounded_down = std::max(largest_rounded_down, remainder);
      }
    }
    ASSERT_TRUE(largest_rounded_down <= smallest_rounded_up) << "case " << i;
  }
}

TEST(SplitProperties, DoesNotDependOnTheOrderOfTheClaims) {
  CaseGenerator cases(4);
  for (int i = 0; i < kCases; ++i) {
    const Case c = cases.next();
    const auto shares = value_of(split(c.amount, c.claims, c.unit));
    std::map<std::string, Ore> by_municipality;
    for (std::size_t k = 0; k < shares.size(); ++k) {
      by_municipality[c.claims[k].municipality] = shares[k];
    }
    std::vector<Claim> shuffled = c.claims;
    std::shuffle(shuffled.begin(), shuffled.end(), cases.engine());
    const auto reshuffled = value_of(split(c.amount, shuffled, c.unit));
    for (std::size_t k = 0; k < reshuffled.size(); ++k) {
      ASSERT_EQ(reshuffled[k], by_municipality.at(shuffled[k].municipality)) << "case " << i;
    }
  }
}

TEST(SplitProperties, SplitsANegativeAmountAsTheMirrorOfThePositive) {
  CaseGenerator cases(5);
  for (int i = 0; i < kCases; ++i) {
    const Case c = cases.next();
    const auto shares = value_of(split(c.amount, c.claims, c.unit));
    const auto mirrored = value_of(split(-c.amount, c.claims, c.unit));
    for (std::size_t k = 0; k < shares.size(); ++k) {
      ASSERT_EQ(mirrored[k], -shares[k]) << "case " << i;
    }
  }
}

}  // namespace
}  // namespace tavla::allocation
