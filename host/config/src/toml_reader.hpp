// The typed reading of the site file's TOML. Every value is read through a
// TomlReader, which knows the file and each node's line, so every error is a
// SiteConfigError naming file, line and key path (e.g.
// "municipality[2].population").
#pragma once

#include <toml++/toml.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "tavla/allocation/money.hpp"
#include "tavla/host/config/error.hpp"
#include "tavla/protocol/timestamp.hpp"

namespace tavla::host::config {

// The bytes of `path`. A file another names (`referrer`, at `line` and
// `key`) that cannot be read is reported there; else at `path` itself.
[[nodiscard]] std::string read_text(const std::filesystem::path& path,
                                    const std::filesystem::path& referrer, int line,
                                    const std::string& key);

class TomlReader {
 public:
  explicit TomlReader(std::filesystem::path file) : file_(std::move(file)) {}

  [[nodiscard]] const std::filesystem::path& file() const { return file_; }

  [[noreturn]] void fail(const toml::node* node, const std::string& key,
                         const std::string& problem) const;
  // "parent.key", or "key" at the top.
  [[nodiscard]] static std::string path(const std::string& parent, std::string_view key);

  // The tables of an array-of-tables such as [[municipality]], each with its
  // key path ("municipality[0]"); absent is empty.
  [[nodiscard]] std::vector<std::pair<const toml::table*, std::string>> tables(
      const toml::table& root, std::string_view key) const;
  [[nodiscard]] const toml::table& table(const toml::table& parent, std::string_view key,
                                         const std::string& parent_path, bool required) const;
  // Fails on the first key of `t` that is not one of `known` ("unknown key",
  // with "did you mean" when exactly one known key is close): a typo must
  // never be read as an absent key with its default.
  void only_keys(const toml::table& t, const std::string& where,
                 std::initializer_list<std::string_view> known) const;

  [[nodiscard]] std::optional<std::string> opt_string(const toml::table& t, std::string_view key,
                                                      const std::string& where) const;
  [[nodiscard]] std::string string(const toml::table& t, std::string_view key,
                                   const std::string& where) const;
  // A string that is a protocol id (1-64 of [0-9A-Za-z_.-]).
  [[nodiscard]] std::string id(const toml::table& t, std::string_view key,
                               const std::string& where) const;
  // A string that is protocol free text.
  [[nodiscard]] std::string text(const toml::table& t, std::string_view key,
                                 const std::string& where) const;
  [[nodiscard]] std::optional<std::int64_t> opt_int(const toml::table& t, std::string_view key,
                                                    const std::string& where, std::int64_t min,
                                                    std::int64_t max) const;
  [[nodiscard]] std::int64_t int_required(const toml::table& t, std::string_view key,
                                          const std::string& where, std::int64_t min,
                                          std::int64_t max) const;
  [[nodiscard]] std::optional<bool> opt_bool(const toml::table& t, std::string_view key,
                                             const std::string& where) const;
  // A TOML date (2026-01-01, no quotes).
  [[nodiscard]] std::optional<protocol::Date> opt_date(const toml::node* node,
                                                       const std::string& key) const;
  [[nodiscard]] std::optional<protocol::Date> opt_date(const toml::table& t, std::string_view key,
                                                       const std::string& where) const;
  // A time of day: a TOML local time (09:00:00) or a string "09:00".
  [[nodiscard]] std::chrono::minutes time_of_day(const toml::table& t, std::string_view key,
                                                 const std::string& where) const;
  // NOK with at most two decimals, as øre.
  [[nodiscard]] std::optional<allocation::Ore> opt_nok(const toml::table& t, std::string_view key,
                                                       const std::string& where) const;
  [[nodiscard]] allocation::Ore nok(const toml::node* node, const std::string& key) const;
  // A table of municipality id -> non-negative number (weights, planned
  // units), each times `scale`; with scale 100 a number may have decimals.
  [[nodiscard]] std::map<std::string, std::int64_t> id_numbers(const toml::table& t,
                                                               std::string_view key,
                                                               const std::string& where,
                                                               std::int64_t scale) const;

 private:
  std::filesystem::path file_;
};

}  // namespace tavla::host::config
