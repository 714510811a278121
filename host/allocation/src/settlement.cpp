// The year-end settlement: what each member owes or gets back once the actual
// costs and units are known.
#include "tavla/allocation/allocation.hpp"
#include "wide_int.hpp"

namespace tavla::allocation {

Outcome<Settlement> settle(const Plan& plan, const std::vector<MemberBasis>& members) {
  auto on_account = provisional(plan, members);
  if (auto* error = std::get_if<AllocationError>(&on_account)) {
    return *error;
  }
  auto actual = allocate(plan, members, Amounts::actual_else_budget);
  if (auto* error = std::get_if<AllocationError>(&actual)) {
    return *error;
  }
  Settlement settlement;
  settlement.year = plan.year;
  settlement.provisional = std::get<Allocation>(std::move(on_account));
  settlement.final = std::get<Allocation>(std::move(actual));

  detail::Wide total_balance = 0;
  for (const MemberBasis& member : members) {
    SettlementLine line;
    line.municipality = member.municipality;
    line.provisional = settlement.provisional.total_by_municipality.at(member.municipality);
    line.final = settlement.final.total_by_municipality.at(member.municipality);
    const auto balance = detail::narrow(detail::Wide{line.final} - line.provisional);
    if (!balance) {
      return AllocationError{
          "", "The balance of " + member.municipality + " is larger than this program can count."};
    }
    line.balance = *balance;
    total_balance += line.balance;
    settlement.lines.push_back(std::move(line));
  }
  const auto narrowed = detail::narrow(total_balance);
  if (!narrowed) {
    return AllocationError{"", "The balances add up to more than this program can count."};
  }
  settlement.total_balance = *narrowed;
  return settlement;
}

}  // namespace tavla::allocation
