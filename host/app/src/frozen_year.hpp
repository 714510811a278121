// What a year's figures depend on: the plan (parts, amounts, actuals, the
// population label), each member's basis (the population count used,
// enrollments, attendance units, hours bought), the outside buyers' charges
// and each municipality's number. close-year stores it in the database, and
// allocate, settle and --explain of a closed year compute from it, whatever
// the site file says now: the engine is pure, so the same input gives the
// same figures to the øre.
#pragma once

#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "tavla/allocation/allocation.hpp"
#include "tavla/host/config/site.hpp"
#include "tavla/host/storage/repositories.hpp"
#include "tavla/host/usage/bases.hpp"

namespace tavla::host::app {

struct YearFigures {
  config::PlanSource plan;
  std::vector<allocation::MemberBasis> members;  // in the site's order
  std::vector<usage::ExternalCharge> external;
  std::map<std::string, std::string> numbers;  // municipality -> number in force
  bool frozen = false;                         // read back from a closed year
};

// The figures as the site file and the store give them now (the frozen usage
// of a closed year, else the live one); warnings go to `warnings`. Throws
// when the site file has no plan for `year`.
[[nodiscard]] YearFigures current_figures(const config::Site& site, storage::Repositories& repos,
                                          int year, std::ostream& warnings);

// The figures a report of `year` uses: those frozen at close-year when the
// year is closed (with a warning when the site file's plan or populations
// now differ from them), else current_figures.
[[nodiscard]] YearFigures figures_for(const config::Site& site, storage::Repositories& repos,
                                      int year, std::ostream& warnings);

[[nodiscard]] std::string to_json(const YearFigures& figures);
// Throws std::runtime_error when `text` is not what to_json wrote.
[[nodiscard]] YearFigures figures_from_json(const std::string& text);

}  // namespace tavla::host::app
