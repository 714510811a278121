// Largest-remainder apportionment: the one rounding rule of the allocation.
#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "tavla/allocation/money.hpp"

namespace tavla::allocation {

// What one share-taker's part of a split is proportional to: a population,
// a count of units, hours in hundredths, or an agreed weight. Never negative.
using Quantity = std::int64_t;

struct Claim {
  std::string municipality;
  Quantity quantity = 0;
};

struct SplitError {
  std::string message;  // e.g. "the basis sums to zero"
};

// Splits `amount` (a multiple of `unit`; may be negative, e.g. a surplus
// returned) among `claims` in proportion to their quantities, in multiples of
// `unit`, by the largest-remainder method: everyone gets the floor of their
// exact share, and the units left over go one each to the largest
// remainders. Ties are broken by the larger quantity, then by municipality id
// ascending, so the result never depends on input order. The amounts add up
// to `amount` exactly, and each differs from its exact share by less than
// one unit. Returned in the order of `claims`.
// Errors: the quantities sum to zero, a quantity is negative, `amount` is
// not a multiple of `unit`, or a municipality is listed twice (the tie-break
// could not tell the two apart).
[[nodiscard]] std::variant<std::vector<Ore>, SplitError> split(Ore amount,
                                                               const std::vector<Claim>& claims,
                                                               Rounding unit);

}  // namespace tavla::allocation
