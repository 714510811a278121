// Optional values to and from SQL parameters and rows, shared by the
// repositories.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "tavla/host/storage/database.hpp"

namespace tavla::host::storage {

inline Value opt(const std::optional<std::string>& s) {
  return s ? Value{*s} : Value{};
}
inline Value opt(const std::optional<std::int64_t>& n) {
  return n ? Value{*n} : Value{};
}
inline Value flag(bool b) {
  return Value{std::int64_t{b ? 1 : 0}};
}
inline std::optional<std::string> opt_str(const Row& row, std::size_t i) {
  return row.is_null(i) ? std::nullopt : std::optional<std::string>(row.str(i));
}
inline std::optional<std::int64_t> opt_i64(const Row& row, std::size_t i) {
  return row.is_null(i) ? std::nullopt : std::optional<std::int64_t>(row.i64(i));
}

}  // namespace tavla::host::storage
