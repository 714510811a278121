#include "tavla/allocation/money.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>

#include "digits.hpp"

namespace tavla::allocation {
namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

}  // namespace

std::optional<Ore> parse_nok(std::string_view text) {
  const bool negative = !text.empty() && text.front() == '-';
  if (negative) {
    text.remove_prefix(1);
  }
  // The magnitude may reach INT64_MAX øre; -INT64_MAX is the lowest result,
  // so negating never overflows.
  constexpr Ore kMax = std::numeric_limits<Ore>::max();
  Ore kroner = 0;
  std::size_t i = 0;
  for (; i < text.size() && is_digit(text[i]); ++i) {
    const int digit = text[i] - '0';
    if (kroner > (kMax / 100 - digit) / 10) {
      return std::nullopt;
    }
    kroner = kroner * 10 + digit;
  }
  if (i == 0) {
    return std::nullopt;  // no digits before the separator, or nothing at all
  }
  Ore ore = 0;
  if (i < text.size()) {
    if (text[i] != '.' && text[i] != ',') {
      return std::nullopt;
    }
    const std::string_view decimals = text.substr(i + 1);
    if (decimals.empty() || decimals.size() > 2) {
      return std::nullopt;
    }
    for (const char c : decimals) {
      if (!is_digit(c)) {
        return std::nullopt;
      }
    }
    ore = (decimals[0] - '0') * 10 + (decimals.size() == 2 ? decimals[1] - '0' : 0);
  }
  if (kroner > (kMax - ore) / 100) {
    return std::nullopt;
  }
  const Ore magnitude = kroner * 100 + ore;
  return negative ? -magnitude : magnitude;
}

std::optional<std::int64_t> parse_hours(std::string_view text) {
  constexpr std::size_t kMaxWholeDigits = 9;
  const std::size_t whole = text.find_first_of(".,");
  if (text.starts_with('-') || std::min(whole, text.size()) > kMaxWholeDigits) {
    return std::nullopt;
  }
  return parse_nok(text);
}

std::string format_nok_plain(Ore amount) {
  return detail::format_hundredths(amount, "", '.');
}

}  // namespace tavla::allocation
