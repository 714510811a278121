// Report output in three formats from one typed table:
// - table: for people; aligned; numbers in the site's locale (nb/nn:
//   "1 468 000,00", en: "1,468,000.00");
// - csv: RFC 4180, UTF-8 without BOM, '.' decimal point, no grouping, a
//   header row, no totals, the same in every locale;
// - json: an array of objects, numbers as JSON numbers.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <variant>
#include <vector>

#include "tavla/protocol/room_config.hpp"

namespace tavla::host::report {

enum class Format { table, csv, json };
[[nodiscard]] std::optional<Format> format_from_string(std::string_view name);

struct Money {  // øre
  std::int64_t ore = 0;
};
struct Fraction {  // numerator/denominator, shown with six decimals
  std::int64_t numerator = 0;
  std::int64_t denominator = 1;
};
struct Ungrouped {  // a number that is a name, like a year or an id: never grouped
  std::int64_t value = 0;
};
using Cell = std::variant<std::string, std::int64_t, Money, Fraction, Ungrouped>;

struct Table {
  std::vector<std::string> columns;
  std::vector<std::vector<Cell>> rows;
};

void render(const Table& table, Format format, protocol::Locale locale, std::ostream& out);

// Plain forms (csv/json): "1468000.00", "0.118537".
[[nodiscard]] std::string plain_money(std::int64_t ore);
[[nodiscard]] std::string plain_fraction(const Fraction& f);
// Locale forms (table): "1 468 000,00", "14 797", "0,118537".
[[nodiscard]] std::string locale_money(std::int64_t ore, protocol::Locale locale);
[[nodiscard]] std::string locale_integer(std::int64_t n, protocol::Locale locale);
[[nodiscard]] std::string locale_fraction(const Fraction& f, protocol::Locale locale);

}  // namespace tavla::host::report
