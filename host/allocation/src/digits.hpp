// Decimal digits of integers, shared by the plain and the table formats.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace tavla::allocation::detail {

// |value|, also for INT64_MIN.
[[nodiscard]] std::uint64_t magnitude_of(std::int64_t value);

// `magnitude` in decimal with `group_separator` between groups of three
// digits (empty: no grouping).
[[nodiscard]] std::string group_digits(std::uint64_t magnitude, std::string_view group_separator);

// value / 100 with two decimals: sign, grouped whole part, `decimal_point`,
// two digits. 146800000 → "1468000.00" with no grouping and '.'.
[[nodiscard]] std::string format_hundredths(std::int64_t value, std::string_view group_separator,
                                            char decimal_point);

}  // namespace tavla::allocation::detail
