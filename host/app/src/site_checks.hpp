// What `tavla-host check` runs beyond loading the site file: every
// validation that allocate, settle and serve would run, for every year that
// has a plan, so that what check accepts those commands accept too.
#pragma once

#include <string>
#include <vector>

#include "tavla/host/config/site.hpp"
#include "tavla/protocol/timestamp.hpp"

namespace tavla::host::app {

struct Finding {
  bool error = false;  // false: a warning (it depends on data not there yet)
  std::string text;
};

// The findings for `site` on `today` (Europe/Oslo). A plan's split that
// fails for want of data recorded later (enrollments of a year not begun;
// attendance and hours, which are in the database) is a warning; one that
// fails for a year that has begun, or whatever the data, is an error.
[[nodiscard]] std::vector<Finding> check_site(const config::Site& site, protocol::Date today);

}  // namespace tavla::host::app
