// Usage per municipality and year (docs/domain.md, "Consumption" and
// "Reporting to the state"), read from the store's
// incrementally maintained aggregates plus the enrollments of the member
// lists. Never scans raw events, so it costs the same for 5 million
// check-ins as for fifty.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "tavla/host/config/site.hpp"
#include "tavla/host/storage/repositories.hpp"

namespace tavla::host::usage {

struct UsageRow {
  std::string municipality;
  int year = 0;
  int month = 0;  // 0: the whole year
  std::int64_t group_guidance_sessions = 0;
  std::int64_t attendance_units = 0;
  // The consumption units of a part keyed on `enrollments`: foster homes
  // enrolled in series groups plus attendance units of single-session groups.
  std::int64_t enrollments = 0;
  std::int64_t meetings_attended = 0;
  bool operator==(const UsageRow&) const = default;
};

// Foster homes enrolled in the year's group-guidance series (`series =
// true`, the default), by municipality (a member without a foster home
// counts as its own). A group's year is its `year`, else the years of its
// scheduled sessions. Single-session groups are counted by live_usage.
[[nodiscard]] std::map<std::string, std::int64_t> enrollments(const config::Site& site, int year);

// One row per municipality of the site (in the site's order), then any other
// municipality the store has figures for. Live figures, closed year or not.
[[nodiscard]] std::vector<UsageRow> live_usage(const config::Site& site,
                                               storage::Repositories& repos, int year);
// The same per month (only months with figures).
[[nodiscard]] std::vector<UsageRow> monthly_usage(const config::Site& site,
                                                  storage::Repositories& repos, int year);

// What reports and the allocation use: the frozen figures of a closed year,
// else the live ones.
struct YearUsage {
  bool closed = false;
  std::vector<UsageRow> rows;                                // frozen if closed
  std::vector<UsageRow> live;                                // always live
  std::map<std::string, std::int64_t> purchased_hundredths;  // frozen if closed
};
[[nodiscard]] YearUsage year_usage(const config::Site& site, storage::Repositories& repos,
                                   int year);

}  // namespace tavla::host::usage
