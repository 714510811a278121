// The number formats of tables and of the csv share column.
#include <array>
#include <utility>

#include "digits.hpp"
#include "tavla/allocation/money.hpp"
#include "wide_int.hpp"

namespace tavla::allocation {
namespace {

struct Separators {
  std::string_view group;
  char decimal_point;
};

Separators separators_of(NumberLocale locale) {
  switch (locale) {
    case NumberLocale::nb:
    case NumberLocale::nn:
      // A plain space, not U+00A0 or U+202F: aligned monospace tables and
      // copy-paste into a spreadsheet both keep working.
      return {" ", ','};
    case NumberLocale::en:
      return {",", '.'};
  }
  return {",", '.'};
}

constexpr std::array<std::pair<NumberLocale, std::string_view>, 3> kLocaleNames{{
    {NumberLocale::nb, "nb"},
    {NumberLocale::nn, "nn"},
    {NumberLocale::en, "en"},
}};

}  // namespace

std::string_view to_string(NumberLocale locale) {
  for (const auto& [value, name] : kLocaleNames) {
    if (value == locale) {
      return name;
    }
  }
  return "en";
}

std::optional<NumberLocale> number_locale_from_string(std::string_view name) {
  for (const auto& [value, known] : kLocaleNames) {
    if (known == name) {
      return value;
    }
  }
  return std::nullopt;
}

std::string format_nok_table(Ore amount, NumberLocale locale) {
  const Separators separators = separators_of(locale);
  return detail::format_hundredths(amount, separators.group, separators.decimal_point);
}

std::string format_integer_table(std::int64_t value, NumberLocale locale) {
  return (value < 0 ? "-" : "") +
         detail::group_digits(detail::magnitude_of(value), separators_of(locale).group);
}

std::optional<std::string> format_fraction(std::int64_t numerator, std::int64_t denominator,
                                           int decimals) {
  constexpr int kMaxDecimals = 18;  // 10^18 × |INT64_MIN| still fits in 128 bits
  if (denominator == 0 || decimals < 0 || decimals > kMaxDecimals) {
    return std::nullopt;
  }
  detail::Wide scale = 1;
  for (int i = 0; i < decimals; ++i) {
    scale *= 10;
  }
  const bool negative = (numerator < 0) != (denominator < 0) && numerator != 0;
  const detail::Wide n = numerator < 0 ? -detail::Wide{numerator} : detail::Wide{numerator};
  const detail::Wide d = denominator < 0 ? -detail::Wide{denominator} : detail::Wide{denominator};
  const detail::Wide scaled = detail::divide_rounding_half_away(n * scale, d);

  const detail::Wide whole = scaled / scale;
  detail::Wide fraction = scaled % scale;
  std::string text = negative && scaled != 0 ? "-" : "";
  // |numerator / denominator| ≤ 2^63: the whole part fits in 64 unsigned bits.
  text += detail::group_digits(static_cast<std::uint64_t>(whole), "");
  if (decimals > 0) {
    std::string digits(static_cast<std::size_t>(decimals), '0');
    for (std::size_t i = digits.size(); i > 0; --i) {
      digits[i - 1] = static_cast<char>('0' + static_cast<int>(fraction % 10));
      fraction /= 10;
    }
    text += '.' + digits;
  }
  return text;
}

}  // namespace tavla::allocation
