#include "tavla/ui/local_time.hpp"

#include <date/tz.h>

#include <array>
#include <stdexcept>

namespace tavla::ui {
namespace {

const date::time_zone* zone_of(const void* zone) {
  return static_cast<const date::time_zone*>(zone);
}

std::string two_digits(long value) {
  std::string s = std::to_string(value);
  return s.size() < 2 ? "0" + s : s;
}

constexpr std::array kWeekdays{T::weekday_1, T::weekday_2, T::weekday_3, T::weekday_4,
                               T::weekday_5, T::weekday_6, T::weekday_7};
constexpr std::array kMonths{T::month_1, T::month_2,  T::month_3,  T::month_4,
                             T::month_5, T::month_6,  T::month_7,  T::month_8,
                             T::month_9, T::month_10, T::month_11, T::month_12};

}  // namespace

LocalTime::LocalTime(const std::string& zone) : zone_(nullptr) {
  try {
    zone_ = date::locate_zone(zone);
  } catch (const std::exception& e) {
    throw std::runtime_error("unknown time zone '" + zone + "': " + e.what());
  }
}

LocalParts LocalTime::parts(kiosk::Timestamp t) const {
  const auto local = zone_of(zone_)->to_local(t);
  const auto days = date::floor<date::days>(local);
  const date::year_month_day ymd{days};
  const date::hh_mm_ss<std::chrono::milliseconds> time{local - days};
  LocalParts p;
  p.year = static_cast<int>(ymd.year());
  p.month = static_cast<unsigned>(ymd.month());
  p.day = static_cast<unsigned>(ymd.day());
  p.weekday = date::weekday{days}.iso_encoding();
  p.hour = static_cast<int>(time.hours().count());
  p.minute = static_cast<int>(time.minutes().count());
  p.second = static_cast<int>(time.seconds().count());
  return p;
}

std::string LocalTime::hh_mm(kiosk::Timestamp t) const {
  const auto p = parts(t);
  return two_digits(p.hour) + ":" + two_digits(p.minute);
}

kiosk::Date LocalTime::date(kiosk::Timestamp t) const {
  const auto p = parts(t);
  return kiosk::Date{std::chrono::year{p.year}, std::chrono::month{p.month},
                     std::chrono::day{p.day}};
}

kiosk::Timestamp LocalTime::next_minute(kiosk::Timestamp t) const {
  // Every zone in use has whole-minute offsets, so UTC minutes line up.
  return std::chrono::floor<std::chrono::minutes>(t) + std::chrono::minutes{1};
}

std::string long_date(const Catalogue& text, const LocalParts& parts) {
  return text.format(T::date_long, {{"weekday", std::string(text(kWeekdays[parts.weekday - 1]))},
                                    {"day", std::to_string(parts.day)},
                                    {"month", std::string(text(kMonths[parts.month - 1]))}});
}

std::string short_date(const Catalogue& text, kiosk::Date date) {
  return text.format(T::date_short, {{"day", std::to_string(static_cast<unsigned>(date.day()))},
                                     {"month", std::to_string(static_cast<unsigned>(date.month()))},
                                     {"year", std::to_string(static_cast<int>(date.year()))}});
}

std::string clock_duration(std::chrono::seconds duration) {
  auto total = duration.count() < 0 ? 0 : duration.count();
  const auto hours = total / 3600;
  const auto minutes = (total / 60) % 60;
  const auto seconds = total % 60;
  if (hours > 0) {
    return std::to_string(hours) + ":" + two_digits(minutes) + ":" + two_digits(seconds);
  }
  return std::to_string(minutes) + ":" + two_digits(seconds);
}

}  // namespace tavla::ui
