// Individual guidance: buyers pay a yearly rate per hour, and the rest of the
// part (a shortfall, or a surplus when the rate over-covers it) is shared by
// an agreed key.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "outcome.hpp"
#include "plan_builder.hpp"
#include "tavla/allocation/allocation.hpp"

namespace tavla::allocation {
namespace {

using ::testing::AllOf;
using testing::basis;
using testing::error_of;
using ::testing::HasSubstr;
using testing::kKrone;
using testing::line_of;
using testing::plan_of;
using testing::rate_part;
using testing::sum_of_lines;
using testing::value_of;

constexpr Ore kRate = 1'100 * kKrone;  // per hour

// Populations 3 : 2 : 1; nannestad bought 120.5 hours, nes 300, hurdal none.
std::vector<MemberBasis> buyers() {
  MemberBasis nannestad = basis("nannestad", 3);
  nannestad.purchased_hundredths = 12'050;
  MemberBasis nes = basis("nes", 2);
  nes.purchased_hundredths = 30'000;
  return {nannestad, nes, basis("hurdal", 1)};
}

PartResult split_part(const Part& part, const std::vector<MemberBasis>& members,
                      Rounding rounding = Rounding::krone) {
  const Allocation allocation = value_of(allocate(plan_of({part}, rounding), members));
  const PartResult& result = allocation.parts.at(0);
  EXPECT_EQ(sum_of_lines(result), result.amount) << "the part must add up exactly";
  EXPECT_EQ(result.rate_total + result.remainder, result.amount);
  for (const Line& line : result.lines) {
    EXPECT_EQ(line.amount, line.rate_amount + line.remainder_amount) << line.municipality;
  }
  return result;
}

TEST(RatePart, BuyersPayHoursTimesTheRateAndShareTheRestByTheRemainderKey) {
  const PartResult part =
      split_part(rate_part("Individuell", 500'000 * kKrone, kRate, Key::population), buyers());
  EXPECT_EQ(part.rate_per_hour, kRate);
  EXPECT_EQ(part.remainder_key, Key::population);
  EXPECT_EQ(part.total_units, 42'050);  // 420.5 hours
  EXPECT_EQ(part.rate_total, 462'550 * kKrone);
  EXPECT_EQ(part.remainder, 37'450 * kKrone);  // the shortfall

  const Line& nannestad = line_of(part, "nannestad");
  EXPECT_EQ(nannestad.units, 12'050);
  EXPECT_EQ(nannestad.total_units, 42'050);
  EXPECT_EQ(nannestad.rate_amount, 132'550 * kKrone);  // 120.5 h × 1 100 kr
  EXPECT_EQ(nannestad.remainder_units, 3);
  EXPECT_EQ(nannestad.remainder_total_units, 6);
  EXPECT_EQ(nannestad.remainder_amount, 18'725 * kKrone);  // 3/6 of 37 450
  EXPECT_EQ(nannestad.amount, 151'275 * kKrone);

  EXPECT_EQ(line_of(part, "nes").rate_amount, 330'000 * kKrone);
  // 2/6 and 1/6 of 37 450 are 12 483.33 and 6 241.67: hurdal's larger
  // remainder takes the krone that is left.
  EXPECT_EQ(line_of(part, "nes").remainder_amount, 12'483 * kKrone);
  EXPECT_EQ(line_of(part, "hurdal").remainder_amount, 6'242 * kKrone);
  EXPECT_EQ(line_of(part, "hurdal").rate_amount, 0);
  EXPECT_EQ(line_of(part, "hurdal").amount, 6'242 * kKrone);
}

TEST(RatePart, ARateThatOverCoversThePartRefundsTheSurplusByTheRemainderKey) {
  const PartResult part =
      split_part(rate_part("Individuell", 400'000 * kKrone, kRate, Key::population), buyers());
  EXPECT_EQ(part.rate_total, 462'550 * kKrone);
  EXPECT_EQ(part.remainder, -62'550 * kKrone);
  EXPECT_EQ(line_of(part, "nannestad").remainder_amount, -31'275 * kKrone);
  EXPECT_EQ(line_of(part, "nes").remainder_amount, -20'850 * kKrone);
  // A member that bought nothing gets its share of the surplus back.
  EXPECT_EQ(line_of(part, "hurdal").amount, -10'425 * kKrone);
  EXPECT_EQ(line_of(part, "nannestad").amount, (132'550 - 31'275) * kKrone);
}

TEST(RatePart, EachRateAmountIsRoundedOnItsOwnHalfUpToTheUnit) {
  MemberBasis half = basis("half", 1);
  half.purchased_hundredths = 50;  // 0.5 h × 1.00 kr = 0.50 kr → 1 kr
  MemberBasis almost = basis("almost", 1);
  almost.purchased_hundredths = 49;  // 0.49 h × 1.00 kr = 0.49 kr → 0 kr
  MemberBasis odd = basis("odd", 1);
  odd.purchased_hundredths = 33;  // handled below with another rate

  Part part = rate_part("Individuell", 1'000 * kKrone, 100, Key::equal);
  const PartResult kroner = split_part(part, {half, almost});
  EXPECT_EQ(line_of(kroner, "half").rate_amount, 1 * kKrone);
  EXPECT_EQ(line_of(kroner, "almost").rate_amount, 0);
  EXPECT_EQ(kroner.remainder, 999 * kKrone);

  part.rate_per_hour = 99'999;  // 0.33 h × 999.99 kr = 329.9967 kr
  EXPECT_EQ(line_of(split_part(part, {odd}), "odd").rate_amount, 330 * kKrone);
  EXPECT_EQ(line_of(split_part(part, {odd}, Rounding::ore), "odd").rate_amount, 33'000);

  part.rate_per_hour = 101;  // 0.5 h × 1.01 kr = 50.5 øre → 51 øre
  EXPECT_EQ(line_of(split_part(part, {half}, Rounding::ore), "half").rate_amount, 51);
}

TEST(RatePart, RoundedRateAmountsStillLeaveThePartExact) {
  // Three buyers whose rate amounts all round: the remainder absorbs it.
  std::vector<MemberBasis> members;
  for (const auto& [name, hundredths] :
       {std::pair{"a", Quantity{33}}, std::pair{"b", Quantity{67}}, std::pair{"c", Quantity{1}}}) {
    MemberBasis member = basis(name, 1);
    member.purchased_hundredths = hundredths;
    members.push_back(member);
  }
  const PartResult part =
      split_part(rate_part("Individuell", 10'000 * kKrone, 12'345, Key::equal), members);
  // 0.33 × 123.45 = 40.7385 → 41; 0.67 × 123.45 = 82.7115 → 83; 0.01 × 123.45 → 1.2345 → 1
  EXPECT_EQ(part.rate_total, 125 * kKrone);
  EXPECT_EQ(part.remainder, 9'875 * kKrone);
}

TEST(RatePart, WhenNobodyBoughtHoursTheWholePartIsSharedByTheRemainderKey) {
  std::vector<MemberBasis> members = buyers();
  for (MemberBasis& member : members) {
    member.purchased_hundredths = 0;
  }
  const PartResult part =
      split_part(rate_part("Individuell", 900 * kKrone, kRate, Key::population), members);
  EXPECT_EQ(part.total_units, 0);
  EXPECT_EQ(part.rate_total, 0);
  EXPECT_EQ(line_of(part, "nannestad").amount, 450 * kKrone);
  EXPECT_EQ(line_of(part, "hurdal").amount, 150 * kKrone);
  EXPECT_EQ(price_per_unit(part), std::nullopt);
}

TEST(RatePart, TheShortfallCanBeSharedAmongTheBuyersByTheirHours) {
  const PartResult part =
      split_part(rate_part("Individuell", 500'000 * kKrone, kRate, Key::purchases), buyers());
  // 37 450 kr by 12 050 : 30 000 hundredths = 10 731.75 : 26 718.25.
  EXPECT_EQ(line_of(part, "nannestad").remainder_amount, 10'732 * kKrone);
  EXPECT_EQ(line_of(part, "nes").remainder_amount, 26'718 * kKrone);
  EXPECT_EQ(line_of(part, "hurdal").amount, 0);
}

TEST(RatePart, ARemainderKeyThatSumsToZeroIsAnError) {
  const AllocationError error = error_of(allocate(
      plan_of({rate_part("Individuell", 500'000 * kKrone, kRate, Key::attendance)}), buyers()));
  EXPECT_EQ(error.part, "Individuell");
  EXPECT_THAT(error.message,
              AllOf(HasSubstr("remainder of part \"Individuell\" (37,450.00 NOK"),
                    HasSubstr("cannot be split by attendance"), HasSubstr("is zero")));
}

TEST(RatePart, AmountsBeyondTheRangeOfOreAreAnError) {
  std::vector<MemberBasis> members = buyers();
  members[0].purchased_hundredths = 10'000'000'000;
  const AllocationError error = error_of(
      allocate(plan_of({rate_part("Individuell", 500'000 * kKrone, 1'000'000'000'000, Key::equal)}),
               members));
  EXPECT_EQ(error.part, "Individuell");
  EXPECT_THAT(error.message, HasSubstr("larger than this program can count"));
}

}  // namespace
}  // namespace tavla::allocation
