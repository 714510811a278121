#include "allocation_tables.hpp"

#include <map>
#include <sstream>
#include <stdexcept>

#include "frozen_year.hpp"
#include "tavla/allocation/allocation.hpp"
#include "tavla/host/usage/bases.hpp"
#include "tavla/host/usage/usage.hpp"

namespace tavla::host::app {
namespace {

using report::Fraction;
using report::Money;

// amount × units overflows 64 bits for large plans; __extension__ tells
// -pedantic this GCC type is deliberate.
__extension__ using Wide = __int128;

template <class T>
T value_or_throw(allocation::Outcome<T> outcome) {
  if (auto* error = std::get_if<allocation::AllocationError>(&outcome)) {
    throw std::runtime_error((error->part.empty() ? "" : "part '" + error->part + "': ") +
                             error->message);
  }
  return std::get<T>(std::move(outcome));
}

// The name the site file gives `id` now (ids stay in their own column).
std::string name_of(const config::Site& site, const std::string& id) {
  const auto* m = site.municipality(id);
  return m != nullptr ? m->name : std::string();
}

// The number in force in the year (as frozen for a closed one); empty for an
// outside buyer without one.
std::string number_of(const std::map<std::string, std::string>& numbers, const std::string& id) {
  const auto it = numbers.find(id);
  return it != numbers.end() ? it->second : std::string();
}

// Purchased hours are kept in hundredths: shown as hours with two decimals
// (as `purchases list` does: 9600 is "96.00"), every other key as a count.
report::Cell units_cell(allocation::Key key, allocation::Quantity units) {
  if (key == allocation::Key::purchases) {
    return Money{units};
  }
  return units;
}

// "exact 192333.40000, rounded 192333.00": the share before the plan's
// rounding, in NOK with five decimals, and the amount invoiced.
std::string rounding_text(allocation::Ore split, allocation::Quantity units,
                          allocation::Quantity total, allocation::Ore rounded) {
  if (total == 0) {
    return "";
  }
  const Wide thousandths_of_ore = (Wide{split} * units * 1000 * 2 + total) / (Wide{total} * 2);
  const auto whole = static_cast<std::int64_t>(thousandths_of_ore / 1000);
  const auto rest = static_cast<int>(thousandths_of_ore % 1000);
  const std::string digits = std::to_string(1000 + (rest < 0 ? -rest : rest)).substr(1);
  return " (exact " + report::plain_money(whole) + digits + ", rounded " +
         report::plain_money(rounded) + ")";
}

// The price of one unit as people count them.
std::string price_text(allocation::Key key, allocation::Ore price) {
  switch (key) {
    case allocation::Key::purchases:  // the engine's unit is a hundredth of an hour
      return "price " + report::plain_money(price * 100) + " per hour";
    case allocation::Key::enrollments:
      return "price " + report::plain_money(price) + " per enrolled foster home (assignment)";
    case allocation::Key::attendance:
      return "price " + report::plain_money(price) + " per attendance unit";
    default:
      return "price " + report::plain_money(price) + " per unit";
  }
}

// One municipality's line of a part as rows whose amounts add up to it: the
// hours at the rate and the share of the remainder for a rate part, else
// the share by the key; each with its exact value and rounding.
void explain_line(const allocation::PartResult& part, const allocation::Line& line,
                  report::Table& t) {
  if (part.rate_per_hour) {
    const auto rk = part.remainder_key.value_or(allocation::Key::population);
    t.rows.push_back({part.name,
                      "hours bought at " + report::plain_money(*part.rate_per_hour) + " per hour",
                      units_cell(line.basis, line.units), units_cell(line.basis, line.total_units),
                      Money{line.rate_amount}});
    t.rows.push_back({part.name,
                      "share of the remainder " + report::plain_money(part.remainder) + " by " +
                          std::string(allocation::to_string(rk)) +
                          rounding_text(part.remainder, line.remainder_units,
                                        line.remainder_total_units, line.remainder_amount),
                      units_cell(rk, line.remainder_units),
                      units_cell(rk, line.remainder_total_units), Money{line.remainder_amount}});
    return;
  }
  t.rows.push_back({part.name,
                    "basis " + std::string(allocation::to_string(line.basis)) +
                        rounding_text(part.amount, line.units, line.total_units, line.amount),
                    units_cell(line.basis, line.units), units_cell(line.basis, line.total_units),
                    Money{line.amount}});
  if (const auto price = allocation::price_per_unit(part)) {
    // Falls as the volume grows; for reading only, the amount above is
    // what is invoiced.
    t.rows.push_back(
        {part.name, price_text(part.key, *price), std::string(), std::string(), std::string()});
  }
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
  const auto bases = figures_for(site, repos, year, warnings);
  const auto result = value_or_throw(allocation::allocate(bases.plan.plan, bases.members));
  report::Table t;
  t.columns = {
      "municipality", "municipality_name", "municipality_number", "part", "basis", "units", "share",
      "amount"};
  for (const auto& part : result.parts) {
    for (const auto& line : part.lines) {
      t.rows.push_back({line.municipality, name_of(site, line.municipality),
                        number_of(bases.numbers, line.municipality), part.name,
                        std::string(allocation::to_string(line.basis)),
                        units_cell(line.basis, line.units), Fraction{line.units, line.total_units},
                        Money{line.amount}});
    }
  }
  for (const auto& e : bases.external) {
    t.rows.push_back({e.municipality, name_of(site, e.municipality),
                      number_of(bases.numbers, e.municipality), std::string("external"),
                      std::string("external_rate"), e.units, Fraction{0, 1}, Money{e.amount}});
  }
  return t;
}

report::Table explain_table(const config::Site& site, storage::Repositories& repos, int year,
                            const std::string& municipality, std::ostream& warnings) {
  const auto bases = figures_for(site, repos, year, warnings);
  const auto result = value_or_throw(allocation::allocate(bases.plan.plan, bases.members));
  report::Table t;
  t.columns = {"part", "item", "units", "total_units", "amount"};
  allocation::Ore total = 0;
  for (const auto& part : result.parts) {
    for (const auto& line : part.lines) {
      if (line.municipality != municipality) {
        continue;
      }
      total += line.amount;
      explain_line(part, line, t);
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

allocation::Allocation akonto(const config::Site& site, storage::Repositories& repos, int year,
                              std::ostream& warnings) {
  std::optional<YearFigures> figures;
  if (repos.usage().is_year_closed(year)) {
    figures = figures_for(site, repos, year, warnings);
  } else {
    const auto* plan = site.plan(year);
    if (plan == nullptr) {
      throw std::runtime_error("the site file has no [[plan]] with year = " + std::to_string(year));
    }
    figures = YearFigures{
        *plan, usage::bases_for(site, *plan, usage::YearUsage{}).members, {}, {}, false};
  }
  for (auto& m : figures->members) {  // the plan alone: no measured usage
    m.enrollments = 0;
    m.attendance_units = 0;
    m.purchased_hundredths = 0;
  }
  return value_or_throw(allocation::provisional(figures->plan.plan, figures->members));
}

report::Table provisional_table(const config::Site& site,
                                const std::map<std::string, std::string>& numbers,
                                const allocation::Allocation& akonto) {
  report::Table t;
  t.columns = {
      "municipality", "municipality_name", "municipality_number", "part", "basis", "planned_units",
      "amount"};
  for (const auto& part : akonto.parts) {
    for (const auto& line : part.lines) {
      t.rows.push_back({line.municipality, name_of(site, line.municipality),
                        number_of(numbers, line.municipality), part.name,
                        std::string(allocation::to_string(line.basis)),
                        units_cell(line.basis, line.units), Money{line.amount}});
    }
  }
  return t;
}

namespace {

// Per member: what the a-konto was, as recorded when issued, else as the
// plan alone gives it now.
std::map<std::string, allocation::Ore> invoiced_akonto(const config::Site& site,
                                                       storage::Repositories& repos, int year,
                                                       std::ostream& warnings) {
  std::map<std::string, allocation::Ore> result;
  const auto issued = repos.invoices().provisional(year);
  for (const auto& row : issued) {
    result[row.municipality] = row.amount;
  }
  if (issued.empty()) {
    warnings << "note: no a-konto of " << year
             << " is recorded as issued (provisional --issue); the provisional column is the "
                "plan's a-konto as it is now\n";
    std::ostringstream said_by_settle;  // figures_for has warned already
    result = akonto(site, repos, year, said_by_settle).total_by_municipality;
  }
  return result;
}

// Late data for a closed previous year: the difference between its final
// allocation by live usage and by the frozen usage it was invoiced on, both
// on its frozen plan and populations.
std::map<std::string, allocation::Ore> previous_year_adjustment(const config::Site& site,
                                                                storage::Repositories& repos,
                                                                int year) {
  std::map<std::string, allocation::Ore> adjustment;
  if (!repos.usage().is_year_closed(year - 1) ||
      (site.plan(year - 1) == nullptr && !repos.usage().frozen_figures(year - 1))) {
    return adjustment;  // nothing closed, or closed without a plan to allocate by
  }
  std::ostringstream ignored;
  const auto frozen = figures_for(site, repos, year - 1, ignored);
  auto live = frozen;
  const auto usage = usage::year_usage(site, repos, year - 1);
  for (auto& m : live.members) {
    for (const auto& row : usage.live) {
      if (row.municipality == m.municipality) {
        m.enrollments = row.enrollments;
        m.attendance_units = row.attendance_units;
      }
    }
  }
  const auto a = allocation::allocate(frozen.plan.plan, frozen.members,
                                      allocation::Amounts::actual_else_budget);
  const auto b =
      allocation::allocate(live.plan.plan, live.members, allocation::Amounts::actual_else_budget);
  if (std::holds_alternative<allocation::Allocation>(a) &&
      std::holds_alternative<allocation::Allocation>(b)) {
    for (const auto& [m, amount] : std::get<allocation::Allocation>(b).total_by_municipality) {
      adjustment[m] += amount;
    }
    for (const auto& [m, amount] : std::get<allocation::Allocation>(a).total_by_municipality) {
      adjustment[m] -= amount;
    }
  }
  return adjustment;
}

}  // namespace

std::map<std::string, std::string> numbers_of(const config::Site& site,
                                              storage::Repositories& repos, int year) {
  if (const auto stored = repos.usage().frozen_figures(year)) {
    return figures_from_json(*stored).numbers;
  }
  std::map<std::string, std::string> numbers;
  for (const auto& m : site.municipalities) {
    if (const auto number = m.number_in(year)) {
      numbers[m.id] = *number;
    }
  }
  return numbers;
}

report::Table settle_table(const config::Site& site, storage::Repositories& repos, int year,
                           std::ostream& warnings) {
  const auto figures = figures_for(site, repos, year, warnings);
  const auto provisional = invoiced_akonto(site, repos, year, warnings);
  const auto final = allocation::allocate(figures.plan.plan, figures.members,
                                          allocation::Amounts::actual_else_budget);
  const auto* error = std::get_if<allocation::AllocationError>(&final);
  if (error != nullptr) {
    warnings << "warning: the final figures of " << year << " cannot be computed yet ("
             << (error->part.empty() ? "" : "part '" + error->part + "': ") << error->message
             << "); the provisional column needs only the plan\n";
  }
  auto adjustment = previous_year_adjustment(site, repos, year);
  report::Table t;
  t.columns = {"municipality", "municipality_name", "municipality_number",      "provisional",
               "final",        "balance",           "adjustment_previous_year", "to_pay"};
  for (const auto& member : figures.members) {
    const auto& m = member.municipality;
    const auto p = provisional.find(m);
    const allocation::Ore akonto = p == provisional.end() ? 0 : p->second;
    const auto adj = adjustment[m];
    const report::Cell name = name_of(site, m);
    const report::Cell number = number_of(figures.numbers, m);
    if (error != nullptr) {
      t.rows.push_back({m, name, number, Money{akonto}, std::string(), std::string(), Money{adj},
                        std::string()});
      continue;
    }
    const auto& totals = std::get<allocation::Allocation>(final).total_by_municipality;
    const auto f = totals.find(m);
    const allocation::Ore amount = f == totals.end() ? 0 : f->second;
    t.rows.push_back({m, name, number, Money{akonto}, Money{amount}, Money{amount - akonto},
                      Money{adj}, Money{amount - akonto + adj}});
  }
  return t;
}

report::Table settle_explain_table(const config::Site& site, storage::Repositories& repos, int year,
                                   const std::string& municipality, std::ostream& warnings) {
  const auto figures = figures_for(site, repos, year, warnings);
  const auto final = value_or_throw(allocation::allocate(figures.plan.plan, figures.members,
                                                         allocation::Amounts::actual_else_budget));
  report::Table t;
  t.columns = {"item", "amount"};
  allocation::Ore to_pay = 0;
  const auto add = [&](const std::string& item, allocation::Ore amount) {
    t.rows.push_back({item, Money{amount}});
    to_pay += amount;
  };
  for (const auto& part : final.parts) {
    for (const auto& line : part.lines) {
      if (line.municipality == municipality) {
        add("final: " + part.name + " (" + report::plain_money(part.amount) + " by " +
                std::string(allocation::to_string(part.key)) + ", see allocate --explain)",
            line.amount);
      }
    }
  }
  const auto issued = repos.invoices().provisional(year);
  std::ostringstream quiet;
  const auto akonto = invoiced_akonto(site, repos, year, quiet);
  const auto a = akonto.find(municipality);
  add(issued.empty() ? "less the a-konto by the plan as it is now (none recorded as issued)"
                     : "less the a-konto issued at " + issued.front().issued_at + " by " +
                           issued.front().issued_by,
      -(a == akonto.end() ? 0 : a->second));
  const auto adjustment = previous_year_adjustment(site, repos, year);
  const auto adj = adjustment.find(municipality);
  add("adjustment of " + std::to_string(year - 1) +
          ": its final figures by late data less those it was closed with",
      adj == adjustment.end() ? 0 : adj->second);
  t.rows.push_back({std::string("to pay (negative: a refund)"), Money{to_pay}});
  return t;
}

}  // namespace tavla::host::app
