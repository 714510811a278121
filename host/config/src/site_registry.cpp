#include "site_sections.hpp"
#include "tavla/protocol/ids.hpp"
#include "tavla/protocol/limits.hpp"

namespace tavla::host::config {
namespace {

// `population = 14797` (one count) or `population = { "2022Q2" = 14797 }`.
std::map<std::string, std::int64_t> population(const TomlReader& r, const toml::table& t,
                                               const std::string& where) {
  std::map<std::string, std::int64_t> counts;
  const toml::node* pop = t.get("population");
  if (pop == nullptr) {
    return counts;
  }
  if (pop->is_integer()) {
    counts[""] = *r.opt_int(t, "population", where, 0, 1'000'000'000);
  } else if (pop->is_table()) {
    for (const auto& [label, v] : *pop->as_table()) {
      if (!v.is_integer() || v.as_integer()->get() < 0) {
        r.fail(&v, where + ".population." + std::string(label.str()),
               "must be a non-negative whole number");
      }
      counts[std::string(label.str())] = v.as_integer()->get();
    }
  } else {
    r.fail(pop, where + ".population",
           "must be a number or a table by label like { \"2022Q2\" = 14797 }");
  }
  return counts;
}

}  // namespace

void read_municipalities(const TomlReader& r, const toml::table& root, Site& site) {
  for (const auto& [t, where] : r.tables(root, "municipality")) {
    Municipality m;
    m.id = r.id(*t, "id", where);
    m.name = r.text(*t, "name", where);
    m.population = population(r, *t, where);
    m.member_from = r.opt_date(*t, "member_from", where);
    m.member_until = r.opt_date(*t, "member_until", where);
    m.member = r.opt_bool(*t, "member", where).value_or(true);
    m.external_rate = r.opt_nok(*t, "external_rate", where);
    m.foster_homes = r.opt_int(*t, "foster_homes", where, 0, 10'000'000);
    if (site.municipality(m.id) != nullptr) {
      r.fail(t->get("id"), where + ".id", "municipality '" + m.id + "' is defined twice");
    }
    site.municipalities.push_back(std::move(m));
  }
  if (site.municipalities.size() > protocol::kMaxMunicipalities) {
    r.fail(&root, "municipality", "more than " + std::to_string(protocol::kMaxMunicipalities));
  }
}

void read_orgs(const TomlReader& r, const toml::table& root, Site& site) {
  for (const auto& [t, where] : r.tables(root, "org")) {
    Org o{r.id(*t, "id", where), r.text(*t, "name", where)};
    if (site.org(o.id) != nullptr || site.municipality(o.id) != nullptr) {
      r.fail(t->get("id"), where + ".id", "'" + o.id + "' is already a municipality or org");
    }
    site.orgs.push_back(std::move(o));
  }
}

void read_devices(const TomlReader& r, const toml::table& root, Site& site) {
  for (const auto& [t, where] : r.tables(root, "device")) {
    Device d{r.string(*t, "id", where), r.text(*t, "room", where)};
    if (!protocol::is_valid_name(d.id)) {
      r.fail(t->get("id"), where + ".id",
             "'" + d.id + "' is not a valid device name ([a-z0-9][a-z0-9-]{0,63})");
    }
    if (site.device(d.id) != nullptr) {
      r.fail(t->get("id"), where + ".id", "device '" + d.id + "' is defined twice");
    }
    site.devices.push_back(std::move(d));
  }
}

}  // namespace tavla::host::config
