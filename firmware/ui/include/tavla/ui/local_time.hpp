// Wall-clock times as the room reads them: in the room's time zone (the
// kiosk file's, Europe/Oslo by default), 24-hour clock, dates with the
// catalogue's weekday and month names.
#pragma once

#include <chrono>
#include <string>

#include "tavla/kiosk/time.hpp"
#include "tavla/ui/catalogue.hpp"

namespace tavla::ui {

struct LocalParts {
  int year = 0;
  unsigned month = 0;    // 1–12
  unsigned day = 0;      // 1–31
  unsigned weekday = 0;  // 1 = Monday … 7 = Sunday (ISO)
  int hour = 0;
  int minute = 0;
  int second = 0;
};

class LocalTime {
 public:
  explicit LocalTime(const std::string& zone);  // throws std::runtime_error for an unknown zone
  [[nodiscard]] LocalParts parts(kiosk::Timestamp t) const;
  [[nodiscard]] std::string hh_mm(kiosk::Timestamp t) const;  // "09:05"
  [[nodiscard]] kiosk::Date date(kiosk::Timestamp t) const;
  // The next instant the minute shown by hh_mm changes.
  [[nodiscard]] kiosk::Timestamp next_minute(kiosk::Timestamp t) const;

 private:
  const void* zone_;  // const date::time_zone*; date/tz.h stays in the .cpp
};

// "fredag 27. november" / "Friday 27 November".
[[nodiscard]] std::string long_date(const Catalogue& text, const LocalParts& parts);
// "15.12.2026" / "15/12/2026".
[[nodiscard]] std::string short_date(const Catalogue& text, kiosk::Date date);
// A countdown's figures: "4:05", "12:00", "1:02:03"; never negative (the
// caller says "over" in words and symbols).
[[nodiscard]] std::string clock_duration(std::chrono::seconds duration);

}  // namespace tavla::ui
