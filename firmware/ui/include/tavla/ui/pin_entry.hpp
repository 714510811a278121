// The digits typed on a PIN pad. Shown as dots, never as digits (the screen
// is shared); cleared after every attempt.
#pragma once

#include <string>

namespace tavla::ui {

struct PinEntry {
  static constexpr std::size_t kMaxDigits = 8;
  std::string digits;

  void press_digit(char digit);  // ignores non-digits and digits beyond the maximum
  void backspace();
  void clear();  // also wipes the memory the digits used
  [[nodiscard]] bool ready() const { return digits.size() >= 4; }
};

}  // namespace tavla::ui
