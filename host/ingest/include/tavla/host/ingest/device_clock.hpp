// Whether a device's clock may date a session. A kiosk that was offline
// sends its events days late, so an old timestamp alone is normal. But a
// timestamp after the moment the host received the event (beyond a small
// allowance), before anything the site could have held, or from a device
// whose last status said its clock was not synchronised cannot decide the
// session's date and year: the host's receive time does, and the session is
// flagged (`devices`, and a warning of `usage`, `allocate` and `settle`).
#pragma once

#include <chrono>
#include <optional>
#include <string_view>

#include "tavla/host/config/site.hpp"
#include "tavla/protocol/timestamp.hpp"

namespace tavla::host::ingest {

// How far a device's clock may run ahead of the host's before it is doubted.
constexpr std::chrono::minutes kClockAllowance{5};

enum class ClockDoubt { none, ahead_of_host, before_site, not_synchronised };

// "ahead_of_host", "before_site", "not_synchronised" ("" for none).
[[nodiscard]] std::string_view to_string(ClockDoubt doubt);

// The earliest date a session of `site` can have: the earliest of its
// schedule, its plans' years and its municipalities' member_from, and never
// before 2020-01-01.
[[nodiscard]] protocol::Date earliest_site_date(const config::Site& site);

// Why `ts` may not date a session received at `received`; `clock_ok` is
// what the device's last status said (nullopt: it said nothing).
[[nodiscard]] ClockDoubt clock_doubt(protocol::Timestamp ts, protocol::Timestamp received,
                                     protocol::Date earliest, std::optional<bool> clock_ok);

}  // namespace tavla::host::ingest
