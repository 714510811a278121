#include "tavla/host/report/table.hpp"

#include <algorithm>
#include <string>
#include <string_view>

#include "tavla/protocol/pin_hash.hpp"

namespace tavla::host::report {
namespace {

// Wide enough for a share's numerator times a million; __extension__ tells
// -pedantic this GCC type is deliberate.
__extension__ using Wide = __int128;

std::string group_digits(std::string digits, const std::string& separator) {
  std::string out;
  const std::size_t n = digits.size();
  for (std::size_t i = 0; i < n; ++i) {
    if (i > 0 && (n - i) % 3 == 0) {
      out += separator;
    }
    out += digits[i];
  }
  return out;
}

struct Parts {
  bool negative = false;
  std::string whole;
  std::string fraction;
};

// `value` in decimal, left-padded with zeros to `width` digits (printf's %0*llu).
std::string zero_padded(unsigned long long value, std::size_t width) {
  std::string digits = std::to_string(value);
  if (digits.size() < width) {
    digits.insert(0, width - digits.size(), '0');
  }
  return digits;
}

Parts money_parts(std::int64_t ore) {
  const bool negative = ore < 0;
  const auto magnitude =
      negative ? -static_cast<unsigned long long>(ore) : static_cast<unsigned long long>(ore);
  return {negative, std::to_string(magnitude / 100), zero_padded(magnitude % 100, 2)};
}

Parts fraction_parts(const Fraction& f) {
  if (f.denominator == 0) {
    return {false, "0", "000000"};
  }
  // Rounded half up to millionths, in integers: no floating point in reports.
  const Wide num = static_cast<Wide>(f.numerator) * 1'000'000;
  const bool negative = (num < 0) != (f.denominator < 0) && num != 0;
  const Wide a = num < 0 ? -num : num;
  const Wide d = f.denominator < 0 ? -static_cast<Wide>(f.denominator) : f.denominator;
  const auto micro = static_cast<unsigned long long>((a * 2 + d) / (2 * d));
  return {negative, std::to_string(micro / 1'000'000), zero_padded(micro % 1'000'000, 6)};
}

std::string thousands(protocol::Locale locale) {
  return locale == protocol::Locale::en ? "," : " ";
}
std::string decimal(protocol::Locale locale) {
  return locale == protocol::Locale::en ? "." : ",";
}

// Display width: code points, not bytes (æøå are two bytes each).
std::size_t width(const std::string& text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0U) != 0x80U;
  }));
}

std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) {
    return text;
  }
  std::string out = "\"";
  for (const char c : text) {
    out += c;
    if (c == '"') {
      out += '"';
    }
  }
  return out + "\"";
}

std::string json_string(const std::string& text) {
  std::string out = "\"";
  for (const char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          out += "\\u00" + protocol::to_hex(std::string_view(&c, 1));
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

std::string plain(const Cell& cell) {
  return std::visit(
      [](const auto& v) -> std::string {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::string>) {
          return v;
        } else if constexpr (std::is_same_v<T, std::int64_t>) {
          return std::to_string(v);
        } else if constexpr (std::is_same_v<T, Money>) {
          return plain_money(v.ore);
        } else if constexpr (std::is_same_v<T, Ungrouped>) {
          return std::to_string(v.value);
        } else {
          return plain_fraction(v);
        }
      },
      cell);
}

std::string localised(const Cell& cell, protocol::Locale locale) {
  return std::visit(
      [&](const auto& v) -> std::string {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::string>) {
          return v;
        } else if constexpr (std::is_same_v<T, std::int64_t>) {
          return locale_integer(v, locale);
        } else if constexpr (std::is_same_v<T, Money>) {
          return locale_money(v.ore, locale);
        } else if constexpr (std::is_same_v<T, Ungrouped>) {
          return std::to_string(v.value);
        } else {
          return locale_fraction(v, locale);
        }
      },
      cell);
}

}  // namespace

std::optional<Format> format_from_string(std::string_view name) {
  if (name == "table") {
    return Format::table;
  }
  if (name == "csv") {
    return Format::csv;
  }
  if (name == "json") {
    return Format::json;
  }
  return std::nullopt;
}

std::string plain_money(std::int64_t ore) {
  const auto p = money_parts(ore);
  return (p.negative ? "-" : "") + p.whole + "." + p.fraction;
}

std::string plain_fraction(const Fraction& f) {
  const auto p = fraction_parts(f);
  return (p.negative ? "-" : "") + p.whole + "." + p.fraction;
}

std::string locale_money(std::int64_t ore, protocol::Locale locale) {
  const auto p = money_parts(ore);
  return (p.negative ? "-" : "") + group_digits(p.whole, thousands(locale)) + decimal(locale) +
         p.fraction;
}

std::string locale_integer(std::int64_t n, protocol::Locale locale) {
  const bool negative = n < 0;
  const auto magnitude =
      negative ? -static_cast<unsigned long long>(n) : static_cast<unsigned long long>(n);
  return (negative ? "-" : "") + group_digits(std::to_string(magnitude), thousands(locale));
}

std::string locale_fraction(const Fraction& f, protocol::Locale locale) {
  const auto p = fraction_parts(f);
  return (p.negative ? "-" : "") + p.whole + decimal(locale) + p.fraction;
}

void render(const Table& table, Format format, protocol::Locale locale, std::ostream& out) {
  switch (format) {
    case Format::csv: {
      for (std::size_t c = 0; c < table.columns.size(); ++c) {
        out << (c ? "," : "") << csv_field(table.columns[c]);
      }
      out << "\r\n";
      for (const auto& row : table.rows) {
        for (std::size_t c = 0; c < row.size(); ++c) {
          out << (c ? "," : "") << csv_field(plain(row[c]));
        }
        out << "\r\n";
      }
      break;
    }
    case Format::json: {
      out << "[";
      for (std::size_t r = 0; r < table.rows.size(); ++r) {
        out << (r ? ",\n " : "\n ") << "{";
        for (std::size_t c = 0; c < table.columns.size(); ++c) {
          const Cell& cell = table.rows[r][c];
          out << (c ? "," : "") << json_string(table.columns[c]) << ":"
              << (std::holds_alternative<std::string>(cell) ? json_string(plain(cell))
                                                            : plain(cell));
        }
        out << "}";
      }
      out << (table.rows.empty() ? "]\n" : "\n]\n");
      break;
    }
    case Format::table: {
      std::vector<std::vector<std::string>> text;
      std::vector<std::size_t> widths(table.columns.size());
      for (std::size_t c = 0; c < table.columns.size(); ++c) {
        widths[c] = width(table.columns[c]);
      }
      for (const auto& row : table.rows) {
        auto& line = text.emplace_back();
        for (std::size_t c = 0; c < row.size(); ++c) {
          line.push_back(localised(row[c], locale));
          widths[c] = std::max(widths[c], width(line.back()));
        }
      }
      const auto numeric = [&](std::size_t c) {
        return !table.rows.empty() && !std::holds_alternative<std::string>(table.rows[0][c]);
      };
      const auto emit = [&](const std::vector<std::string>& cells) {
        std::string line;
        for (std::size_t c = 0; c < cells.size(); ++c) {
          const std::string pad(widths[c] - width(cells[c]), ' ');
          line += (c ? "  " : "") + (numeric(c) ? pad + cells[c] : cells[c] + pad);
        }
        while (!line.empty() && line.back() == ' ') {
          line.pop_back();
        }
        out << line << "\n";
      };
      emit(table.columns);
      for (const auto& line : text) {
        emit(line);
      }
      break;
    }
  }
}

}  // namespace tavla::host::report
