#include "tavla/ui/pin_entry.hpp"

#include <algorithm>

namespace tavla::ui {

void PinEntry::press_digit(char digit) {
  if (digit >= '0' && digit <= '9' && digits.size() < kMaxDigits) {
    digits.push_back(digit);
  }
}

void PinEntry::backspace() {
  if (!digits.empty()) {
    digits.pop_back();
  }
}

void PinEntry::clear() {
  std::fill(digits.begin(), digits.end(), '\0');
  digits.clear();
}

}  // namespace tavla::ui
