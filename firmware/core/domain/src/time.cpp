#include "tavla/kiosk/time.hpp"

#include <date/tz.h>

#include <stdexcept>

namespace tavla::kiosk {

Timestamp SystemClock::now() const {
  return std::chrono::time_point_cast<Milliseconds>(std::chrono::system_clock::now());
}

bool clock_plausible(Timestamp now, std::string_view build_date) {
  const auto date = protocol::parse_date(build_date);
  if (!date) {
    return true;
  }
  return now >= std::chrono::sys_days{*date};
}

namespace {
const date::time_zone* zone_of(const void* zone) {
  return static_cast<const date::time_zone*>(zone);
}
}  // namespace

TimeZone::TimeZone(const std::string& name) : name_(name), zone_(nullptr) {
  try {
    zone_ = date::locate_zone(name);
  } catch (const std::exception& e) {
    throw std::runtime_error("unknown time zone '" + name + "': " + e.what());
  }
}

Timestamp TimeZone::next_midnight(Timestamp t) const {
  const auto* zone = zone_of(zone_);
  const auto local = zone->to_local(t);
  const auto next_day = date::floor<date::days>(local) + date::days{1};
  // Midnight exists in Europe/Oslo (DST switches at 02:00/03:00); choose the
  // earliest instant should a zone ever make it ambiguous or skip it.
  const auto utc = zone->to_sys(next_day, date::choose::earliest);
  return std::chrono::time_point_cast<Milliseconds>(utc);
}

Date TimeZone::local_date(Timestamp t) const {
  const auto local = zone_of(zone_)->to_local(t);
  const auto days = date::floor<date::days>(local);
  return Date{std::chrono::sys_days{days.time_since_epoch()}};
}

}  // namespace tavla::kiosk
