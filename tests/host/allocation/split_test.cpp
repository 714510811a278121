#include "tavla/allocation/split.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <limits>

#include "outcome.hpp"

namespace tavla::allocation {
namespace {

using ::testing::ElementsAre;
using testing::error_of;
using ::testing::HasSubstr;
using testing::value_of;

std::vector<Ore> split_ok(Ore amount, const std::vector<Claim>& claims,
                          Rounding unit = Rounding::ore) {
  return value_of(split(amount, claims, unit));
}

TEST(Split, GivesExactSharesWhenTheyAreWhole) {
  EXPECT_THAT(split_ok(600, {{"a", 1}, {"b", 2}, {"c", 3}}), ElementsAre(100, 200, 300));
}

TEST(Split, GivesTheLeftoverUnitsToTheLargestRemainders) {
  // Exact shares 3.3, 3.6 and 3.1: floors 3+3+3 = 9, one unit left for b.
  EXPECT_THAT(split_ok(10, {{"a", 33}, {"b", 36}, {"c", 31}}), ElementsAre(3, 4, 3));
  // Exact 1/3 each of 100: 33.33…; one unit left, all remainders equal.
  EXPECT_THAT(split_ok(100, {{"a", 1}, {"b", 1}, {"c", 1}}), ElementsAre(34, 33, 33));
}

TEST(Split, BreaksATieInFavourOfTheLargerQuantity) {
  // Exact 0.5 and 1.5: equal remainders; the larger quantity (3) gets the unit
  // even though its id sorts last.
  EXPECT_THAT(split_ok(2, {{"a", 1}, {"z", 3}}), ElementsAre(0, 2));
  EXPECT_THAT(split_ok(2, {{"z", 3}, {"a", 1}}), ElementsAre(2, 0));
}

TEST(Split, BreaksATieOfEqualQuantitiesByMunicipalityIdAscending) {
  EXPECT_THAT(split_ok(1, {{"nes", 5}, {"hurdal", 5}}), ElementsAre(0, 1));
  EXPECT_THAT(split_ok(1, {{"hurdal", 5}, {"nes", 5}}), ElementsAre(1, 0));
  EXPECT_THAT(split_ok(2, {{"c", 1}, {"b", 1}, {"a", 1}}), ElementsAre(0, 1, 1));
}

TEST(Split, RoundsToWholeKronerWhenAsked) {
  // 1000 kr in thirds: 333.33… each, one krone left for the first id.
  EXPECT_THAT(split_ok(100'000, {{"b", 1}, {"a", 1}, {"c", 1}}, Rounding::krone),
              ElementsAre(33'300, 33'400, 33'300));
}

TEST(Split, SplitsASurplusAsTheMirrorOfACost) {
  EXPECT_THAT(split_ok(-10, {{"a", 33}, {"b", 36}, {"c", 31}}), ElementsAre(-3, -4, -3));
  EXPECT_THAT(split_ok(-100'000, {{"b", 1}, {"a", 1}, {"c", 1}}, Rounding::krone),
              ElementsAre(-33'300, -33'400, -33'300));
}

TEST(Split, GivesNothingToAZeroQuantity) {
  EXPECT_THAT(split_ok(7, {{"a", 0}, {"b", 1}, {"c", 1}, {"d", 0}}), ElementsAre(0, 4, 3, 0));
  EXPECT_THAT(split_ok(0, {{"a", 0}, {"b", 1}}), ElementsAre(0, 0));
}

TEST(Split, OfNothingIsNothing) {
  EXPECT_THAT(split_ok(0, {{"a", 3}, {"b", 1}}, Rounding::krone), ElementsAre(0, 0));
}

TEST(Split, HandlesTheExtremesWithoutOverflow) {
  constexpr Ore kMax = std::numeric_limits<Ore>::max();
  constexpr Quantity kHuge = std::numeric_limits<Quantity>::max();
  EXPECT_THAT(split_ok(kMax, {{"a", kHuge}, {"b", kHuge}}), ElementsAre(kMax / 2 + 1, kMax / 2));
  EXPECT_THAT(split_ok(std::numeric_limits<Ore>::min(), {{"a", kHuge}}),
              ElementsAre(std::numeric_limits<Ore>::min()));
  const auto shares =
      split_ok(kMax - 7, {{"a", kHuge}, {"b", kHuge - 1}, {"c", 1}}, Rounding::krone);
  EXPECT_EQ(shares[0] + shares[1] + shares[2], kMax - 7);
}

TEST(Split, RefusesABasisThatSumsToZero) {
  EXPECT_THAT(error_of(split(100, {{"a", 0}, {"b", 0}}, Rounding::ore)).message,
              HasSubstr("sums to zero"));
  EXPECT_THAT(error_of(split(100, {}, Rounding::ore)).message, HasSubstr("sums to zero"));
}

TEST(Split, RefusesANegativeQuantity) {
  EXPECT_THAT(error_of(split(100, {{"a", 5}, {"b", -1}}, Rounding::ore)).message,
              HasSubstr("b is negative"));
}

TEST(Split, RefusesAnAmountThatIsNotAWholeNumberOfUnits) {
  EXPECT_THAT(error_of(split(150, {{"a", 1}}, Rounding::krone)).message,
              HasSubstr("not a whole number"));
  EXPECT_THAT(error_of(split(-1, {{"a", 1}}, Rounding::krone)).message,
              HasSubstr("not a whole number"));
}

TEST(Split, RefusesAMunicipalityListedTwice) {
  EXPECT_THAT(error_of(split(3, {{"a", 1}, {"b", 1}, {"a", 1}}, Rounding::ore)).message,
              HasSubstr("a is listed more than once"));
}

}  // namespace
}  // namespace tavla::allocation
