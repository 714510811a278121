#include "tavla/allocation/allocation.hpp"

#include "part_split.hpp"
#include "plan_check.hpp"
#include "wide_int.hpp"

namespace tavla::allocation {
namespace {

using detail::Units;
using detail::Wide;

// Adds the parts up per municipality and in total, to the øre.
Outcome<Allocation> assemble(int year, std::vector<PartResult> parts,
                             const std::vector<MemberBasis>& members) {
  std::map<std::string, Wide> by_municipality;
  for (const MemberBasis& member : members) {
    by_municipality[member.municipality] = 0;
  }
  Wide total = 0;
  for (const PartResult& part : parts) {
    total += part.amount;
    for (const Line& line : part.lines) {
      by_municipality[line.municipality] += line.amount;
    }
  }
  Allocation allocation;
  allocation.year = year;
  const auto narrowed_total = detail::narrow(total);
  if (!narrowed_total) {
    return AllocationError{"", "The plan's amounts add up to more than this program can count."};
  }
  allocation.total = *narrowed_total;
  for (const auto& [municipality, sum] : by_municipality) {
    const auto narrowed = detail::narrow(sum);
    if (!narrowed) {
      return AllocationError{
          "", "The amounts of " + municipality + " add up to more than this program can count."};
    }
    allocation.total_by_municipality[municipality] = *narrowed;
  }
  allocation.parts = std::move(parts);
  return allocation;
}

// One part as allocate() or provisional() splits it.
Outcome<PartResult> split_one(const Plan& plan, const Part& part,
                              const std::vector<MemberBasis>& members, Amounts amounts,
                              Units units) {
  auto amount = detail::amount_to_split(part, amounts, plan.rounding);
  if (auto* error = std::get_if<AllocationError>(&amount)) {
    return *error;
  }
  return detail::split_part(part, std::get<Ore>(amount), members, units, plan.rounding);
}

}  // namespace

Outcome<Allocation> allocate(const Plan& plan, const std::vector<MemberBasis>& members,
                             Amounts amounts) {
  if (auto error = detail::check_plan(plan, members)) {
    return *error;
  }
  std::vector<PartResult> parts;
  parts.reserve(plan.parts.size());
  for (const Part& part : plan.parts) {
    auto result = split_one(plan, part, members, amounts, Units::measured);
    if (auto* error = std::get_if<AllocationError>(&result)) {
      return *error;
    }
    parts.push_back(std::get<PartResult>(std::move(result)));
  }
  return assemble(plan.year, std::move(parts), members);
}

Outcome<Allocation> provisional(const Plan& plan, const std::vector<MemberBasis>& members) {
  if (auto error = detail::check_plan(plan, members)) {
    return *error;
  }
  std::vector<PartResult> parts;
  parts.reserve(plan.parts.size());
  for (const Part& part : plan.parts) {
    if (is_consumption(part.key) && part.planned.empty()) {
      // Nothing planned, nothing to bill on account: settled in full at year end.
      parts.push_back(detail::unbilled_part(part, members));
      continue;
    }
    auto result = split_one(plan, part, members, Amounts::budget, Units::planned);
    if (auto* error = std::get_if<AllocationError>(&result)) {
      return *error;
    }
    parts.push_back(std::get<PartResult>(std::move(result)));
  }
  return assemble(plan.year, std::move(parts), members);
}

std::optional<Ore> price_per_unit(const PartResult& part) {
  if (!is_consumption(part.key) || part.total_units <= 0) {
    return std::nullopt;
  }
  // |amount| / units ≤ |amount|: always fits.
  return static_cast<Ore>(detail::divide_rounding_half_away(part.amount, part.total_units));
}

}  // namespace tavla::allocation
