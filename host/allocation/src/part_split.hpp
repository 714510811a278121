// Splitting one part of a plan: the key's split, or the hourly rate plus the
// split of the remainder.
#pragma once

#include <vector>

#include "basis.hpp"
#include "tavla/allocation/allocation.hpp"

namespace tavla::allocation::detail {

// The part's budget, or its actual cost when asked for and set; an error when
// it is not a whole number of the plan's unit.
[[nodiscard]] Outcome<Ore> amount_to_split(const Part& part, Amounts amounts, Rounding rounding);

// Splits `amount` of `part` among `members` (unique, checked by the caller,
// as is the part itself: check_part). Every line is a multiple of the unit,
// and the lines add up to `amount` exactly.
[[nodiscard]] Outcome<PartResult> split_part(const Part& part, Ore amount,
                                             const std::vector<MemberBasis>& members, Units units,
                                             Rounding rounding);

// A consumption part that has no a-konto: every line 0.
[[nodiscard]] PartResult unbilled_part(const Part& part, const std::vector<MemberBasis>& members);

}  // namespace tavla::allocation::detail
