#include <charconv>

#include "tavla/host/storage/database.hpp"

namespace tavla::host::storage {

bool Row::is_null(std::size_t i) const {
  return std::holds_alternative<std::monostate>(values_.at(i));
}

std::int64_t Row::i64(std::size_t i) const {
  const Value& v = values_.at(i);
  if (const auto* n = std::get_if<std::int64_t>(&v)) {
    return *n;
  }
  if (const auto* s = std::get_if<std::string>(&v)) {
    // PostgreSQL hands every value over as text.
    std::int64_t n = 0;
    const auto [end, ec] = std::from_chars(s->data(), s->data() + s->size(), n);
    if (ec != std::errc{} || end != s->data() + s->size()) {
      throw DatabaseError("expected an integer in column " + std::to_string(i) + ", got '" + *s +
                          "'");
    }
    return n;
  }
  return 0;
}

std::string Row::str(std::size_t i) const {
  const Value& v = values_.at(i);
  if (const auto* s = std::get_if<std::string>(&v)) {
    return *s;
  }
  if (const auto* n = std::get_if<std::int64_t>(&v)) {
    return std::to_string(*n);
  }
  return {};
}

}  // namespace tavla::host::storage
