// The reporting commands' tables, built from the store and the site file.
// No broker is contacted; a missing database is created and migrated.
#pragma once

#include <optional>
#include <ostream>
#include <string>

#include "tavla/host/config/site.hpp"
#include "tavla/host/report/table.hpp"
#include "tavla/host/storage/repositories.hpp"

namespace tavla::host::app {

[[nodiscard]] report::Table usage_table(const config::Site& site, storage::Repositories& repos,
                                        int year, bool monthly);
[[nodiscard]] report::Table devices_table(const config::Site& site, storage::Repositories& repos,
                                          protocol::Timestamp now);
[[nodiscard]] report::Table quarantine_table(storage::Repositories& repos, std::size_t limit);
[[nodiscard]] report::Table purchases_table(storage::Repositories& repos, int year);
[[nodiscard]] report::Table corrections_table(storage::Repositories& repos,
                                              std::optional<int> year);

// Sequence gaps and events still waiting for their session, as warnings.
void warn_about_gaps(storage::Repositories& repos, std::ostream& err);

}  // namespace tavla::host::app

namespace tavla::host::app {

// Freezes `year`: its usage and purchases as they are now. Refuses a year
// already closed. Returns the exit code.
int close_year(const config::Site& site, storage::Repositories& repos, int year,
               const std::string& by);

}  // namespace tavla::host::app
