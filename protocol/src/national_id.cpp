#include "tavla/protocol/national_id.hpp"

#include <array>
#include <string>

namespace tavla::protocol {
namespace {

constexpr std::size_t kDigits = 11;
constexpr std::size_t kDateDigits = 6;

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

int digit(std::string_view s, std::size_t i) {
  return s[i] - '0';
}

int two_digits(std::string_view s, std::size_t i) {
  return digit(s, i) * 10 + digit(s, i + 1);
}

// The control digit for weights over the leading digits, or -1 when the
// remainder makes no valid number.
int control_digit(std::string_view s, const std::array<int, 10>& weights, std::size_t count) {
  int sum = 0;
  for (std::size_t i = 0; i < count; ++i) {
    sum += weights[i] * digit(s, i);
  }
  const int k = 11 - (sum % 11);
  if (k == 11) {
    return 0;
  }
  return k == 10 ? -1 : k;
}

// The full year from the two-digit year and the individual number, or 0
// when the combination is not one that is issued.
int full_year(int yy, int individual) {
  if (individual <= 499) {
    return 1900 + yy;
  }
  if (individual <= 749 && yy >= 54) {
    return 1800 + yy;
  }
  if (yy <= 39) {
    return 2000 + yy;
  }
  if (individual >= 900) {
    return 1900 + yy;
  }
  return 0;
}

bool is_leap(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

bool is_date(int day, int month, int year) {
  static constexpr std::array<int, 12> kDays{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1 || year == 0) {
    return false;
  }
  const int last = kDays[static_cast<std::size_t>(month - 1)] + (month == 2 && is_leap(year));
  return day <= last;
}

bool has_valid_date(std::string_view s) {
  int day = two_digits(s, 0);
  int month = two_digits(s, 2);
  if (day > 40) {
    day -= 40;  // D-number
  }
  if (month > 80) {
    month -= 80;  // synthetic test number
  } else if (month > 40) {
    month -= 40;  // H-number
  }
  const int individual = digit(s, 6) * 100 + two_digits(s, 7);
  return is_date(day, month, full_year(two_digits(s, 4), individual));
}

// The 11 digits of a candidate starting at `at`, or an empty string.
std::string candidate_at(std::string_view text, std::size_t at) {
  std::string digits;
  std::size_t i = at;
  while (i < text.size() && digits.size() < kDigits) {
    if (is_digit(text[i])) {
      digits += text[i];
    } else if (digits.size() == kDateDigits && i == at + kDateDigits &&
               (text[i] == ' ' || text[i] == '-' || text[i] == '.')) {
      // one separator after the date
    } else {
      break;
    }
    ++i;
  }
  const bool stands_alone = i >= text.size() || !is_digit(text[i]);
  return digits.size() == kDigits && stands_alone ? digits : std::string{};
}

}  // namespace

bool is_national_id(std::string_view s) {
  if (s.size() != kDigits) {
    return false;
  }
  for (const char c : s) {
    if (!is_digit(c)) {
      return false;
    }
  }
  static constexpr std::array<int, 10> kFirst{3, 7, 6, 1, 8, 9, 4, 5, 2, 0};
  static constexpr std::array<int, 10> kSecond{5, 4, 3, 2, 7, 6, 5, 4, 3, 2};
  return has_valid_date(s) && control_digit(s, kFirst, 9) == digit(s, 9) &&
         control_digit(s, kSecond, 10) == digit(s, 10);
}

std::optional<std::size_t> find_national_id(std::string_view text) {
  for (std::size_t at = 0; at < text.size(); ++at) {
    const bool starts_run = is_digit(text[at]) && (at == 0 || !is_digit(text[at - 1]));
    if (starts_run && is_national_id(candidate_at(text, at))) {
      return at;
    }
  }
  return std::nullopt;
}

}  // namespace tavla::protocol
