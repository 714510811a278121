// The TOML reader of the site file. Every value is read through `Reader`,
// which knows the file and each node's line, so every error names file, line
// and key path (e.g. "municipality[2].population").
#include "tavla/host/config/load.hpp"

#include <toml++/toml.h>
#include <algorithm>
#include <cmath>
#include <fstream>
#include <set>
#include <sstream>

#include "tavla/host/config/members_csv.hpp"
#include "tavla/host/config/schedule.hpp"
#include "tavla/protocol/ids.hpp"
#include "tavla/protocol/limits.hpp"

namespace tavla::host::config {
namespace {

using allocation::Key;
using allocation::Ore;

std::string read_text(const std::filesystem::path& path, const std::filesystem::path& referrer,
                      int line, const std::string& key) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    if (referrer.empty()) {
      throw ConfigError(path, 0, "", "cannot read the file");
    }
    throw ConfigError(referrer, line, key, "cannot read " + path.string());
  }
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::optional<Key> key_named(std::string_view name) {
  static const std::map<std::string_view, Key> keys_by_name = {
      {"population", Key::population}, {"enrollments", Key::enrollments},
      {"attendance", Key::attendance}, {"purchases", Key::purchases},
      {"equal", Key::equal},           {"weights", Key::weights}};
  const auto it = keys_by_name.find(name);
  return it == keys_by_name.end() ? std::nullopt : std::optional<Key>(it->second);
}

class Reader {
 public:
  explicit Reader(std::filesystem::path file) : file_(std::move(file)) {}

  [[nodiscard]] const std::filesystem::path& file() const { return file_; }

  [[noreturn]] void fail(const toml::node* node, const std::string& key,
                         const std::string& problem) const {
    const int line = node != nullptr ? static_cast<int>(node->source().begin.line) : 0;
    throw ConfigError(file_, line, key, problem);
  }

  static std::string path(const std::string& parent, std::string_view key) {
    return parent.empty() ? std::string(key) : parent + "." + std::string(key);
  }

  // The tables of an array-of-tables such as [[municipality]]; absent is empty.
  std::vector<std::pair<const toml::table*, std::string>> tables(const toml::table& root,
                                                                 std::string_view key) const {
    std::vector<std::pair<const toml::table*, std::string>> result;
    const toml::node* node = root.get(key);
    if (node == nullptr) {
      return result;
    }
    const toml::array* array = node->as_array();
    if (array == nullptr) {
      fail(node, std::string(key), "must be written as [[" + std::string(key) + "]] tables");
    }
    for (std::size_t i = 0; i < array->size(); ++i) {
      const toml::table* t = (*array)[i].as_table();
      const std::string name = std::string(key) + "[" + std::to_string(i) + "]";
      if (t == nullptr) {
        fail(&(*array)[i], name, "must be a table");
      }
      result.emplace_back(t, name);
    }
    return result;
  }

  const toml::table& table(const toml::table& parent, std::string_view key,
                           const std::string& parent_path, bool required) const {
    static const toml::table empty_table;
    const toml::node* node = parent.get(key);
    if (node == nullptr) {
      if (required) {
        fail(&parent, path(parent_path, key),
             "missing: a [" + std::string(key) + "] table is required");
      }
      return empty_table;
    }
    if (!node->is_table()) {
      fail(node, path(parent_path, key), "must be a table");
    }
    return *node->as_table();
  }

  std::optional<std::string> opt_string(const toml::table& t, std::string_view key,
                                        const std::string& where) const {
    const toml::node* node = t.get(key);
    if (node == nullptr) {
      return std::nullopt;
    }
    if (!node->is_string()) {
      fail(node, path(where, key), "must be a string");
    }
    return node->as_string()->get();
  }

  std::string string(const toml::table& t, std::string_view key, const std::string& where) const {
    auto value = opt_string(t, key, where);
    if (!value) {
      fail(&t, path(where, key), "missing (required)");
    }
    return *value;
  }

  std::string id(const toml::table& t, std::string_view key, const std::string& where) const {
    std::string value = string(t, key, where);
    if (!protocol::is_valid_id(value)) {
      fail(t.get(key), path(where, key),
           "'" + value + "' is not a valid id (1-64 of letters, digits, '_', '.', '-')");
    }
    return value;
  }

  std::string text(const toml::table& t, std::string_view key, const std::string& where) const {
    std::string value = string(t, key, where);
    if (auto problem = protocol::text_problem(value)) {
      fail(t.get(key), path(where, key), *problem);
    }
    return value;
  }

  std::optional<std::int64_t> opt_int(const toml::table& t, std::string_view key,
                                      const std::string& where, std::int64_t min,
                                      std::int64_t max) const {
    const toml::node* node = t.get(key);
    if (node == nullptr) {
      return std::nullopt;
    }
    if (!node->is_integer()) {
      fail(node, path(where, key), "must be a whole number");
    }
    const std::int64_t v = node->as_integer()->get();
    if (v < min || v > max) {
      fail(node, path(where, key),
           std::to_string(v) + " is outside " + std::to_string(min) + "-" + std::to_string(max));
    }
    return v;
  }

  std::int64_t int_required(const toml::table& t, std::string_view key, const std::string& where,
                            std::int64_t min, std::int64_t max) const {
    auto value = opt_int(t, key, where, min, max);
    if (!value) {
      fail(&t, path(where, key), "missing (required)");
    }
    return *value;
  }

  std::optional<bool> opt_bool(const toml::table& t, std::string_view key,
                               const std::string& where) const {
    const toml::node* node = t.get(key);
    if (node == nullptr) {
      return std::nullopt;
    }
    if (!node->is_boolean()) {
      fail(node, path(where, key), "must be true or false");
    }
    return node->as_boolean()->get();
  }

  std::optional<protocol::Date> opt_date(const toml::node* node, const std::string& key) const {
    if (node == nullptr) {
      return std::nullopt;
    }
    if (!node->is_date()) {
      fail(node, key, "must be a date like 2026-01-01 (no quotes)");
    }
    const toml::date d = node->as_date()->get();
    return protocol::Date{std::chrono::year{d.year}, std::chrono::month{d.month},
                          std::chrono::day{d.day}};
  }

  std::optional<protocol::Date> opt_date(const toml::table& t, std::string_view key,
                                         const std::string& where) const {
    return opt_date(t.get(key), path(where, key));
  }

  // A time of day: a TOML local time (09:00:00) or a string "09:00".
  std::chrono::minutes time_of_day(const toml::table& t, std::string_view key,
                                   const std::string& where) const {
    const toml::node* node = t.get(key);
    if (node == nullptr) {
      fail(&t, path(where, key), "missing (required): a time like 09:00");
    }
    if (node->is_time()) {
      const toml::time v = node->as_time()->get();
      return std::chrono::hours{v.hour} + std::chrono::minutes{v.minute};
    }
    if (node->is_string()) {
      const std::string s = node->as_string()->get();
      unsigned h = 0;
      unsigned m = 0;
      char colon = 0;
      std::istringstream in(s);
      if (in >> h >> colon >> m && colon == ':' && in.eof() && h < 24 && m < 60) {
        return std::chrono::hours{h} + std::chrono::minutes{m};
      }
    }
    fail(node, path(where, key), "must be a time of day like 09:00");
  }

  // NOK with at most two decimals, as øre.
  std::optional<Ore> opt_nok(const toml::table& t, std::string_view key,
                             const std::string& where) const {
    const toml::node* node = t.get(key);
    if (node == nullptr) {
      return std::nullopt;
    }
    return nok(node, path(where, key));
  }

  Ore nok(const toml::node* node, const std::string& key) const {
    constexpr double kMax = 1e13;  // NOK; far beyond any budget, far within int64 øre
    if (node->is_integer()) {
      const std::int64_t v = node->as_integer()->get();
      if (v < 0 || static_cast<double>(v) > kMax) {
        fail(node, key, "must be a non-negative amount in NOK");
      }
      return v * 100;
    }
    if (node->is_floating_point()) {
      const double v = node->as_floating_point()->get();
      const double ore = v * 100.0;
      if (!(v >= 0.0 && v <= kMax) ||
          std::fabs(ore - std::round(ore)) > 1e-6 * std::max(1.0, ore)) {
        fail(node, key, "must be a non-negative amount in NOK with at most two decimals");
      }
      return static_cast<Ore>(std::llround(ore));
    }
    fail(node, key, "must be an amount in NOK, e.g. 961667 or 961667.50");
  }

  // A table of municipality id -> whole number (weights, planned units).
  std::map<std::string, std::int64_t> id_numbers(const toml::table& t, std::string_view key,
                                                 const std::string& where,
                                                 std::int64_t scale) const {
    std::map<std::string, std::int64_t> result;
    const toml::node* node = t.get(key);
    if (node == nullptr) {
      return result;
    }
    if (!node->is_table()) {
      fail(node, path(where, key), "must be a table like { nannestad = 2, hurdal = 1 }");
    }
    for (const auto& [k, v] : *node->as_table()) {
      const std::string name = path(path(where, key), k.str());
      if (v.is_integer() && v.as_integer()->get() >= 0) {
        result[std::string(k.str())] = v.as_integer()->get() * scale;
      } else if (v.is_floating_point() && v.as_floating_point()->get() >= 0 && scale == 100) {
        result[std::string(k.str())] = std::llround(v.as_floating_point()->get() * 100.0);
      } else {
        fail(&v, name, "must be a non-negative number");
      }
    }
    return result;
  }

 private:
  std::filesystem::path file_;
};

protocol::SessionKind session_kind(const Reader& r, const toml::table& t,
                                   const std::string& where) {
  const std::string value = r.string(t, "kind", where);
  if (auto kind = protocol::session_kind_from_string(value)) {
    return *kind;
  }
  r.fail(t.get("kind"), where + ".kind",
         "'" + value + "' must be group_guidance or network_meeting");
}

void read_municipalities(const Reader& r, const toml::table& root, Site& site) {
  for (const auto& [t, where] : r.tables(root, "municipality")) {
    Municipality m;
    m.id = r.id(*t, "id", where);
    m.name = r.text(*t, "name", where);
    if (const toml::node* pop = t->get("population")) {
      if (pop->is_integer()) {
        m.population[""] = *r.opt_int(*t, "population", where, 0, 1'000'000'000);
      } else if (pop->is_table()) {
        for (const auto& [label, v] : *pop->as_table()) {
          if (!v.is_integer() || v.as_integer()->get() < 0) {
            r.fail(&v, where + ".population." + std::string(label.str()),
                   "must be a non-negative whole number");
          }
          m.population[std::string(label.str())] = v.as_integer()->get();
        }
      } else {
        r.fail(pop, where + ".population",
               "must be a number or a table by label like { \"2022Q2\" = 14797 }");
      }
    }
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

void read_orgs_and_devices(const Reader& r, const toml::table& root, Site& site) {
  for (const auto& [t, where] : r.tables(root, "org")) {
    Org o{r.id(*t, "id", where), r.text(*t, "name", where)};
    if (site.org(o.id) != nullptr || site.municipality(o.id) != nullptr) {
      r.fail(t->get("id"), where + ".id", "'" + o.id + "' is already a municipality or org");
    }
    site.orgs.push_back(std::move(o));
  }
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

void read_groups(const Reader& r, const toml::table& root, Site& site) {
  for (const auto& [t, where] : r.tables(root, "group")) {
    Group g;
    g.id = r.id(*t, "id", where);
    g.name = r.text(*t, "name", where);
    g.kind = session_kind(r, *t, where);
    g.device = r.string(*t, "device", where);
    if (site.device(g.device) == nullptr) {
      r.fail(t->get("device"), where + ".device", "no [[device]] has id '" + g.device + "'");
    }
    if (auto year = r.opt_int(*t, "year", where, 2000, 2999)) {
      g.year = static_cast<int>(*year);
    }
    if (auto members = r.opt_string(*t, "members", where)) {
      const std::filesystem::path csv = r.file().parent_path() / *members;
      const int line = static_cast<int>(t->get("members")->source().begin.line);
      g.members = parse_members_csv(read_text(csv, r.file(), line, where + ".members"), csv);
      for (const auto& m : g.members) {
        const bool known = m.affiliation.kind == protocol::Affiliation::Kind::municipality
                               ? site.municipality(m.affiliation.id) != nullptr
                               : site.org(m.affiliation.id) != nullptr;
        if (!known) {
          r.fail(t->get("members"), where + ".members",
                 csv.string() + ": participant '" + m.participant + "' names '" + m.affiliation.id +
                     "', which is no [[municipality]] or [[org]]");
        }
      }
      if (g.members.size() > protocol::kMaxMembersPerGroup) {
        r.fail(t->get("members"), where + ".members",
               "more than " + std::to_string(protocol::kMaxMembersPerGroup) + " members");
      }
    }
    if (site.group(g.id) != nullptr) {
      r.fail(t->get("id"), where + ".id", "group '" + g.id + "' is defined twice");
    }
    site.groups.push_back(std::move(g));
  }
}

void read_agendas(const Reader& r, const toml::table& root, Site& site) {
  for (const auto& [t, where] : r.tables(root, "agenda")) {
    Agenda a;
    a.id = r.id(*t, "id", where);
    a.name = r.text(*t, "name", where);
    for (const auto& [item, item_where] : r.tables(*t, "items")) {
      const std::string iw = where + "." += item_where;
      a.items.push_back(protocol::AgendaItem{
          r.id(*item, "item", iw), r.text(*item, "title", iw),
          static_cast<std::uint64_t>(r.int_required(*item, "minutes", iw, 0, 1440))});
    }
    site.agendas.push_back(std::move(a));
  }
}

void read_schedule(const Reader& r, const toml::table& root, Site& site) {
  std::set<std::string> ids;
  for (const auto& [t, where] : r.tables(root, "session")) {
    const std::string id = r.id(*t, "id", where);
    const std::string group = r.string(*t, "group", where);
    if (site.group(group) == nullptr) {
      r.fail(t->get("group"), where + ".group", "no [[group]] has id '" + group + "'");
    }
    const std::string title = r.text(*t, "title", where);
    auto agenda = r.opt_string(*t, "agenda", where);
    if (agenda && std::none_of(site.agendas.begin(), site.agendas.end(),
                               [&](const Agenda& a) { return a.id == *agenda; })) {
      r.fail(t->get("agenda"), where + ".agenda", "no [[agenda]] has id '" + *agenda + "'");
    }
    const auto start = r.time_of_day(*t, "start", where);
    const auto end = r.time_of_day(*t, "end", where);
    if (end <= start) {
      r.fail(t->get("end"), where + ".end", "must be after start");
    }
    std::vector<protocol::Date> dates;
    if (auto repeat = r.opt_string(*t, "repeat", where)) {
      const auto rule = parse_recurrence(*repeat);
      if (!rule) {
        r.fail(t->get("repeat"), where + ".repeat",
               "'" + *repeat +
                   R"(' is not understood; write e.g. "last friday monthly", )"
                   R"("first monday monthly" or "weekly tuesday")");
      }
      const auto from = r.opt_date(*t, "from", where);
      const auto until = r.opt_date(*t, "until", where);
      if (!from || !until) {
        r.fail(t, where + (from ? ".until" : ".from"), "missing (required with repeat)");
      }
      std::vector<protocol::Date> except;
      if (const toml::node* ex = t->get("except")) {
        if (!ex->is_array()) {
          r.fail(ex, where + ".except", "must be a list of dates");
        }
        const auto& list = *ex->as_array();
        for (std::size_t i = 0; i < list.size(); ++i) {
          except.push_back(*r.opt_date(&list[i], where + ".except[" + std::to_string(i) + "]"));
        }
      }
      dates = occurrences(*rule, *from, *until, except);
    } else {
      const auto date = r.opt_date(*t, "date", where);
      if (!date) {
        r.fail(t, where + ".date", "missing: give a date, or repeat with from and until");
      }
      dates.push_back(*date);
    }
    for (const auto& d : dates) {
      ScheduledSession s;
      s.session = dates.size() == 1 && !t->contains("repeat") ? id : id + "-" + [&] {
        const auto text = protocol::format_date(d);
        return text.substr(0, 4) + text.substr(5, 2) + text.substr(8, 2);
      }();
      if (!ids.insert(s.session).second) {
        r.fail(t->get("id"), where + ".id", "session id '" + s.session + "' is used twice");
      }
      s.group = group;
      s.title = title;
      s.start = oslo_to_utc(d, start);
      s.end = oslo_to_utc(d, end);
      s.agenda = agenda;
      site.schedule.push_back(std::move(s));
    }
  }
}

void read_plans(const Reader& r, const toml::table& root, Site& site) {
  for (const auto& [t, where] : r.tables(root, "plan")) {
    PlanSource p;
    p.year = static_cast<int>(r.int_required(*t, "year", where, 2000, 2999));
    if (site.plan(p.year) != nullptr) {
      r.fail(t->get("year"), where + ".year", "a plan for " + std::to_string(p.year) + " exists");
    }
    p.plan.year = p.year;
    const std::string rounding = r.opt_string(*t, "rounding", where).value_or("krone");
    if (rounding == "krone") {
      p.plan.rounding = allocation::Rounding::krone;
    } else if (rounding == "ore") {
      p.plan.rounding = allocation::Rounding::ore;
    } else {
      r.fail(t->get("rounding"), where + ".rounding", R"(must be "krone" or "ore")");
    }
    p.population_label = r.opt_string(*t, "population", where);
    const auto unit = static_cast<Ore>(p.plan.rounding);
    const auto check_unit = [&](Ore amount, const toml::table& pt, std::string_view key,
                                const std::string& pw) {
      if (amount % unit != 0) {
        r.fail(pt.get(key), pw + "." + std::string(key),
               "has øre, but the plan rounds to whole kroner (set rounding = \"ore\")");
      }
    };
    for (const auto& [pt, part_where] : r.tables(*t, "part")) {
      const std::string pw = where + "." += part_where;
      allocation::Part part;
      part.name = r.text(*pt, "name", pw);
      const std::string key_text = r.string(*pt, "key", pw);
      const auto key = key_named(key_text);
      if (!key) {
        r.fail(pt->get("key"), pw + ".key",
               "'" + key_text +
                   "' must be population, enrollments, attendance, purchases, equal or weights");
      }
      part.key = *key;
      const auto amount = r.opt_nok(*pt, "amount", pw);
      if (!amount) {
        r.fail(pt, pw + ".amount", "missing (required)");
      }
      part.amount = *amount;
      check_unit(part.amount, *pt, "amount", pw);
      part.actual = r.opt_nok(*pt, "actual", pw);
      if (part.actual) {
        check_unit(*part.actual, *pt, "actual", pw);
      }
      part.weights = r.id_numbers(*pt, "weights", pw, 1);
      if (part.key == Key::weights && part.weights.empty()) {
        r.fail(pt, pw + ".weights", "missing: key = \"weights\" needs weights = { … }");
      }
      // Purchases are hours; the engine counts them in hundredths.
      part.planned = r.id_numbers(*pt, "planned", pw, part.key == Key::purchases ? 100 : 1);
      for (const auto* table : {&part.weights, &part.planned}) {
        for (const auto& [muni, _] : *table) {
          if (site.municipality(muni) == nullptr) {
            r.fail(pt, pw, "names '" + muni + "', which is no [[municipality]]");
          }
        }
      }
      part.rate_per_hour = r.opt_nok(*pt, "rate", pw);
      if (auto rk = r.opt_string(*pt, "remainder_key", pw)) {
        const auto k = key_named(*rk);
        if (!k || *k == Key::purchases) {
          r.fail(pt->get("remainder_key"), pw + ".remainder_key",
                 "'" + *rk + "' must be population, enrollments, attendance, equal or weights");
        }
        part.remainder_key = *k;
      }
      if (part.rate_per_hour && part.key != Key::purchases) {
        r.fail(pt->get("rate"), pw + ".rate", "only a key = \"purchases\" part has a rate");
      }
      if (part.rate_per_hour && !part.remainder_key) {
        r.fail(pt, pw + ".remainder_key", "missing: a part with a rate needs a remainder_key");
      }
      p.plan.parts.push_back(std::move(part));
    }
    site.plans.push_back(std::move(p));
  }
}

}  // namespace

Site parse_site(const std::string& text, const std::filesystem::path& file) {
  toml::table root;
  try {
    root = toml::parse(text, file.string());
  } catch (const toml::parse_error& e) {
    throw ConfigError(file, static_cast<int>(e.source().begin.line), "",
                      std::string(e.description()));
  }
  const Reader r(file);
  Site site;
  site.file = file;
  const toml::table& s = r.table(root, "site", "", true);
  site.id = r.string(s, "id", "site");
  if (!protocol::is_valid_name(site.id)) {
    r.fail(s.get("id"), "site.id",
           "'" + site.id + "' is not a valid site name ([a-z0-9][a-z0-9-]{0,63})");
  }
  site.name = r.text(s, "name", "site");
  const std::string locale = r.opt_string(s, "locale", "site").value_or("nb");
  if (auto l = protocol::locale_from_string(locale)) {
    site.locale = *l;
  } else {
    r.fail(s.get("locale"), "site.locale", "'" + locale + "' must be nb, nn or en");
  }
  const toml::table& b = r.table(root, "broker", "", true);
  site.broker.url = r.string(b, "url", "broker");
  if (!site.broker.url.starts_with("tcp://") && !site.broker.url.starts_with("ssl://") &&
      !site.broker.url.starts_with("mqtt://") && !site.broker.url.starts_with("mqtts://")) {
    r.fail(b.get("url"), "broker.url", "must start with tcp:// or ssl://");
  }
  site.broker.username = r.opt_string(b, "username", "broker");
  if (auto pw = r.opt_string(b, "password_file", "broker")) {
    site.broker.password_file = file.parent_path() / *pw;
  }
  site.broker.shared_group = r.opt_string(b, "shared_group", "broker").value_or("");
  if (!site.broker.shared_group.empty() && !protocol::is_valid_name(site.broker.shared_group)) {
    r.fail(b.get("shared_group"), "broker.shared_group",
           "must be empty or a name like [a-z0-9][a-z0-9-]{0,63}");
  }
  const toml::table& d = r.table(root, "database", "", true);
  site.database_url = r.string(d, "url", "database");
  if (site.database_url.starts_with("sqlite:")) {
    const std::filesystem::path db = site.database_url.substr(7);
    if (db.empty()) {
      r.fail(d.get("url"), "database.url", "sqlite: needs a file name, e.g. sqlite:host.db");
    }
    site.database_url = "sqlite:" + (db.is_absolute() ? db : file.parent_path() / db).string();
  } else if (!site.database_url.starts_with("postgresql://") &&
             !site.database_url.starts_with("postgres://")) {
    r.fail(d.get("url"), "database.url", "must start with sqlite: or postgresql://");
  }
  read_municipalities(r, root, site);
  read_orgs_and_devices(r, root, site);
  read_groups(r, root, site);
  read_agendas(r, root, site);
  read_schedule(r, root, site);
  read_plans(r, root, site);
  return site;
}

Site load_site(const std::filesystem::path& file) {
  return parse_site(read_text(file, {}, 0, ""), file);
}

}  // namespace tavla::host::config
