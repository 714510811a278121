// allocate, settle and --explain: the allocation engine's results over the
// store's usage, as tables.
#pragma once

#include <map>
#include <optional>
#include <ostream>
#include <string>

#include "tavla/allocation/allocation.hpp"
#include "tavla/host/config/site.hpp"
#include "tavla/host/report/table.hpp"
#include "tavla/host/storage/repositories.hpp"

namespace tavla::host::app {

// One row per (municipality, part): municipality, its name and number, part,
// basis, units, share, amount;
// then the outside buyers (part "external"). Throws on an engine error.
[[nodiscard]] report::Table allocate_table(const config::Site& site, storage::Repositories& repos,
                                           int year, std::ostream& warnings);
// Each part's numbers behind `municipality`'s amount, down to the sessions,
// units and corrections; the part rows add up to its allocate rows.
[[nodiscard]] report::Table explain_table(const config::Site& site, storage::Repositories& repos,
                                          int year, const std::string& municipality,
                                          std::ostream& warnings);
// The a-konto of `year` from the plan alone (budgets, planned units and the
// populations; no measured usage): the frozen plan of a closed year.
[[nodiscard]] allocation::Allocation akonto(const config::Site& site, storage::Repositories& repos,
                                            int year, std::ostream& warnings);
// One row per (municipality, part) of `akonto`, with each member's name and
// its number in `numbers`.
[[nodiscard]] report::Table provisional_table(const config::Site& site,
                                              const std::map<std::string, std::string>& numbers,
                                              const allocation::Allocation& akonto);
// Each municipality's number in force in `year`: as frozen for a closed year.
[[nodiscard]] std::map<std::string, std::string> numbers_of(const config::Site& site,
                                                            storage::Repositories& repos, int year);
// How `municipality`'s to_pay in settle came about: its final amount per
// part, less the a-konto (as issued), plus the previous year's adjustment;
// the rows add up to the last.
[[nodiscard]] report::Table settle_explain_table(const config::Site& site,
                                                 storage::Repositories& repos, int year,
                                                 const std::string& municipality,
                                                 std::ostream& warnings);
// provisional (as issued, else the plan's a-konto), final, balance per
// member; adjustments of a closed previous year. Before the final figures
// can be computed (no groups yet), final and balance are empty.
[[nodiscard]] report::Table settle_table(const config::Site& site, storage::Repositories& repos,
                                         int year, std::ostream& warnings);

}  // namespace tavla::host::app
