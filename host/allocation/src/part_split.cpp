#include "part_split.hpp"

#include <string>

#include "wide_int.hpp"

namespace tavla::allocation::detail {
namespace {

std::string nok(Ore amount) {
  return format_nok_table(amount, NumberLocale::en) + " NOK";
}

std::string quoted(const std::string& name) {
  return "\"" + name + "\"";
}

AllocationError zero_basis(const Part& part, Key key, Units units, const std::string& subject) {
  const bool planned = reads_planned(part, key, units);
  return {part.name, subject + " cannot be split by " + std::string(to_string(key)) + ": " +
                         describe(key, planned) +
                         " summed over all member municipalities is zero. " +
                         remedy_for_zero(key, planned)};
}

AllocationError too_large(const Part& part) {
  return {part.name, "Part " + quoted(part.name) +
                         " cannot be split: its amounts are larger than this program can count. "
                         "Check the amount, the rate and the hours."};
}

PartResult empty_result(const Part& part, Ore amount, const std::vector<MemberBasis>& members) {
  PartResult result;
  result.name = part.name;
  result.key = part.key;
  result.amount = amount;
  result.lines.reserve(members.size());
  for (const MemberBasis& member : members) {
    Line line;
    line.municipality = member.municipality;
    line.part = part.name;
    line.basis = part.key;
    result.lines.push_back(std::move(line));
  }
  return result;
}

// Splits by split(); its errors cannot happen after the checks, but if one
// does it is reported, not hidden.
Outcome<std::vector<Ore>> split_or_error(const Part& part, Ore amount, const Basis& basis,
                                         Rounding rounding) {
  auto amounts = split(amount, basis.claims, rounding);
  if (auto* error = std::get_if<SplitError>(&amounts)) {
    return AllocationError{part.name,
                           "Part " + quoted(part.name) + " cannot be split: " + error->message};
  }
  return std::get<std::vector<Ore>>(std::move(amounts));
}

// hours × rate, rounded on its own to the unit, halves up: a price times a
// quantity, so a buyer can check the line by hand.
std::optional<Ore> rate_amount(Quantity hundredths, Ore rate, Rounding rounding) {
  const auto unit = static_cast<Ore>(rounding);
  const Wide units = divide_rounding_half_away(Wide{hundredths} * rate, Wide{100} * unit);
  return narrow(units * unit);
}

Outcome<PartResult> split_with_rate(const Part& part, Ore amount,
                                    const std::vector<MemberBasis>& members, const Basis& hours,
                                    Units units, Rounding rounding) {
  PartResult result = empty_result(part, amount, members);
  result.total_units = hours.total;
  result.rate_per_hour = part.rate_per_hour;
  result.remainder_key = part.remainder_key;

  Wide rate_total = 0;
  for (std::size_t i = 0; i < members.size(); ++i) {
    const auto charged = rate_amount(hours.claims[i].quantity, *part.rate_per_hour, rounding);
    if (!charged) {
      return too_large(part);
    }
    result.lines[i].rate_amount = *charged;
    rate_total += *charged;
  }
  const auto rate_sum = narrow(rate_total);
  const auto remainder = narrow(Wide{amount} - rate_total);
  if (!rate_sum || !remainder) {
    return too_large(part);
  }
  result.rate_total = *rate_sum;
  result.remainder = *remainder;

  auto shared_by = basis_of(part, *part.remainder_key, members, units);
  if (auto* error = std::get_if<AllocationError>(&shared_by)) {
    return *error;
  }
  const Basis& remainder_basis = std::get<Basis>(shared_by);
  if (remainder_basis.total == 0) {
    return zero_basis(part, *part.remainder_key, units,
                      "The remainder of part " + quoted(part.name) + " (" + nok(*remainder) +
                          " after the hourly rate)");
  }
  auto shares = split_or_error(part, *remainder, remainder_basis, rounding);
  if (auto* error = std::get_if<AllocationError>(&shares)) {
    return *error;
  }
  const auto& remainder_amounts = std::get<std::vector<Ore>>(shares);
  for (std::size_t i = 0; i < members.size(); ++i) {
    Line& line = result.lines[i];
    line.units = hours.claims[i].quantity;
    line.total_units = hours.total;
    line.remainder_units = remainder_basis.claims[i].quantity;
    line.remainder_total_units = remainder_basis.total;
    line.remainder_amount = remainder_amounts[i];
    const auto total = narrow(Wide{line.rate_amount} + line.remainder_amount);
    if (!total) {
      return too_large(part);
    }
    line.amount = *total;
  }
  return result;
}

}  // namespace

Outcome<Ore> amount_to_split(const Part& part, Amounts amounts, Rounding rounding) {
  const bool use_actual = amounts == Amounts::actual_else_budget && part.actual.has_value();
  const Ore amount = use_actual ? *part.actual : part.amount;
  if (amount % static_cast<Ore>(rounding) != 0) {
    return AllocationError{part.name, "Part " + quoted(part.name) + ": the " +
                                          (use_actual ? "actual cost " : "budget ") + nok(amount) +
                                          " has øre, but the plan rounds to whole kroner. Round "
                                          "the amount to whole kroner, or let the plan round to "
                                          "øre."};
  }
  return amount;
}

Outcome<PartResult> split_part(const Part& part, Ore amount,
                               const std::vector<MemberBasis>& members, Units units,
                               Rounding rounding) {
  auto by_key = basis_of(part, part.key, members, units);
  if (auto* error = std::get_if<AllocationError>(&by_key)) {
    return *error;
  }
  const Basis& basis = std::get<Basis>(by_key);
  if (part.rate_per_hour) {
    return split_with_rate(part, amount, members, basis, units, rounding);
  }
  if (basis.total == 0) {
    return zero_basis(part, part.key, units, "Part " + quoted(part.name));
  }
  auto shares = split_or_error(part, amount, basis, rounding);
  if (auto* error = std::get_if<AllocationError>(&shares)) {
    return *error;
  }
  const auto& amounts = std::get<std::vector<Ore>>(shares);
  PartResult result = empty_result(part, amount, members);
  result.total_units = basis.total;
  for (std::size_t i = 0; i < members.size(); ++i) {
    result.lines[i].units = basis.claims[i].quantity;
    result.lines[i].total_units = basis.total;
    result.lines[i].amount = amounts[i];
  }
  return result;
}

PartResult unbilled_part(const Part& part, const std::vector<MemberBasis>& members) {
  return empty_result(part, 0, members);
}

}  // namespace tavla::allocation::detail
