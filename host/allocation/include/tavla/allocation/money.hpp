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

// "1468000", "961667.5", "12,50" (comma accepted) → øre; nullopt if not a
// decimal number with at most two decimals or out of range.
[[nodiscard]] std::optional<Ore> parse_nok(std::string_view text);
// 146800000 → "1468000.00" (csv/json: '.' decimal point, no grouping).
[[nodiscard]] std::string format_nok_plain(Ore amount);

}  // namespace tavla::allocation
