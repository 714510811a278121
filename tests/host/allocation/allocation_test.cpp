#include "tavla/allocation/allocation.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "outcome.hpp"
#include "plan_builder.hpp"

namespace tavla::allocation {
namespace {

using ::testing::AllOf;
using testing::basis;
using testing::error_of;
using ::testing::HasSubstr;
using testing::kKrone;
using testing::line_of;
using testing::part_of;
using testing::plan_of;
using testing::value_of;

// Three members whose bases differ under every key.
std::vector<MemberBasis> three_members() {
  MemberBasis a = basis("a", 1);
  a.enrollments = 0;
  a.attendance_units = 2;
  a.purchased_hundredths = 100;
  MemberBasis b = basis("b", 1);
  b.enrollments = 1;
  b.attendance_units = 0;
  b.purchased_hundredths = 300;
  MemberBasis c = basis("c", 2);
  c.enrollments = 3;
  c.attendance_units = 2;
  c.purchased_hundredths = 0;
  return {a, b, c};
}

// Each member's amount in whole kroner when 400 kr is split by `part`.
std::vector<Ore> kroner_by(Part part) {
  part.amount = 400 * kKrone;
  const Allocation allocation = value_of(allocate(plan_of({part}), three_members()));
  std::vector<Ore> kroner;
  for (const Line& line : allocation.parts.at(0).lines) {
    EXPECT_EQ(line.basis, part.key);
    kroner.push_back(line.amount / kKrone);
  }
  return kroner;
}

TEST(Allocate, SplitsEachPartByItsKey) {
  using V = std::vector<Ore>;
  EXPECT_EQ(kroner_by(part_of("p", Key::population, 0)), (V{100, 100, 200}));
  EXPECT_EQ(kroner_by(part_of("p", Key::enrollments, 0)), (V{0, 100, 300}));
  EXPECT_EQ(kroner_by(part_of("p", Key::attendance, 0)), (V{200, 0, 200}));
  EXPECT_EQ(kroner_by(part_of("p", Key::purchases, 0)), (V{100, 300, 0}));
  EXPECT_EQ(kroner_by(part_of("p", Key::equal, 0)), (V{134, 133, 133}));
  Part weighted = part_of("p", Key::weights, 0);
  weighted.weights = {{"a", 2}, {"b", 1}};  // c has no weight: 0
  EXPECT_EQ(kroner_by(weighted), (V{267, 133, 0}));
}

TEST(Allocate, ShowsTheUnitsBehindEachLine) {
  const Allocation allocation = value_of(
      allocate(plan_of({part_of("Forbruk", Key::enrollments, 400 * kKrone)}), three_members()));
  const PartResult& part = allocation.parts.at(0);
  EXPECT_EQ(part.name, "Forbruk");
  EXPECT_EQ(part.key, Key::enrollments);
  EXPECT_EQ(part.amount, 400 * kKrone);
  EXPECT_EQ(part.total_units, 4);
  ASSERT_EQ(part.lines.size(), 3U);
  EXPECT_EQ(part.lines[2].municipality, "c");
  EXPECT_EQ(part.lines[2].part, "Forbruk");
  EXPECT_EQ(part.lines[2].units, 3);
  EXPECT_EQ(part.lines[2].total_units, 4);
  EXPECT_EQ(part.lines[2].rate_amount, 0);
  EXPECT_EQ(part.lines[2].remainder_amount, 0);
}

TEST(Allocate, KeepsTheOrderOfTheMembersGiven) {
  auto members = three_members();
  std::swap(members[0], members[2]);
  const Allocation allocation =
      value_of(allocate(plan_of({part_of("p", Key::population, 400 * kKrone)}), members));
  EXPECT_EQ(allocation.parts.at(0).lines[0].municipality, "c");
  EXPECT_EQ(allocation.parts.at(0).lines[0].amount, 200 * kKrone);
}

TEST(Allocate, AMunicipalityThatBuysNoGroupGuidancePaysOnlyItsFixedKeyShare) {
  const Allocation allocation =
      value_of(allocate(plan_of({part_of("Fast", Key::population, 400 * kKrone),
                                 part_of("Forbruk", Key::enrollments, 400 * kKrone)}),
                        three_members()));
  EXPECT_EQ(line_of(allocation.parts.at(1), "a").amount, 0);  // a enrolled no foster home
  EXPECT_EQ(allocation.total_by_municipality.at("a"), line_of(allocation.parts.at(0), "a").amount);
  EXPECT_EQ(allocation.total_by_municipality.at("a"), 100 * kKrone);
}

TEST(Allocate, AddsThePartsUpPerMunicipalityAndInTotal) {
  const Allocation allocation =
      value_of(allocate(plan_of({part_of("Fast", Key::population, 1'000 * kKrone),
                                 part_of("Forbruk", Key::attendance, 333 * kKrone),
                                 part_of("Lik", Key::equal, 100 * kKrone)}),
                        three_members()));
  EXPECT_EQ(allocation.year, 2023);
  EXPECT_EQ(allocation.total, 1'433 * kKrone);
  // a: 250 + 166.5 (→ 167, tie on quantity 2 goes to id a) + 34 (→ a by id)
  EXPECT_EQ(allocation.total_by_municipality.at("a"), (250 + 167 + 34) * kKrone);
  EXPECT_EQ(allocation.total_by_municipality.at("b"), (250 + 0 + 33) * kKrone);
  EXPECT_EQ(allocation.total_by_municipality.at("c"), (500 + 166 + 33) * kKrone);
}

TEST(Allocate, SplitsTheBudgetUnlessAskedForTheActualCost) {
  Part fixed = part_of("Fast", Key::population, 400 * kKrone);
  fixed.actual = 800 * kKrone;
  const Part without_actual = part_of("Lik", Key::equal, 300 * kKrone);
  const Plan plan = plan_of({fixed, without_actual});

  const Allocation budget = value_of(allocate(plan, three_members()));
  EXPECT_EQ(budget.parts.at(0).amount, 400 * kKrone);
  EXPECT_EQ(line_of(budget.parts.at(0), "c").amount, 200 * kKrone);
  EXPECT_EQ(budget.total, 700 * kKrone);

  const Allocation actual = value_of(allocate(plan, three_members(), Amounts::actual_else_budget));
  EXPECT_EQ(actual.parts.at(0).amount, 800 * kKrone);
  EXPECT_EQ(line_of(actual.parts.at(0), "c").amount, 400 * kKrone);
  EXPECT_EQ(actual.parts.at(1).amount, 300 * kKrone);  // no actual: the budget
  EXPECT_EQ(actual.total, 1'100 * kKrone);
}

TEST(Allocate, SplitsANegativeActualCostAsARefund) {
  Part fixed = part_of("Fast", Key::population, 400 * kKrone);
  fixed.actual = -400 * kKrone;  // grants exceeded the costs
  const Allocation actual =
      value_of(allocate(plan_of({fixed}), three_members(), Amounts::actual_else_budget));
  EXPECT_EQ(line_of(actual.parts.at(0), "c").amount, -200 * kKrone);
  EXPECT_EQ(actual.total, -400 * kKrone);
}

TEST(Allocate, RoundsToOreWhenThePlanSaysSo) {
  const Allocation allocation =
      value_of(allocate(plan_of({part_of("p", Key::equal, 100)}, Rounding::ore), three_members()));
  EXPECT_EQ(line_of(allocation.parts.at(0), "a").amount, 34);
  EXPECT_EQ(line_of(allocation.parts.at(0), "b").amount, 33);
}

TEST(Allocate, AnEmptyPlanCostsNothing) {
  const Allocation allocation = value_of(allocate(plan_of({}), three_members()));
  EXPECT_EQ(allocation.total, 0);
  EXPECT_EQ(allocation.total_by_municipality.size(), 3U);
  EXPECT_EQ(allocation.total_by_municipality.at("b"), 0);
}

TEST(AllocateErrors, ABasisThatSumsToZeroNamesThePartAndTheKey) {
  auto members = three_members();
  for (MemberBasis& member : members) {
    member.attendance_units = 0;
  }
  const AllocationError error =
      error_of(allocate(plan_of({part_of("Forbruk", Key::attendance, 400 * kKrone)}), members));
  EXPECT_EQ(error.part, "Forbruk");
  EXPECT_THAT(error.message,
              AllOf(HasSubstr("\"Forbruk\""), HasSubstr("cannot be split by attendance"),
                    HasSubstr("attendance units"), HasSubstr("is zero")));
}

TEST(AllocateErrors, WeightsThatSumToZeroAreAnError) {
  const AllocationError error =
      error_of(allocate(plan_of({part_of("Avtalt", Key::weights, 400 * kKrone)}), three_members()));
  EXPECT_EQ(error.part, "Avtalt");
  EXPECT_THAT(error.message, AllOf(HasSubstr("by weights"), HasSubstr("weight above zero")));
}

TEST(AllocateErrors, AZeroBasisIsAnErrorEvenForAZeroAmount) {
  auto members = three_members();
  for (MemberBasis& member : members) {
    member.enrollments = 0;
  }
  EXPECT_EQ(error_of(allocate(plan_of({part_of("Forbruk", Key::enrollments, 0)}), members)).part,
            "Forbruk");
}

TEST(AllocateErrors, AnAmountWithOreUnderKroneRoundingIsRefused) {
  const AllocationError error =
      error_of(allocate(plan_of({part_of("Fast", Key::population, 96'166'750)}), three_members()));
  EXPECT_EQ(error.part, "Fast");
  EXPECT_THAT(error.message, AllOf(HasSubstr("budget 961,667.50 NOK"), HasSubstr("whole kroner")));
  EXPECT_TRUE(std::holds_alternative<Allocation>(allocate(
      plan_of({part_of("Fast", Key::population, 96'166'750)}, Rounding::ore), three_members())));
}

TEST(AllocateErrors, AnActualCostWithOreIsRefusedOnlyWhenItIsUsed) {
  Part fixed = part_of("Fast", Key::population, 400 * kKrone);
  fixed.actual = 400 * kKrone + 1;
  EXPECT_TRUE(std::holds_alternative<Allocation>(allocate(plan_of({fixed}), three_members())));
  const AllocationError error =
      error_of(allocate(plan_of({fixed}), three_members(), Amounts::actual_else_budget));
  EXPECT_THAT(error.message, HasSubstr("actual cost 400.01 NOK"));
}

TEST(AllocateErrors, ANegativeQuantityNamesTheMunicipality) {
  auto members = three_members();
  members[1].population = -5;
  const AllocationError error =
      error_of(allocate(plan_of({part_of("Fast", Key::population, 400 * kKrone)}), members));
  EXPECT_EQ(error.part, "Fast");
  EXPECT_THAT(error.message, HasSubstr("population of b is negative (-5)"));
}

TEST(AllocateErrors, WeightsOrPlannedUnitsForANonMemberAreRefused) {
  Part weighted = part_of("Avtalt", Key::weights, 400 * kKrone);
  weighted.weights = {{"a", 1}, {"oslo", 3}};
  EXPECT_THAT(error_of(allocate(plan_of({weighted}), three_members())).message,
              AllOf(HasSubstr("a weight to \"oslo\""), HasSubstr("not a member")));
  Part consumption = part_of("Forbruk", Key::attendance, 400 * kKrone);
  consumption.planned = {{"a", 1}, {"asker", 3}};
  EXPECT_THAT(error_of(allocate(plan_of({consumption}), three_members())).message,
              HasSubstr("planned units to \"asker\""));
}

TEST(AllocateErrors, PlannedUnitsOnAFixedKeyPartAreRefused) {
  Part fixed = part_of("Fast", Key::population, 400 * kKrone);
  fixed.planned = {{"a", 1}};
  EXPECT_THAT(error_of(allocate(plan_of({fixed}), three_members())).message,
              HasSubstr("not by consumption"));
}

TEST(AllocateErrors, ARateNeedsAPurchasesPartAndARemainderKey) {
  Part rate_on_population = part_of("Fast", Key::population, 400 * kKrone);
  rate_on_population.rate_per_hour = 1'000 * kKrone;
  rate_on_population.remainder_key = Key::population;
  EXPECT_THAT(error_of(allocate(plan_of({rate_on_population}), three_members())).message,
              HasSubstr("only a part split by purchases"));

  Part no_remainder = part_of("Individuell", Key::purchases, 400 * kKrone);
  no_remainder.rate_per_hour = 1'000 * kKrone;
  EXPECT_THAT(error_of(allocate(plan_of({no_remainder}), three_members())).message,
              HasSubstr("no remainder key"));

  Part no_rate = part_of("Individuell", Key::purchases, 400 * kKrone);
  no_rate.remainder_key = Key::population;
  EXPECT_THAT(error_of(allocate(plan_of({no_rate}), three_members())).message,
              HasSubstr("no rate per hour"));

  Part negative = no_rate;
  negative.rate_per_hour = -1;
  EXPECT_THAT(error_of(allocate(plan_of({negative}), three_members())).message,
              HasSubstr("negative rate per hour (-0.01 NOK)"));
}

TEST(AllocateErrors, AMunicipalityListedTwiceIsRefused) {
  auto members = three_members();
  members.push_back(basis("b", 10));
  const AllocationError error =
      error_of(allocate(plan_of({part_of("Fast", Key::population, 400 * kKrone)}), members));
  EXPECT_EQ(error.part, "");
  EXPECT_THAT(error.message, HasSubstr("\"b\" is listed twice"));
}

TEST(AllocateErrors, TwoPartsWithOneNameAreRefused) {
  const AllocationError error =
      error_of(allocate(plan_of({part_of("Fast", Key::population, 400 * kKrone),
                                 part_of("Fast", Key::equal, 400 * kKrone)}),
                        three_members()));
  EXPECT_EQ(error.part, "Fast");
  EXPECT_THAT(error.message, HasSubstr("Two parts"));
}

TEST(AllocateErrors, APlanWithoutMembersIsRefused) {
  EXPECT_THAT(error_of(allocate(plan_of({part_of("Lik", Key::equal, 400 * kKrone)}), {})).message,
              HasSubstr("no member municipalities"));
}

TEST(PricePerUnit, IsTheAmountPerUnitRoundedHalfUpToTheOre) {
  PartResult part;
  part.key = Key::enrollments;
  part.amount = 96'166'700;  // 961 667 kr
  part.total_units = 92;
  EXPECT_EQ(price_per_unit(part), 1'045'290);  // 10 452.902… kr
  part.amount = 5;
  part.total_units = 2;
  EXPECT_EQ(price_per_unit(part), 3);  // 2.5 øre
  part.amount = -5;
  EXPECT_EQ(price_per_unit(part), -3);
}

TEST(PricePerUnit, FallsAsTheVolumeGrows) {
  const Plan plan = plan_of({part_of("Forbruk", Key::attendance, 961'667 * kKrone)});
  auto members = three_members();
  const Allocation low = value_of(allocate(plan, members));
  members[1].attendance_units = 4;  // b starts using group guidance: 4 → 8 units
  const Allocation high = value_of(allocate(plan, members));

  const auto low_price = price_per_unit(low.parts.at(0));
  const auto high_price = price_per_unit(high.parts.at(0));
  ASSERT_TRUE(low_price && high_price);
  EXPECT_EQ(*low_price, 24'041'675);   // 961 667 kr / 4
  EXPECT_EQ(*high_price, 12'020'838);  // 961 667 kr / 8, half up
  EXPECT_LT(*high_price, *low_price);
  // The same use costs a, whose units did not change, less.
  EXPECT_LT(line_of(high.parts.at(0), "a").amount, line_of(low.parts.at(0), "a").amount);
}

TEST(PricePerUnit, IsOnlyForConsumptionPartsWithUnits) {
  PartResult part;
  part.key = Key::population;
  part.amount = 100;
  part.total_units = 10;
  EXPECT_EQ(price_per_unit(part), std::nullopt);
  part.key = Key::attendance;
  part.total_units = 0;
  EXPECT_EQ(price_per_unit(part), std::nullopt);
}

TEST(Keys, AreSpelledAsInTheSiteConfiguration) {
  for (const Key key : {Key::population, Key::enrollments, Key::attendance, Key::purchases,
                        Key::equal, Key::weights}) {
    EXPECT_EQ(key_from_string(to_string(key)), key);
  }
  EXPECT_EQ(to_string(Key::enrollments), "enrollments");
  EXPECT_EQ(key_from_string("attendance"), Key::attendance);
  EXPECT_EQ(key_from_string("Population"), std::nullopt);
  EXPECT_EQ(key_from_string("hours"), std::nullopt);
}

TEST(Keys, EnrollmentsAttendanceAndPurchasesMeasureConsumption) {
  EXPECT_TRUE(is_consumption(Key::enrollments));
  EXPECT_TRUE(is_consumption(Key::attendance));
  EXPECT_TRUE(is_consumption(Key::purchases));
  EXPECT_FALSE(is_consumption(Key::population));
  EXPECT_FALSE(is_consumption(Key::equal));
  EXPECT_FALSE(is_consumption(Key::weights));
}

}  // namespace
}  // namespace tavla::allocation
