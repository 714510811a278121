// allocate, settle and --explain: the allocation engine's results over the
// store's usage, as tables.
#pragma once

#include <optional>
#include <ostream>
#include <string>

#include "tavla/host/config/site.hpp"
#include "tavla/host/report/table.hpp"
#include "tavla/host/storage/repositories.hpp"

namespace tavla::host::app {

// One row per (municipality, part): municipality,part,basis,units,share,amount;
// then the outside buyers (part "external"). Throws on an engine error.
[[nodiscard]] report::Table allocate_table(const config::Site& site, storage::Repositories& repos,
                                           int year, std::ostream& warnings);
// Each part's numbers behind `municipality`'s amount, down to the sessions,
// units and corrections; the part rows add up to its allocate rows.
[[nodiscard]] report::Table explain_table(const config::Site& site, storage::Repositories& repos,
                                          int year, const std::string& municipality,
                                          std::ostream& warnings);
// provisional, final, balance per member; adjustments of a closed previous year.
[[nodiscard]] report::Table settle_table(const config::Site& site, storage::Repositories& repos,
                                         int year, std::ostream& warnings);

}  // namespace tavla::host::app
