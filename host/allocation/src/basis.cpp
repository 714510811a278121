#include "basis.hpp"

#include "wide_int.hpp"

namespace tavla::allocation::detail {
namespace {

Quantity measured(const MemberBasis& member, const Part& part, Key key) {
  switch (key) {
    case Key::population:
      return member.population;
    case Key::enrollments:
      return member.enrollments;
    case Key::attendance:
      return member.attendance_units;
    case Key::purchases:
      return member.purchased_hundredths;
    case Key::equal:
      return 1;
    case Key::weights: {
      const auto it = part.weights.find(member.municipality);
      return it == part.weights.end() ? 0 : it->second;
    }
  }
  return 0;
}

Quantity planned(const MemberBasis& member, const Part& part) {
  const auto it = part.planned.find(member.municipality);
  return it == part.planned.end() ? 0 : it->second;
}

}  // namespace

bool reads_planned(const Part& part, Key key, Units units) {
  return units == Units::planned && key == part.key && is_consumption(key);
}

Outcome<Basis> basis_of(const Part& part, Key key, const std::vector<MemberBasis>& members,
                        Units units) {
  const bool from_plan = reads_planned(part, key, units);
  Basis basis;
  basis.claims.reserve(members.size());
  Wide total = 0;
  for (const MemberBasis& member : members) {
    const Quantity quantity = from_plan ? planned(member, part) : measured(member, part, key);
    if (quantity < 0) {
      return AllocationError{
          part.name, "Part \"" + part.name + "\" cannot be split: " + describe(key, from_plan) +
                         " of " + member.municipality + " is negative (" +
                         std::to_string(quantity) + "). Correct it to zero or more."};
    }
    basis.claims.push_back({member.municipality, quantity});
    total += quantity;
  }
  const auto narrowed = narrow(total);
  if (!narrowed) {
    return AllocationError{part.name, "Part \"" + part.name +
                                          "\" cannot be split: " + describe(key, from_plan) +
                                          " summed over all member municipalities is larger "
                                          "than this program can count. Check the numbers."};
  }
  basis.total = *narrowed;
  return basis;
}

std::string describe(Key key, bool planned) {
  const std::string the = planned ? "the planned " : "the ";
  switch (key) {
    case Key::population:
      return the + "population";
    case Key::enrollments:
      return the + "number of enrolled foster homes";
    case Key::attendance:
      return the + "number of attendance units";
    case Key::purchases:
      return the + "number of hours of individual guidance bought";
    case Key::equal:
      return the + "equal share";
    case Key::weights:
      return the + "agreed weight";
  }
  return the + "basis";
}

std::string remedy_for_zero(Key key, bool planned) {
  if (planned) {
    return "Give at least one member municipality planned units above zero in the part's "
           "planned list, or remove the list to leave the part out of the a-konto invoices.";
  }
  switch (key) {
    case Key::population:
      return "Enter the population of the member municipalities for the plan's count.";
    case Key::enrollments:
      return "Check the member lists of the year's group-guidance groups, or choose another key.";
    case Key::attendance:
      return "Check that the year's attendance has been recorded, or choose another key.";
    case Key::purchases:
      return "Record the hours bought, or choose another key.";
    case Key::equal:
      return "Add the member municipalities.";
    case Key::weights:
      return "Give at least one member municipality a weight above zero.";
  }
  return "Choose another key.";
}

}  // namespace tavla::allocation::detail
