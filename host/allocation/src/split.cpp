#include "tavla/allocation/split.hpp"

#include <algorithm>
#include <numeric>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>

#include "wide_int.hpp"

namespace tavla::allocation {
namespace {

using detail::Wide;

// One claim's floor of its exact share in units, and what is left over, as
// the numerator of a fraction of the total quantity.
struct Share {
  Wide units = 0;
  Wide remainder = 0;
};

std::optional<SplitError> check(Ore amount, const std::vector<Claim>& claims, Ore unit) {
  if (amount % unit != 0) {
    return SplitError{"the amount " + std::to_string(amount) +
                      " øre is not a whole number of the rounding unit (" + std::to_string(unit) +
                      " øre)"};
  }
  std::set<std::string_view> seen;
  for (const Claim& claim : claims) {
    if (claim.quantity < 0) {
      return SplitError{"the quantity of " + claim.municipality + " is negative (" +
                        std::to_string(claim.quantity) + ")"};
    }
    if (!seen.insert(claim.municipality).second) {
      return SplitError{claim.municipality + " is listed more than once"};
    }
  }
  return std::nullopt;
}

}  // namespace

std::variant<std::vector<Ore>, SplitError> split(Ore amount, const std::vector<Claim>& claims,
                                                 Rounding unit) {
  const auto unit_ore = static_cast<Ore>(unit);
  if (auto error = check(amount, claims, unit_ore)) {
    return *std::move(error);
  }
  const Wide total = std::accumulate(claims.begin(), claims.end(), Wide{0},
                                     [](Wide sum, const Claim& c) { return sum + c.quantity; });
  if (total == 0) {
    return SplitError{"the basis sums to zero"};
  }

  // Split the magnitude and give the result the amount's sign, so that a
  // surplus returned is rounded exactly like a cost: -x splits as -(split x).
  const Wide units_to_share = (amount < 0 ? -Wide{amount} : Wide{amount}) / unit_ore;
  std::vector<Share> shares(claims.size());
  Wide handed_out = 0;
  for (std::size_t i = 0; i < claims.size(); ++i) {
    const Wide exact_numerator = units_to_share * claims[i].quantity;  // < 2^126
    shares[i] = {exact_numerator / total, exact_numerator % total};
    handed_out += shares[i].units;
  }

  // The remainders add up to a whole number of units (less than one per
  // claim with a remainder): those go one each to the largest remainders.
  std::vector<std::size_t> order(claims.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    if (shares[a].remainder != shares[b].remainder) {
      return shares[a].remainder > shares[b].remainder;
    }
    if (claims[a].quantity != claims[b].quantity) {
      return claims[a].quantity > claims[b].quantity;
    }
    return claims[a].municipality < claims[b].municipality;
  });
  const auto left_over = static_cast<std::size_t>(units_to_share - handed_out);
  for (std::size_t k = 0; k < left_over; ++k) {
    shares[order[k]].units += 1;
  }

  std::vector<Ore> amounts;
  amounts.reserve(claims.size());
  for (const Share& share : shares) {
    // Each share is at most |amount|, so it fits back into Ore.
    const Wide magnitude = share.units * unit_ore;
    amounts.push_back(static_cast<Ore>(amount < 0 ? -magnitude : magnitude));
  }
  return amounts;
}

}  // namespace tavla::allocation
