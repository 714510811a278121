#include "tavla/ui/due_date.hpp"

#include <algorithm>

namespace tavla::ui {

kiosk::Date add_days(kiosk::Date date, int days) {
  return kiosk::Date{std::chrono::sys_days{date} + std::chrono::days{days}};
}

kiosk::Date add_month(kiosk::Date date) {
  const auto next = date + std::chrono::months{1};
  if (next.ok()) {
    return next;
  }
  const std::chrono::year_month_day_last last{next.year(),
                                              std::chrono::month_day_last{next.month()}};
  return kiosk::Date{last};
}

kiosk::Date step_due(kiosk::Date date, int days, kiosk::Date today) {
  const auto moved = add_days(date, days);
  return std::chrono::sys_days{moved} < std::chrono::sys_days{today} ? today : moved;
}

}  // namespace tavla::ui
