#include "tavla/host/ingest/device_clock.hpp"

#include <algorithm>

#include "tavla/host/config/schedule.hpp"

namespace tavla::host::ingest {
namespace {

using std::chrono::year;
using std::chrono::year_month_day;

// Before Tavla existed: a clock that says so was never set.
constexpr year_month_day kNeverBefore{year{2020}, std::chrono::January, std::chrono::day{1}};

}  // namespace

std::string_view to_string(ClockDoubt doubt) {
  switch (doubt) {
    case ClockDoubt::none:
      return "";
    case ClockDoubt::ahead_of_host:
      return "ahead_of_host";
    case ClockDoubt::before_site:
      return "before_site";
    case ClockDoubt::not_synchronised:
      return "not_synchronised";
  }
  return "";
}

protocol::Date earliest_site_date(const config::Site& site) {
  std::optional<protocol::Date> earliest;
  const auto consider = [&](protocol::Date d) { earliest = earliest ? std::min(*earliest, d) : d; };
  for (const auto& s : site.schedule) {
    consider(config::oslo_date(s.start));
  }
  for (const auto& p : site.plans) {
    consider(year_month_day{year{p.year}, std::chrono::January, std::chrono::day{1}});
  }
  for (const auto& m : site.municipalities) {
    if (m.member_from) {
      consider(*m.member_from);
    }
  }
  return earliest ? std::max(*earliest, kNeverBefore) : kNeverBefore;
}

ClockDoubt clock_doubt(protocol::Timestamp ts, protocol::Timestamp received,
                       protocol::Date earliest, std::optional<bool> clock_ok) {
  if (ts > received + kClockAllowance) {
    return ClockDoubt::ahead_of_host;
  }
  if (config::oslo_date(ts) < earliest) {
    return ClockDoubt::before_site;
  }
  if (clock_ok == false) {
    return ClockDoubt::not_synchronised;
  }
  return ClockDoubt::none;
}

}  // namespace tavla::host::ingest
