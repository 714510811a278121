// Money is integer øre everywhere in the host: no floating point ever touches
// an amount that is invoiced.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tavla::allocation {

using Ore = std::int64_t;

// The unit a plan rounds its amounts to.
enum class Rounding : Ore { ore = 1, krone = 100 };

// "1468000", "961667.5", "12,50" (comma accepted), "-250" → øre; nullopt if
// not a decimal number with at most two decimals or out of range. A leading
// '-' is accepted (a net cost can be negative); no '+', spaces, digit
// grouping or exponent, and digits are required on both sides of the
// decimal separator.
[[nodiscard]] std::optional<Ore> parse_nok(std::string_view text);
// Hours bought, kept as hundredths like øre: "12" → 1200, "12.5" or "12,50"
// → 1250. parse_nok's spelling without a sign, and under 10^9 hours;
// nullopt otherwise.
[[nodiscard]] std::optional<std::int64_t> parse_hours(std::string_view text);
// 146800000 → "1468000.00" (csv/json: '.' decimal point, no grouping).
[[nodiscard]] std::string format_nok_plain(Ore amount);

// The number format of tables for people (the site's `locale`).
enum class NumberLocale { nb, nn, en };

[[nodiscard]] std::string_view to_string(NumberLocale locale);
// "nb" | "nn" | "en"; nullopt otherwise.
[[nodiscard]] std::optional<NumberLocale> number_locale_from_string(std::string_view name);

// 146800000 → "1 468 000,00" in nb and nn (space U+0020 between digit groups,
// decimal comma), "1,468,000.00" in en; negatives with a leading '-'.
// Hours in hundredths format the same way (1250 → "12,50").
[[nodiscard]] std::string format_nok_table(Ore amount, NumberLocale locale);
// 124832 → "124 832" (nb, nn) or "124,832" (en): populations, units.
[[nodiscard]] std::string format_integer_table(std::int64_t value, NumberLocale locale);

// numerator/denominator as a plain decimal with `decimals` digits after '.'
// (no grouping: csv's `share` column), computed exactly from the integers and
// rounded half up (half away from zero for a negative fraction):
// format_fraction(14797, 124832, 6) == "0.118535". nullopt when the
// denominator is zero or `decimals` is outside 0..18.
[[nodiscard]] std::optional<std::string> format_fraction(std::int64_t numerator,
                                                         std::int64_t denominator, int decimals);

}  // namespace tavla::allocation
