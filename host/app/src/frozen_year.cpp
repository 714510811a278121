#include "frozen_year.hpp"

#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>

#include "tavla/host/usage/usage.hpp"

namespace tavla::host::app {
namespace {

using nlohmann::json;

json part_json(const allocation::Part& p) {
  json j{{"name", p.name},       {"key", allocation::to_string(p.key)},
         {"amount", p.amount},   {"weights", p.weights},
         {"planned", p.planned}, {"actual", nullptr},
         {"rate", nullptr},      {"remainder_key", nullptr}};
  if (p.actual) {
    j["actual"] = *p.actual;
  }
  if (p.rate_per_hour) {
    j["rate"] = *p.rate_per_hour;
  }
  if (p.remainder_key) {
    j["remainder_key"] = allocation::to_string(*p.remainder_key);
  }
  return j;
}

allocation::Key key_of(const json& j) {
  const auto key = allocation::key_from_string(j.get<std::string>());
  if (!key) {
    throw std::runtime_error("frozen figures: unknown key " + j.dump());
  }
  return *key;
}

allocation::Part part_from(const json& j) {
  allocation::Part p;
  p.name = j.at("name").get<std::string>();
  p.key = key_of(j.at("key"));
  p.amount = j.at("amount").get<allocation::Ore>();
  p.weights = j.at("weights").get<std::map<std::string, allocation::Quantity>>();
  p.planned = j.at("planned").get<std::map<std::string, allocation::Quantity>>();
  if (!j.at("actual").is_null()) {
    p.actual = j.at("actual").get<allocation::Ore>();
  }
  if (!j.at("rate").is_null()) {
    p.rate_per_hour = j.at("rate").get<allocation::Ore>();
  }
  if (!j.at("remainder_key").is_null()) {
    p.remainder_key = key_of(j.at("remainder_key"));
  }
  return p;
}

json plan_json(const config::PlanSource& plan) {
  json parts = json::array();
  for (const auto& p : plan.plan.parts) {
    parts.push_back(part_json(p));
  }
  return {{"year", plan.year},
          {"population", plan.population_label ? json(*plan.population_label) : json(nullptr)},
          {"rounding", static_cast<allocation::Ore>(plan.plan.rounding)},
          {"parts", parts}};
}

// The member set and the population counts: what a change of the site file
// can move in a closed year.
json populations_json(const YearFigures& f) {
  json j = json::object();
  for (const auto& m : f.members) {
    j[m.municipality] = m.population;
  }
  return j;
}

}  // namespace

YearFigures current_figures(const config::Site& site, storage::Repositories& repos, int year,
                            std::ostream& warnings) {
  const auto* plan = site.plan(year);
  if (plan == nullptr) {
    throw std::runtime_error("the site file has no [[plan]] with year = " + std::to_string(year));
  }
  auto bases = usage::bases_for(site, *plan, usage::year_usage(site, repos, year));
  for (const auto& w : bases.warnings) {
    warnings << "warning: " << w << "\n";
  }
  YearFigures f{*plan, std::move(bases.members), std::move(bases.external), {}, false};
  for (const auto& m : site.municipalities) {
    if (const auto number = m.number_in(year)) {
      f.numbers[m.id] = *number;
    }
  }
  return f;
}

YearFigures figures_for(const config::Site& site, storage::Repositories& repos, int year,
                        std::ostream& warnings) {
  const auto stored = repos.usage().frozen_figures(year);
  if (!stored) {
    return current_figures(site, repos, year, warnings);
  }
  auto frozen = figures_from_json(*stored);
  const auto* plan = site.plan(year);
  const bool same_plan = plan != nullptr && plan_json(*plan) == plan_json(frozen.plan);
  std::ostringstream ignored;
  const bool same_populations =
      plan != nullptr &&
      populations_json(current_figures(site, repos, year, ignored)) == populations_json(frozen);
  if (!same_plan || !same_populations) {
    warnings << "warning: " << year
             << " is closed: these are the figures frozen at close-year; the site file's "
             << (same_plan ? "populations or members" : "plan") << " for " << year
             << " now differ and are not used\n";
  }
  return frozen;
}

std::string to_json(const YearFigures& f) {
  json members = json::array();
  for (const auto& m : f.members) {
    members.push_back({{"municipality", m.municipality},
                       {"population", m.population},
                       {"enrollments", m.enrollments},
                       {"attendance_units", m.attendance_units},
                       {"purchased_hundredths", m.purchased_hundredths}});
  }
  json external = json::array();
  for (const auto& e : f.external) {
    external.push_back({{"municipality", e.municipality},
                        {"units", e.units},
                        {"rate", e.rate},
                        {"amount", e.amount}});
  }
  return json{{"plan", plan_json(f.plan)},
              {"members", members},
              {"external", external},
              {"numbers", f.numbers}}
      .dump();
}

YearFigures figures_from_json(const std::string& text) {
  try {
    const json j = json::parse(text);
    YearFigures f;
    f.frozen = true;
    const json& plan = j.at("plan");
    f.plan.year = plan.at("year").get<int>();
    f.plan.plan.year = f.plan.year;
    if (!plan.at("population").is_null()) {
      f.plan.population_label = plan.at("population").get<std::string>();
    }
    f.plan.plan.rounding =
        static_cast<allocation::Rounding>(plan.at("rounding").get<allocation::Ore>());
    for (const auto& p : plan.at("parts")) {
      f.plan.plan.parts.push_back(part_from(p));
    }
    for (const auto& m : j.at("members")) {
      f.members.push_back({m.at("municipality").get<std::string>(),
                           m.at("population").get<allocation::Quantity>(),
                           m.at("enrollments").get<allocation::Quantity>(),
                           m.at("attendance_units").get<allocation::Quantity>(),
                           m.at("purchased_hundredths").get<allocation::Quantity>()});
    }
    for (const auto& e : j.at("external")) {
      f.external.push_back({e.at("municipality").get<std::string>(),
                            e.at("units").get<std::int64_t>(), e.at("rate").get<allocation::Ore>(),
                            e.at("amount").get<allocation::Ore>()});
    }
    f.numbers = j.at("numbers").get<std::map<std::string, std::string>>();
    return f;
  } catch (const json::exception& e) {
    throw std::runtime_error(std::string("the frozen figures in the database cannot be read: ") +
                             e.what());
  }
}

}  // namespace tavla::host::app
