// The year-end settlement: the actual costs allocated by the actual units,
// minus what was invoiced on account.
#include <gtest/gtest.h>

#include "outcome.hpp"
#include "tavla/allocation/allocation.hpp"
#include "three_part_plan.hpp"

namespace tavla::allocation {
namespace {

using testing::kKrone;
using testing::value_of;

Plan plan_with_actual_costs() {
  Plan plan = testing::three_part_plan();
  plan.parts[0].actual = 955'000 * kKrone;
  plan.parts[1].actual = 990'000 * kKrone;
  // Individual guidance has no actual cost entered: its budget counts.
  return plan;
}

const SettlementLine& line_of(const Settlement& settlement, const std::string& municipality) {
  for (const SettlementLine& line : settlement.lines) {
    if (line.municipality == municipality) {
      return line;
    }
  }
  throw std::out_of_range(municipality);
}

TEST(Settle, TheBalancesAddUpToFinalMinusProvisionalExactly) {
  const Settlement settlement =
      value_of(settle(plan_with_actual_costs(), testing::measured_year()));
  EXPECT_EQ(settlement.year, 2023);
  EXPECT_EQ(settlement.provisional.total, 2'851'000 * kKrone);
  EXPECT_EQ(settlement.final.total, (955'000 + 990'000 + 927'666) * kKrone);
  EXPECT_EQ(settlement.total_balance, 21'666 * kKrone);
  ASSERT_EQ(settlement.lines.size(), 7U);
  Ore sum = 0;
  for (const SettlementLine& line : settlement.lines) {
    EXPECT_EQ(line.balance, line.final - line.provisional) << line.municipality;
    EXPECT_EQ(line.provisional, settlement.provisional.total_by_municipality.at(line.municipality));
    EXPECT_EQ(line.final, settlement.final.total_by_municipality.at(line.municipality));
    sum += line.balance;
  }
  EXPECT_EQ(sum, settlement.total_balance);
  EXPECT_EQ(settlement.lines.front().municipality, "nannestad");  // the members' order
}

TEST(Settle, AMemberThatBoughtNothingGetsItsShareOfTheSavingsBack) {
  const Settlement settlement =
      value_of(settle(plan_with_actual_costs(), testing::measured_year()));
  const SettlementLine& hurdal = line_of(settlement, "hurdal");
  // On account: 22 102 fixed key + 1 095 of the planned shortfall.
  EXPECT_EQ(hurdal.provisional, 23'197 * kKrone);
  // Final: 21 949 of the actual 955 000 + 318 of the actual shortfall.
  EXPECT_EQ(hurdal.final, 22'267 * kKrone);
  EXPECT_EQ(hurdal.balance, -930 * kKrone);  // a refund
}

TEST(Settle, AMemberThatBoughtMoreThanPlannedPaysTheDifference) {
  const Settlement settlement =
      value_of(settle(plan_with_actual_costs(), testing::measured_year()));
  // Nannestad planned 12 assignments and 100 hours, used 14 and 120.5.
  const SettlementLine& nannestad = line_of(settlement, "nannestad");
  EXPECT_EQ(nannestad.provisional, (113'992 + 125'435 + 110'000 + 5'650) * kKrone);
  EXPECT_EQ(nannestad.final, (113'201 + 138'600 + 132'550 + 1'641) * kKrone);
  EXPECT_GT(nannestad.balance, 0);
}

TEST(Settle, ThePricePerAssignmentIsTheActualConsumptionCostPerActualAssignment) {
  const Settlement settlement =
      value_of(settle(plan_with_actual_costs(), testing::measured_year()));
  EXPECT_EQ(price_per_unit(settlement.final.parts.at(1)), 990'000);          // 990 000 kr / 100
  EXPECT_EQ(price_per_unit(settlement.provisional.parts.at(1)), 1'045'290);  // 961 667 kr / 92
}

TEST(Settle, ConsumptionWithoutAKontoIsSettledInFull) {
  Plan plan = plan_with_actual_costs();
  plan.parts[1].planned.clear();
  const Settlement settlement = value_of(settle(plan, testing::measured_year()));
  EXPECT_EQ(settlement.total_balance, (21'666 + 961'667) * kKrone);
}

TEST(Settle, AnErrorInTheYearStopsTheSettlement) {
  std::vector<MemberBasis> members = testing::measured_year();
  for (MemberBasis& member : members) {
    member.enrollments = 0;
  }
  const AllocationError error = testing::error_of(settle(plan_with_actual_costs(), members));
  EXPECT_EQ(error.part, "Forbruk gruppeveiledning");
}

}  // namespace
}  // namespace tavla::allocation
