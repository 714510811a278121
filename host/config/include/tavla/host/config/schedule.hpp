// Schedule expansion: dates and times in Europe/Oslo, recurring sessions
// ("the last Friday of each month 09:00-15:30") with exceptions, into UTC
// occurrences with stable ids.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "tavla/protocol/timestamp.hpp"

namespace tavla::host::config {

// "weekly", "monthly" on the n-th or last weekday.
struct Recurrence {
  enum class Kind { once, weekly, monthly_nth, monthly_last };
  Kind kind = Kind::once;
  std::chrono::weekday weekday{};  // weekly and monthly rules set it
  unsigned nth = 1;                // monthly_nth: 1-4
};

// Parses "last friday monthly", "first monday monthly", "2nd tuesday monthly",
// "weekly friday". nullopt if not understood.
[[nodiscard]] std::optional<Recurrence> parse_recurrence(std::string_view text);

// Every date of the rule from `from` to `until` (inclusive), minus `except`.
[[nodiscard]] std::vector<protocol::Date> occurrences(const Recurrence& rule, protocol::Date from,
                                                      protocol::Date until,
                                                      const std::vector<protocol::Date>& except);

// A local wall-clock time on a date in Europe/Oslo, as UTC.
[[nodiscard]] protocol::Timestamp oslo_to_utc(protocol::Date day, std::chrono::minutes time_of_day);

// The Europe/Oslo calendar date of an instant.
[[nodiscard]] protocol::Date oslo_date(protocol::Timestamp instant);

}  // namespace tavla::host::config
