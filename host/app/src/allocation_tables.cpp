#include "allocation_tables.hpp"

#include <stdexcept>

#include "tavla/allocation/allocation.hpp"
#include "tavla/host/usage/bases.hpp"
#include "tavla/host/usage/usage.hpp"

namespace tavla::host::app {
namespace {

using report::Fraction;
using report::Money;

const config::PlanSource& plan_of(const config::Site& site, int year) {
  const auto* plan = site.plan(year);
  if (plan == nullptr) {
    throw std::runtime_error("the site file has no [[plan]] with year = " + std::to_string(year));
  }
  return *plan;
}

template <class T>
T value_or_throw(allocation::Outcome<T> outcome) {
  if (auto* error = std::get_if<allocation::AllocationError>(&outcome)) {
    throw std::runtime_error((error->part.empty() ? "" : "part '" + error->part + "': ") +
                             error->message);
  }
  return std::get<T>(std::move(outcome));
}

usage::Bases gather(const config::Site& site, storage::Repositories& repos, int year,
                    std::ostream& warnings) {
  const auto y = usage::year_usage(site, repos, year);
  auto bases = usage::bases_for(site, plan_of(site, year), y);
  for (const auto& w : bases.warnings) {
    warnings << "warning: " << w << "\n";
  }
  return bases;
}

// Purchased hours are kept in hundredths: shown as hours with two decimals
// (as `purchases list` does: 9600 is "96.00"), every other key as a count.
report::Cell units_cell(allocation::Key key, allocation::Quantity units) {
  if (key == allocation::Key::purchases) {
    return Money{units};
  }
  return units;
}

// What an `enrollments` line of `municipality` counts: foster homes
// enrolled in series groups, and attendance units of single-session groups.
void add_enrollment_rows(const config::Site& site, storage::Repositories& repos, int year,
                         const std::string& municipality, const std::string& part,
                         report::Table& t) {
  const auto series = usage::enrollments(site, year);
  if (const auto it = series.find(municipality); it != series.end()) {
    t.rows.push_back({part, std::string("series groups: foster homes enrolled"), it->second,
                      std::string(), std::string()});
  }
  for (const auto& g : repos.usage().group_units(year)) {
    const config::SiteGroup* group = site.group(g.group);
    if (g.municipality == municipality && group != nullptr && !group->series) {
      t.rows.push_back({part, "single sessions of " + g.group + ": attendance units", g.units,
                        std::string(), std::string()});
    }
  }
}

}  // namespace

report::Table allocate_table(const config::Site& site, storage::Repositories& repos, int year,
                             std::ostream& warnings) {
  const auto bases = gather(site, repos, year, warnings);
  const auto result = value_or_throw(allocation::allocate(plan_of(site, year).plan, bases.members));
  report::Table t;
  t.columns = {"municipality", "part", "basis", "units", "share", "amount"};
  for (const auto& part : result.parts) {
    for (const auto& line : part.lines) {
      t.rows.push_back({line.municipality, part.name,
                        std::string(allocation::to_string(line.basis)),
                        units_cell(line.basis, line.units), Fraction{line.units, line.total_units},
                        Money{line.amount}});
    }
  }
  for (const auto& e : bases.external) {
    t.rows.push_back({e.municipality, std::string("external"), std::string("external_rate"),
                      e.units, Fraction{0, 1}, Money{e.amount}});
  }
  return t;
}

report::Table explain_table(const config::Site& site, storage::Repositories& repos, int year,
                            const std::string& municipality, std::ostream& warnings) {
  const auto bases = gather(site, repos, year, warnings);
  const auto result = value_or_throw(allocation::allocate(plan_of(site, year).plan, bases.members));
  report::Table t;
  t.columns = {"part", "item", "units", "total_units", "amount"};
  allocation::Ore total = 0;
  for (const auto& part : result.parts) {
    for (const auto& line : part.lines) {
      if (line.municipality != municipality) {
        continue;
      }
      total += line.amount;
      t.rows.push_back(
          {part.name,
           "basis " + std::string(allocation::to_string(line.basis)) +
               (line.rate_amount != 0
                    ? " (rate " + report::plain_money(line.rate_amount) + " + remainder " +
                          report::plain_money(line.remainder_amount) + ")"
                    : ""),
           units_cell(line.basis, line.units), units_cell(line.basis, line.total_units),
           Money{line.amount}});
      if (const auto price = allocation::price_per_unit(part)) {
        // Falls as the volume grows; for reading only, the amount above is
        // what is invoiced.
        t.rows.push_back({part.name, "price per unit " + report::plain_money(*price), std::string(),
                          std::string(), std::string()});
      }
      if (line.basis == allocation::Key::enrollments) {
        add_enrollment_rows(site, repos, year, municipality, part.name, t);
      }
      if (line.basis == allocation::Key::attendance) {
        for (const auto& s : repos.usage().session_units(year, municipality)) {
          if (s.kind == "group_guidance") {
            t.rows.push_back({part.name,
                              "session " + s.session + " " + s.opened_at.substr(0, 10) + " " +
                                  s.group +
                                  (s.source == "correction" ? " (held away from a kiosk)" : ""),
                              s.count, std::string(), std::string()});
          }
        }
        for (const auto& c : repos.corrections().list(year, municipality)) {
          t.rows.push_back({part.name,
                            "correction #" + std::to_string(c.id) + " " + c.change + " " +
                                c.participant + " in " + c.session + " by " + c.made_by + " " +
                                c.made_at + ": " + c.reason,
                            std::string(), std::string(), std::string()});
        }
      }
    }
  }
  for (const auto& e : bases.external) {
    if (e.municipality == municipality) {
      total += e.amount;
      t.rows.push_back({std::string("external"),
                        "external_rate " + report::plain_money(e.rate) + " per unit", e.units,
                        std::string(), Money{e.amount}});
    }
  }
  t.rows.push_back(
      {std::string("total"), std::string(), std::string(), std::string(), Money{total}});
  return t;
}

report::Table settle_table(const config::Site& site, storage::Repositories& repos, int year,
                           std::ostream& warnings) {
  const auto bases = gather(site, repos, year, warnings);
  const auto s = value_or_throw(allocation::settle(plan_of(site, year).plan, bases.members));
  // Late data for a closed previous year: the difference between its
  // allocation by live figures and by the frozen ones it was invoiced on.
  std::map<std::string, allocation::Ore> adjustment;
  if (repos.usage().is_year_closed(year - 1) && site.plan(year - 1) != nullptr) {
    const auto& prev = *site.plan(year - 1);
    auto frozen = usage::year_usage(site, repos, year - 1);
    auto live = frozen;
    live.rows = live.live;
    const auto a = allocation::settle(prev.plan, usage::bases_for(site, prev, frozen).members);
    const auto b = allocation::settle(prev.plan, usage::bases_for(site, prev, live).members);
    if (std::holds_alternative<allocation::Settlement>(a) &&
        std::holds_alternative<allocation::Settlement>(b)) {
      for (const auto& line : std::get<allocation::Settlement>(b).lines) {
        adjustment[line.municipality] += line.final;
      }
      for (const auto& line : std::get<allocation::Settlement>(a).lines) {
        adjustment[line.municipality] -= line.final;
      }
    }
  }
  report::Table t;
  t.columns = {"municipality", "provisional", "final", "balance", "adjustment_previous_year",
               "to_pay"};
  for (const auto& line : s.lines) {
    const auto adj = adjustment[line.municipality];
    t.rows.push_back({line.municipality, Money{line.provisional}, Money{line.final},
                      Money{line.balance}, Money{adj}, Money{line.balance + adj}});
  }
  return t;
}

}  // namespace tavla::host::app
