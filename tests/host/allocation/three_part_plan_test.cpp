// The whole year's allocation of a plan like the real one.
#include <gtest/gtest.h>

#include "outcome.hpp"
#include "tavla/allocation/allocation.hpp"
#include "three_part_plan.hpp"

namespace tavla::allocation {
namespace {

using testing::kKrone;
using testing::line_of;
using testing::sum_of_lines;
using testing::value_of;

// The year as the plan and the measured bases give it.
Allocation the_year() {
  return value_of(allocate(testing::three_part_plan(), testing::measured_year()));
}

// The parts in plan order.
const PartResult& fixed(const Allocation& year) {
  return year.parts.at(0);
}
const PartResult& consumption(const Allocation& year) {
  return year.parts.at(1);
}
const PartResult& individual(const Allocation& year) {
  return year.parts.at(2);
}

TEST(ThreePartPlan, EveryPartAndTheTotalAddUpToTheKrone) {
  const Allocation year = the_year();
  ASSERT_EQ(year.parts.size(), 3U);
  EXPECT_EQ(sum_of_lines(fixed(year)), 961'667 * kKrone);
  EXPECT_EQ(sum_of_lines(consumption(year)), 961'667 * kKrone);
  EXPECT_EQ(sum_of_lines(individual(year)), 927'666 * kKrone);
  EXPECT_EQ(year.total, 2'851'000 * kKrone);
  Ore by_municipality = 0;
  for (const auto& [municipality, amount] : year.total_by_municipality) {
    EXPECT_EQ(amount % kKrone, 0) << municipality;
    by_municipality += amount;
  }
  EXPECT_EQ(by_municipality, 2'851'000 * kKrone);
}

TEST(ThreePartPlan, HurdalBuysNothingAndPaysItsPopulationShares) {
  const Allocation year = the_year();
  EXPECT_EQ(line_of(consumption(year), "hurdal").amount, 0);
  EXPECT_EQ(line_of(individual(year), "hurdal").rate_amount, 0);
  // 2 869 / 124 832 of 961 667 kr is 22 101.89 kr; of the 13 841 kr
  // shortfall, 318.11 kr.
  EXPECT_EQ(line_of(fixed(year), "hurdal").amount, 22'102 * kKrone);
  EXPECT_EQ(line_of(individual(year), "hurdal").remainder_amount, 318 * kKrone);
  EXPECT_EQ(year.total_by_municipality.at("hurdal"), (22'102 + 318) * kKrone);
}

TEST(ThreePartPlan, BuyersOfIndividualGuidancePayTheirHoursAtTheRate) {
  const Allocation year = the_year();
  EXPECT_EQ(individual(year).rate_total, 913'825 * kKrone);  // 830.75 h × 1 100 kr
  EXPECT_EQ(individual(year).remainder, 13'841 * kKrone);
  EXPECT_EQ(line_of(individual(year), "ullensaker").rate_amount, 451'275 * kKrone);  // 410.25 h
  EXPECT_EQ(line_of(individual(year), "nannestad").rate_amount, 132'550 * kKrone);   // 120.5 h
}

TEST(ThreePartPlan, ConsumptionIsPricedPerAssignment) {
  const Allocation year = the_year();
  EXPECT_EQ(consumption(year).total_units, 100);
  EXPECT_EQ(price_per_unit(consumption(year)), 961'667);  // 9 616.67 kr
  EXPECT_EQ(price_per_unit(fixed(year)), std::nullopt);
  // Ullensaker's 31 of 100 assignments: 298 116.77 kr.
  EXPECT_EQ(line_of(consumption(year), "ullensaker").amount, 298'117 * kKrone);
}

}  // namespace
}  // namespace tavla::allocation
