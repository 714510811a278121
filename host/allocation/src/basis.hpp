// Each member's quantity under a key: the one place that knows where the
// numbers of a key come from, and how to name them in a sentence.
#pragma once

#include <string>
#include <vector>

#include "tavla/allocation/allocation.hpp"

namespace tavla::allocation::detail {

// Where the units of a consumption part's own key come from: what was
// measured (the members' bases) or what was planned (the part's `planned`).
enum class Units { measured, planned };

struct Basis {
  std::vector<Claim> claims;  // one per member, in the order of the members
  Quantity total = 0;
};

// The claims of `members` on `part` under `key`. Units::planned replaces the
// part's own consumption key by its `planned` units (missing members: 0).
// Errors: a negative quantity, or a total beyond the range of Quantity.
// A zero total is the caller's to report: only it knows the context.
[[nodiscard]] Outcome<Basis> basis_of(const Part& part, Key key,
                                      const std::vector<MemberBasis>& members, Units units);

// True when basis_of(part, key, …, units) reads the part's `planned` list.
[[nodiscard]] bool reads_planned(const Part& part, Key key, Units units);

// "the population", "the planned number of attendance units", … for sentences.
[[nodiscard]] std::string describe(Key key, bool planned);
// What to do about a basis of `key` that sums to zero.
[[nodiscard]] std::string remedy_for_zero(Key key, bool planned);

}  // namespace tavla::allocation::detail
