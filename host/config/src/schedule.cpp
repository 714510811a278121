#include "tavla/host/config/schedule.hpp"

#include <date/tz.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <sstream>

namespace tavla::host::config {
namespace {

using std::chrono::days;
using std::chrono::sys_days;

std::optional<std::chrono::weekday> weekday_from(std::string_view word) {
  static constexpr std::array<std::string_view, 7> kNames = {
      "sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"};
  for (unsigned i = 0; i < kNames.size(); ++i) {
    if (word == kNames[i]) {
      return std::chrono::weekday{i};
    }
  }
  return std::nullopt;
}

std::optional<unsigned> ordinal_from(std::string_view word) {
  static constexpr std::array<std::pair<std::string_view, unsigned>, 8> kOrdinals = {{{"first", 1},
                                                                                      {"1st", 1},
                                                                                      {"second", 2},
                                                                                      {"2nd", 2},
                                                                                      {"third", 3},
                                                                                      {"3rd", 3},
                                                                                      {"fourth", 4},
                                                                                      {"4th", 4}}};
  for (const auto& [name, n] : kOrdinals) {
    if (word == name) {
      return n;
    }
  }
  return std::nullopt;
}

const date::time_zone* oslo() {
  // The tz database is read once per process by the date library itself.
  return date::locate_zone("Europe/Oslo");
}

}  // namespace

std::optional<Recurrence> parse_recurrence(std::string_view text) {
  std::vector<std::string> words;
  std::istringstream in{std::string(text)};
  for (std::string w; in >> w;) {
    std::transform(w.begin(), w.end(), w.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    words.push_back(w);
  }
  if (words.size() == 2 && words[0] == "weekly") {
    if (auto wd = weekday_from(words[1])) {
      return Recurrence{Recurrence::Kind::weekly, *wd, 1};
    }
  }
  if (words.size() == 3 && words[2] == "monthly") {
    const auto wd = weekday_from(words[1]);
    if (!wd) {
      return std::nullopt;
    }
    if (words[0] == "last") {
      return Recurrence{Recurrence::Kind::monthly_last, *wd, 1};
    }
    if (auto n = ordinal_from(words[0])) {
      return Recurrence{Recurrence::Kind::monthly_nth, *wd, *n};
    }
  }
  return std::nullopt;
}

std::vector<protocol::Date> occurrences(const Recurrence& rule, protocol::Date from,
                                        protocol::Date until,
                                        const std::vector<protocol::Date>& except) {
  std::vector<protocol::Date> dates;
  const auto keep = [&](protocol::Date d) {
    if (d >= from && d <= until && std::find(except.begin(), except.end(), d) == except.end()) {
      dates.push_back(d);
    }
  };
  switch (rule.kind) {
    case Recurrence::Kind::once:
      keep(from);
      break;
    case Recurrence::Kind::weekly: {
      sys_days d{from};
      while (std::chrono::weekday{d} != rule.weekday) {
        d += days{1};
      }
      for (; d <= sys_days{until}; d += days{7}) {
        keep(protocol::Date{d});
      }
      break;
    }
    case Recurrence::Kind::monthly_nth:
    case Recurrence::Kind::monthly_last: {
      for (auto ym = from.year() / from.month(); ym <= until.year() / until.month();
           ym += std::chrono::months{1}) {
        const protocol::Date d =
            rule.kind == Recurrence::Kind::monthly_last
                ? protocol::Date{sys_days{ym / rule.weekday[std::chrono::last]}}
                : protocol::Date{sys_days{ym / rule.weekday[rule.nth]}};
        keep(d);
      }
      break;
    }
  }
  return dates;
}

protocol::Timestamp oslo_to_utc(protocol::Date day, std::chrono::minutes time_of_day) {
  const date::local_time<std::chrono::minutes> local{
      std::chrono::duration_cast<std::chrono::minutes>(sys_days{day}.time_since_epoch()) +
      time_of_day};
  // A wall-clock time that does not exist (spring forward) or exists twice
  // (fall back) takes the earlier instant: meetings are not held at 02:30.
  const auto zoned = date::make_zoned(oslo(), local, date::choose::earliest);
  return std::chrono::time_point_cast<std::chrono::milliseconds>(zoned.get_sys_time());
}

protocol::Date oslo_date(protocol::Timestamp instant) {
  const auto local = date::make_zoned(oslo(), instant).get_local_time();
  return protocol::Date{std::chrono::sys_days{std::chrono::floor<days>(local.time_since_epoch())}};
}

}  // namespace tavla::host::config
