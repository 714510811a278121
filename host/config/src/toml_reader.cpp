#include "toml_reader.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>
#include <vector>

#include "tavla/protocol/ids.hpp"

namespace tavla::host::config {

using allocation::Ore;

namespace {

// Edits (insert, delete, replace a byte) from `a` to `b`.
std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) {
    row[j] = j;
  }
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

// The one known key within two edits of `name` (and nearer than its
// length), or nullopt when none or several are that close.
std::optional<std::string_view> closest_key(std::string_view name,
                                            std::initializer_list<std::string_view> known) {
  std::optional<std::string_view> best;
  std::size_t best_distance = 3;
  bool tie = false;
  for (const auto candidate : known) {
    const std::size_t d = edit_distance(name, candidate);
    if (d < best_distance && d < name.size()) {
      best = candidate;
      best_distance = d;
      tie = false;
    } else if (d == best_distance && best) {
      tie = true;
    }
  }
  return tie ? std::nullopt : best;
}

}  // namespace

std::string read_text(const std::filesystem::path& path, const std::filesystem::path& referrer,
                      int line, const std::string& key) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    if (referrer.empty()) {
      throw SiteConfigError(path, 0, "", "cannot read the file");
    }
    throw SiteConfigError(referrer, line, key, "cannot read " + path.string());
  }
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void TomlReader::fail(const toml::node* node, const std::string& key,
                      const std::string& problem) const {
  const int line = node != nullptr ? static_cast<int>(node->source().begin.line) : 0;
  throw SiteConfigError(file_, line, key, problem);
}

std::string TomlReader::path(const std::string& parent, std::string_view key) {
  return parent.empty() ? std::string(key) : parent + "." + std::string(key);
}

std::vector<std::pair<const toml::table*, std::string>> TomlReader::tables(
    const toml::table& root, std::string_view key) const {
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

const toml::table& TomlReader::table(const toml::table& parent, std::string_view key,
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

void TomlReader::only_keys(const toml::table& t, const std::string& where,
                           std::initializer_list<std::string_view> known) const {
  for (const auto& [key, value] : t) {
    const std::string_view name = key.str();
    if (std::find(known.begin(), known.end(), name) != known.end()) {
      continue;
    }
    const auto suggestion = closest_key(name, known);
    fail(&value, path(where, name),
         "unknown key" +
             (suggestion ? " (did you mean '" + std::string(*suggestion) + "'?)" : std::string()));
  }
}

std::optional<std::string> TomlReader::opt_string(const toml::table& t, std::string_view key,
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

std::string TomlReader::string(const toml::table& t, std::string_view key,
                               const std::string& where) const {
  auto value = opt_string(t, key, where);
  if (!value) {
    fail(&t, path(where, key), "missing (required)");
  }
  return *value;
}

std::string TomlReader::id(const toml::table& t, std::string_view key,
                           const std::string& where) const {
  std::string value = string(t, key, where);
  if (!protocol::is_valid_id(value)) {
    fail(t.get(key), path(where, key),
         "'" + value + "' is not a valid id (1-64 of letters, digits, '_', '.', '-')");
  }
  return value;
}

std::string TomlReader::text(const toml::table& t, std::string_view key,
                             const std::string& where) const {
  std::string value = string(t, key, where);
  if (auto problem = protocol::text_problem(value)) {
    fail(t.get(key), path(where, key), *problem);
  }
  return value;
}

std::optional<std::int64_t> TomlReader::opt_int(const toml::table& t, std::string_view key,
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

std::int64_t TomlReader::int_required(const toml::table& t, std::string_view key,
                                      const std::string& where, std::int64_t min,
                                      std::int64_t max) const {
  auto value = opt_int(t, key, where, min, max);
  if (!value) {
    fail(&t, path(where, key), "missing (required)");
  }
  return *value;
}

std::optional<bool> TomlReader::opt_bool(const toml::table& t, std::string_view key,
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

std::optional<protocol::Date> TomlReader::opt_date(const toml::node* node,
                                                   const std::string& key) const {
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

std::optional<protocol::Date> TomlReader::opt_date(const toml::table& t, std::string_view key,
                                                   const std::string& where) const {
  return opt_date(t.get(key), path(where, key));
}

std::chrono::minutes TomlReader::time_of_day(const toml::table& t, std::string_view key,
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

std::optional<Ore> TomlReader::opt_nok(const toml::table& t, std::string_view key,
                                       const std::string& where) const {
  const toml::node* node = t.get(key);
  if (node == nullptr) {
    return std::nullopt;
  }
  return nok(node, path(where, key));
}

Ore TomlReader::nok(const toml::node* node, const std::string& key) const {
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
    if (!(v >= 0.0 && v <= kMax) || std::fabs(ore - std::round(ore)) > 1e-6 * std::max(1.0, ore)) {
      fail(node, key, "must be a non-negative amount in NOK with at most two decimals");
    }
    return static_cast<Ore>(std::llround(ore));
  }
  fail(node, key, "must be an amount in NOK, e.g. 961667 or 961667.50");
}

std::map<std::string, std::int64_t> TomlReader::id_numbers(const toml::table& t,
                                                           std::string_view key,
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

}  // namespace tavla::host::config
