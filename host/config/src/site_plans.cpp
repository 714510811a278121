#include <algorithm>

#include "site_sections.hpp"

namespace tavla::host::config {
namespace {

using allocation::Key;
using allocation::Ore;

allocation::Rounding rounding(const TomlReader& r, const toml::table& t, const std::string& where) {
  const std::string rounding = r.opt_string(t, "rounding", where).value_or("krone");
  if (rounding == "krone") {
    return allocation::Rounding::krone;
  }
  if (rounding != "ore") {
    r.fail(t.get("rounding"), where + ".rounding", R"(must be "krone" or "ore")");
  }
  return allocation::Rounding::ore;
}

// An amount of a plan that rounds to whole kroner must have no øre.
void check_unit(const TomlReader& r, Ore amount, allocation::Rounding unit, const toml::table& t,
                std::string_view key, const std::string& where) {
  if (amount % static_cast<Ore>(unit) != 0) {
    r.fail(t.get(key), where + "." + std::string(key),
           "has øre, but the plan rounds to whole kroner (set rounding = \"ore\")");
  }
}

// The part's `key`: what it is split by.
Key read_key(const TomlReader& r, const toml::table& t, const std::string& where) {
  const std::string key_text = r.string(t, "key", where);
  const auto key = allocation::key_from_string(key_text);
  if (!key) {
    r.fail(t.get("key"), where + ".key",
           "'" + key_text +
               "' must be population, enrollments, attendance, purchases, equal or weights");
  }
  return *key;
}

// weights and planned: the numbers a weights key or a planned basis reads.
// Each municipality a weights or planned table names must be a member in
// the plan's year: the a-konto of anyone else would be billed to nobody.
void check_members(const TomlReader& r, const toml::table& t, std::string_view key,
                   const std::string& where, const Site& site, int year) {
  const toml::node* node = t.get(key);
  if (node == nullptr || !node->is_table()) {
    return;
  }
  for (const auto& [k, v] : *node->as_table()) {
    const std::string name = std::string(k.str());
    const Municipality* m = site.municipality(name);
    const std::string at = where + "." + std::string(key) + "." + name;
    if (m == nullptr) {
      r.fail(&v, at, "'" + name + "' is no [[municipality]]");
    }
    if (!m->is_member_in(year)) {
      r.fail(&v, at, "'" + name + "' is not a member in " + std::to_string(year));
    }
  }
}

void read_shares(const TomlReader& r, const toml::table& t, const std::string& where,
                 const Site& site, int year, allocation::Part& part) {
  part.weights = r.id_numbers(t, "weights", where, 1);
  if (part.key == Key::weights && part.weights.empty()) {
    r.fail(&t, where + ".weights", "missing: key = \"weights\" needs weights = { … }");
  }
  // Purchases are hours; the engine counts them in hundredths.
  part.planned = r.id_numbers(t, "planned", where, part.key == Key::purchases ? 100 : 1);
  check_members(r, t, "weights", where, site, year);
  check_members(r, t, "planned", where, site, year);
}

// rate and remainder_key: a purchases part priced per hour.
void read_rate(const TomlReader& r, const toml::table& t, const std::string& where,
               allocation::Part& part) {
  part.rate_per_hour = r.opt_nok(t, "rate", where);
  if (auto rk = r.opt_string(t, "remainder_key", where)) {
    const auto k = allocation::key_from_string(*rk);
    if (!k || *k == Key::purchases) {
      r.fail(t.get("remainder_key"), where + ".remainder_key",
             "'" + *rk + "' must be population, enrollments, attendance, equal or weights");
    }
    part.remainder_key = *k;
  }
  if (part.rate_per_hour && part.key != Key::purchases) {
    r.fail(t.get("rate"), where + ".rate", "only a key = \"purchases\" part has a rate");
  }
  if (part.rate_per_hour && !part.remainder_key) {
    r.fail(&t, where + ".remainder_key", "missing: a part with a rate needs a remainder_key");
  }
}

allocation::Part read_part(const TomlReader& r, const toml::table& t, const std::string& where,
                           const Site& site, int year, allocation::Rounding unit) {
  r.only_keys(t, where,
              {"name", "key", "amount", "actual", "weights", "planned", "rate", "remainder_key"});
  allocation::Part part;
  part.name = r.text(t, "name", where);
  part.key = read_key(r, t, where);
  const auto amount = r.opt_nok(t, "amount", where);
  if (!amount) {
    r.fail(&t, where + ".amount", "missing (required)");
  }
  part.amount = *amount;
  check_unit(r, part.amount, unit, t, "amount", where);
  part.actual = r.opt_nok(t, "actual", where);
  if (part.actual) {
    check_unit(r, *part.actual, unit, t, "actual", where);
  }
  read_shares(r, t, where, site, year, part);
  read_rate(r, t, where, part);
  return part;
}

bool uses_population(const allocation::Plan& plan) {
  return std::any_of(plan.parts.begin(), plan.parts.end(), [](const allocation::Part& p) {
    return p.key == Key::population || p.remainder_key == Key::population;
  });
}

// Every member of the plan's year has the count its population key uses and
// a number for the invoice basis: else it would be billed 0, or the others
// its share.
void check_registry(const TomlReader& r, const toml::table& root, const toml::table& plan_table,
                    const std::string& where, const PlanSource& plan, const Site& site) {
  const auto tables = r.tables(root, "municipality");
  for (std::size_t i = 0; i < site.municipalities.size(); ++i) {
    const Municipality& m = site.municipalities[i];
    const auto& [t, at] = tables[i];
    if (!m.is_member_in(plan.year)) {
      continue;
    }
    if (uses_population(plan.plan) && !Site::population_of(m, plan)) {
      const std::string label = plan.population_label.value_or("");
      r.fail(t->contains("population") ? t->get("population") : t, at + ".population",
             (label.empty() ? "has no single population count" : "has no count \"" + label + "\"") +
                 ", which the plan of " + std::to_string(plan.year) + " uses (" + where +
                 ".population, line " +
                 std::to_string(plan_table.contains("population")
                                    ? plan_table.get("population")->source().begin.line
                                    : plan_table.source().begin.line) +
                 ")");
    }
    if (!m.number_in(plan.year)) {
      r.fail(t->get("number"), at + ".number",
             "has no number in force in " + std::to_string(plan.year) +
                 ", the year of a plan; add the number that applied then");
    }
  }
}

// One part keyed on purchases per plan: hours bought are priced once.
void check_one_purchases_part(const TomlReader& r, const toml::table& plan_table,
                              const std::string& where) {
  bool seen = false;
  for (const auto& [pt, part_where] : r.tables(plan_table, "part")) {
    if (pt->get("key") != nullptr && pt->get("key")->value<std::string>() == "purchases") {
      if (seen) {
        r.fail(pt->get("key"), where + "." + part_where + ".key",
               "a second part keyed on purchases: the hours bought can be billed by one part only");
      }
      seen = true;
    }
  }
}

}  // namespace

void read_plans(const TomlReader& r, const toml::table& root, Site& site) {
  for (const auto& [t, where] : r.tables(root, "plan")) {
    r.only_keys(*t, where, {"year", "population", "rounding", "part"});
    PlanSource p;
    p.year = static_cast<int>(r.int_required(*t, "year", where, 2000, 2999));
    if (site.plan(p.year) != nullptr) {
      r.fail(t->get("year"), where + ".year", "a plan for " + std::to_string(p.year) + " exists");
    }
    p.plan.year = p.year;
    p.plan.rounding = rounding(r, *t, where);
    p.population_label = r.opt_string(*t, "population", where);
    for (const auto& [pt, part_where] : r.tables(*t, "part")) {
      p.plan.parts.push_back(
          read_part(r, *pt, where + "." += part_where, site, p.year, p.plan.rounding));
    }
    check_one_purchases_part(r, *t, where);
    check_registry(r, root, *t, where, p, site);
    site.plans.push_back(std::move(p));
  }
}

}  // namespace tavla::host::config
