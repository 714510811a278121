// 128-bit integers for products of amounts and quantities: an amount of up to
// 2^63 øre times a quantity of up to 2^63 needs 126 bits, so no product or
// sum in the allocation can overflow before it is checked against the range
// of Ore and Quantity.
#pragma once

#include <cstdint>
#include <limits>
#include <optional>

namespace tavla::allocation::detail {

// __extension__: GCC and Clang have __int128 on every 64-bit target we build
// for (x86-64, aarch64); -Wpedantic would otherwise warn that ISO C++ lacks it.
__extension__ using Wide = __int128;

inline constexpr Wide kInt64Max = std::numeric_limits<std::int64_t>::max();
inline constexpr Wide kInt64Min = std::numeric_limits<std::int64_t>::min();

// The value as int64, or nullopt when it does not fit.
[[nodiscard]] inline std::optional<std::int64_t> narrow(Wide value) {
  if (value > kInt64Max || value < kInt64Min) {
    return std::nullopt;
  }
  return static_cast<std::int64_t>(value);
}

// numerator / denominator rounded to the nearest integer, halves away from
// zero. denominator > 0.
[[nodiscard]] inline Wide divide_rounding_half_away(Wide numerator, Wide denominator) {
  const Wide magnitude = numerator < 0 ? -numerator : numerator;
  const Wide rounded = (magnitude + denominator / 2) / denominator;
  return numerator < 0 ? -rounded : rounded;
}

}  // namespace tavla::allocation::detail
