// Times and dates on the wire. A timestamp is RFC 3339 UTC with exactly three
// fraction digits ("2026-11-22T09:03:12.345Z"); a date is "YYYY-MM-DD".
// One spelling per instant keeps encoding byte-stable.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace tavla::protocol {

using Timestamp = std::chrono::sys_time<std::chrono::milliseconds>;
using Date = std::chrono::year_month_day;

[[nodiscard]] std::string format_timestamp(Timestamp ts);
// Strict: anything but the one spelling above, or an impossible date or time, is nullopt.
[[nodiscard]] std::optional<Timestamp> parse_timestamp(std::string_view text);

[[nodiscard]] std::string format_date(Date date);
[[nodiscard]] std::optional<Date> parse_date(std::string_view text);

}  // namespace tavla::protocol
