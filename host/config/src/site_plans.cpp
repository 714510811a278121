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
void read_shares(const TomlReader& r, const toml::table& t, const std::string& where,
                 const Site& site, allocation::Part& part) {
  part.weights = r.id_numbers(t, "weights", where, 1);
  if (part.key == Key::weights && part.weights.empty()) {
    r.fail(&t, where + ".weights", "missing: key = \"weights\" needs weights = { … }");
  }
  // Purchases are hours; the engine counts them in hundredths.
  part.planned = r.id_numbers(t, "planned", where, part.key == Key::purchases ? 100 : 1);
  for (const auto* table : {&part.weights, &part.planned}) {
    for (const auto& [muni, _] : *table) {
      if (site.municipality(muni) == nullptr) {
        r.fail(&t, where, "names '" + muni + "', which is no [[municipality]]");
      }
    }
  }
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
                           const Site& site, allocation::Rounding unit) {
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
  read_shares(r, t, where, site, part);
  read_rate(r, t, where, part);
  return part;
}

}  // namespace

void read_plans(const TomlReader& r, const toml::table& root, Site& site) {
  for (const auto& [t, where] : r.tables(root, "plan")) {
    PlanSource p;
    p.year = static_cast<int>(r.int_required(*t, "year", where, 2000, 2999));
    if (site.plan(p.year) != nullptr) {
      r.fail(t->get("year"), where + ".year", "a plan for " + std::to_string(p.year) + " exists");
    }
    p.plan.year = p.year;
    p.plan.rounding = rounding(r, *t, where);
    p.population_label = r.opt_string(*t, "population", where);
    for (const auto& [pt, part_where] : r.tables(*t, "part")) {
      p.plan.parts.push_back(read_part(r, *pt, where + "." += part_where, site, p.plan.rounding));
    }
    site.plans.push_back(std::move(p));
  }
}

}  // namespace tavla::host::config
