#include "digits.hpp"

#include <algorithm>

namespace tavla::allocation::detail {

std::uint64_t magnitude_of(std::int64_t value) {
  const auto bits = static_cast<std::uint64_t>(value);
  return value < 0 ? ~bits + 1 : bits;
}

std::string group_digits(std::uint64_t magnitude, std::string_view group_separator) {
  std::string reversed;
  int in_group = 0;
  do {
    if (in_group == 3) {
      reversed.append(group_separator.rbegin(), group_separator.rend());
      in_group = 0;
    }
    reversed.push_back(static_cast<char>('0' + magnitude % 10));
    magnitude /= 10;
    ++in_group;
  } while (magnitude != 0);
  std::reverse(reversed.begin(), reversed.end());
  return reversed;
}

std::string format_hundredths(std::int64_t value, std::string_view group_separator,
                              char decimal_point) {
  const std::uint64_t magnitude = magnitude_of(value);
  std::string text = value < 0 ? "-" : "";
  text += group_digits(magnitude / 100, group_separator);
  text.push_back(decimal_point);
  text.push_back(static_cast<char>('0' + magnitude % 100 / 10));
  text.push_back(static_cast<char>('0' + magnitude % 10));
  return text;
}

}  // namespace tavla::allocation::detail
