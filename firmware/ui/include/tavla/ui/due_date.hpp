// The due-date picker's arithmetic: presets from today and a day back or
// forward, on calendar dates (never before today).
#pragma once

#include "tavla/kiosk/time.hpp"

namespace tavla::ui {

[[nodiscard]] kiosk::Date add_days(kiosk::Date date, int days);
// The same day next month, or that month's last day ("31 January" + 1 month
// is "28/29 February").
[[nodiscard]] kiosk::Date add_month(kiosk::Date date);
// `date` moved by `days`, but not before `today`.
[[nodiscard]] kiosk::Date step_due(kiosk::Date date, int days, kiosk::Date today);

}  // namespace tavla::ui
