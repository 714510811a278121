// The provisional (a-konto) invoices: the budget, with consumption split by
// the planned units.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "outcome.hpp"
#include "tavla/allocation/allocation.hpp"
#include "three_part_plan.hpp"

namespace tavla::allocation {
namespace {

using testing::error_of;
using ::testing::HasSubstr;
using testing::kKrone;
using testing::line_of;
using testing::sum_of_lines;
using testing::value_of;

TEST(Provisional, SplitsConsumptionByThePlannedUnits) {
  const Allocation on_account =
      value_of(provisional(testing::three_part_plan(), testing::measured_year()));
  const PartResult& consumption = on_account.parts.at(1);
  EXPECT_EQ(consumption.amount, 961'667 * kKrone);
  EXPECT_EQ(consumption.total_units, 92);
  EXPECT_EQ(line_of(consumption, "ullensaker").units, 30);  // planned, not the 31 measured
  EXPECT_EQ(line_of(consumption, "ullensaker").amount, 313'587 * kKrone);  // 30/92: 313 587.07
  EXPECT_EQ(line_of(consumption, "hurdal").amount, 0);                     // plans none
  EXPECT_EQ(sum_of_lines(consumption), 961'667 * kKrone);
}

TEST(Provisional, BillsThePlannedHoursAtTheRate) {
  const Allocation on_account =
      value_of(provisional(testing::three_part_plan(), testing::measured_year()));
  const PartResult& individual = on_account.parts.at(2);
  EXPECT_EQ(individual.total_units, 80'000);
  EXPECT_EQ(line_of(individual, "ullensaker").rate_amount, 440'000 * kKrone);  // 400 h planned
  EXPECT_EQ(individual.remainder, 47'666 * kKrone);
  EXPECT_EQ(line_of(individual, "hurdal").remainder_amount, 1'095 * kKrone);  // by population
  EXPECT_EQ(sum_of_lines(individual), 927'666 * kKrone);
}

TEST(Provisional, SplitsTheFixedKeyAsTheYearEndDoes) {
  const Allocation on_account =
      value_of(provisional(testing::three_part_plan(), testing::measured_year()));
  const Allocation year = value_of(allocate(testing::three_part_plan(), testing::measured_year()));
  for (std::size_t i = 0; i < on_account.parts.at(0).lines.size(); ++i) {
    EXPECT_EQ(on_account.parts.at(0).lines[i].amount, year.parts.at(0).lines[i].amount);
  }
  EXPECT_EQ(on_account.total, 2'851'000 * kKrone);
  EXPECT_EQ(on_account.total_by_municipality.at("hurdal"), (22'102 + 1'095) * kKrone);
}

TEST(Provisional, UsesTheBudgetEvenWhenTheActualCostIsKnown) {
  Plan plan = testing::three_part_plan();
  plan.parts[0].actual = 955'000 * kKrone;
  const Allocation on_account = value_of(provisional(plan, testing::measured_year()));
  EXPECT_EQ(on_account.parts.at(0).amount, 961'667 * kKrone);
}

TEST(Provisional, AConsumptionPartWithoutPlannedUnitsHasNoAKonto) {
  Plan plan = testing::three_part_plan();
  plan.parts[1].planned.clear();
  const Allocation on_account = value_of(provisional(plan, testing::measured_year()));
  const PartResult& consumption = on_account.parts.at(1);
  EXPECT_EQ(consumption.amount, 0);
  EXPECT_EQ(consumption.total_units, 0);
  ASSERT_EQ(consumption.lines.size(), 7U);
  for (const Line& line : consumption.lines) {
    EXPECT_EQ(line.amount, 0) << line.municipality;
    EXPECT_EQ(line.units, 0) << line.municipality;
  }
  EXPECT_EQ(on_account.total, (961'667 + 927'666) * kKrone);
  EXPECT_EQ(price_per_unit(consumption), std::nullopt);
}

TEST(Provisional, PlannedUnitsThatSumToZeroAreAnError) {
  Plan plan = testing::three_part_plan();
  plan.parts[1].planned = {{"nes", 0}};
  const AllocationError error = error_of(provisional(plan, testing::measured_year()));
  EXPECT_EQ(error.part, "Forbruk gruppeveiledning");
  EXPECT_THAT(error.message, HasSubstr("the planned number of enrolled foster homes"));
  // The measured year still allocates: planned units only matter on account.
  EXPECT_TRUE(std::holds_alternative<Allocation>(allocate(plan, testing::measured_year())));
}

TEST(Provisional, NegativePlannedUnitsAreAnError) {
  Plan plan = testing::three_part_plan();
  plan.parts[1].planned["hurdal"] = -1;
  EXPECT_THAT(error_of(provisional(plan, testing::measured_year())).message,
              HasSubstr("hurdal is negative"));
}

}  // namespace
}  // namespace tavla::allocation
