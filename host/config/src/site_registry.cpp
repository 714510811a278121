#include <algorithm>
#include <charconv>

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

bool is_municipality_number(const std::string& text) {
  return text.size() == 4 &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string checked_number(const TomlReader& r, const toml::node& node, const std::string& key) {
  const auto* text = node.as_string();
  if (text == nullptr || !is_municipality_number(text->get())) {
    r.fail(&node, key,
           "must be the municipality's four-digit number in quotes, like \"3238\" "
           "(Oslo is \"0301\")");
  }
  return text->get();
}

// `number = "3238"`, or by the year each applies from:
// `number = { 2020 = "3036", 2024 = "3238" }`.
std::map<int, std::string> numbers(const TomlReader& r, const toml::table& t,
                                   const std::string& where) {
  std::map<int, std::string> result;
  const toml::node* node = t.get("number");
  if (node == nullptr) {
    return result;
  }
  const std::string key = where + ".number";
  if (const auto* by_year = node->as_table()) {
    for (const auto& [year, value] : *by_year) {
      const std::string name = key + "." + std::string(year.str());
      int from = 0;
      const auto text = year.str();
      const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), from);
      if (ec != std::errc{} || end != text.data() + text.size() || from < 1800 || from > 2999) {
        r.fail(&value, name, "must be keyed by the year the number applies from, like 2024");
      }
      result[from] = checked_number(r, value, name);
    }
    if (result.empty()) {
      r.fail(node, key, "names no number");
    }
    return result;
  }
  result[0] = checked_number(r, *node, key);
  return result;
}

std::optional<std::string> org_number(const TomlReader& r, const toml::table& t,
                                      const std::string& where) {
  auto value = r.opt_string(t, "org_number", where);
  if (value && !is_org_number(*value)) {
    r.fail(t.get("org_number"), where + ".org_number",
           "'" + *value + "' is not an organisation number (nine digits, the last a mod-11 check)");
  }
  return value;
}

}  // namespace

void read_municipalities(const TomlReader& r, const toml::table& root, Site& site) {
  for (const auto& [t, where] : r.tables(root, "municipality")) {
    r.only_keys(*t, where,
                {"id", "name", "number", "org_number", "population", "member_from", "member_until",
                 "member", "external_rate", "foster_homes"});
    Municipality m;
    m.id = r.id(*t, "id", where);
    m.name = r.text(*t, "name", where);
    m.population = population(r, *t, where);
    m.member_from = r.opt_date(*t, "member_from", where);
    m.member_until = r.opt_date(*t, "member_until", where);
    m.member = r.opt_bool(*t, "member", where).value_or(true);
    m.external_rate = r.opt_nok(*t, "external_rate", where);
    m.foster_homes = r.opt_int(*t, "foster_homes", where, 0, 10'000'000);
    m.numbers = numbers(r, *t, where);
    m.org_number = org_number(r, *t, where);
    if (m.member && m.numbers.empty()) {
      r.fail(t, where + ".number",
             "missing: a member municipality needs its official number, like number = \"3238\"");
    }
    if (m.member_from && m.member_until && *m.member_until < *m.member_from) {
      r.fail(t->get("member_until"), where + ".member_until", "is before member_from");
    }
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
    r.only_keys(*t, where, {"id", "name"});
    Org o{r.id(*t, "id", where), r.text(*t, "name", where)};
    if (site.org(o.id) != nullptr || site.municipality(o.id) != nullptr) {
      r.fail(t->get("id"), where + ".id", "'" + o.id + "' is already a municipality or org");
    }
    site.orgs.push_back(std::move(o));
  }
}

void read_devices(const TomlReader& r, const toml::table& root, Site& site) {
  for (const auto& [t, where] : r.tables(root, "device")) {
    r.only_keys(*t, where, {"id", "room"});
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
