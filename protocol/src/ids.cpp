#include "tavla/protocol/ids.hpp"

#include <algorithm>
#include <cstdint>

#include "tavla/protocol/limits.hpp"

namespace tavla::protocol {
namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_lower(char c) {
  return c >= 'a' && c <= 'z';
}
bool is_alnum(char c) {
  return is_digit(c) || is_lower(c) || (c >= 'A' && c <= 'Z');
}

template <class Allowed>
bool all_of(std::string_view text, std::size_t min, std::size_t max, Allowed allowed) {
  if (text.size() < min || text.size() > max) {
    return false;
  }
  return std::ranges::all_of(text, allowed);
}

}  // namespace

bool is_valid_name(std::string_view name) {
  return !name.empty() && (is_digit(name.front()) || is_lower(name.front())) &&
         all_of(name, 1, kMaxNameLength,
                [](char c) { return is_digit(c) || is_lower(c) || c == '-'; });
}

bool is_valid_event_id(std::string_view id) {
  return all_of(id, kMinEventIdLength, kMaxEventIdLength,
                [](char c) { return is_alnum(c) || c == '_' || c == '-'; });
}

bool is_valid_epoch(std::string_view epoch) {
  return all_of(epoch, kMinEpochLength, kMaxEpochLength,
                [](char c) { return is_alnum(c) || c == '_' || c == '-'; });
}

bool is_valid_id(std::string_view id) {
  return all_of(id, 1, kMaxIdLength,
                [](char c) { return is_alnum(c) || c == '_' || c == '.' || c == '-'; });
}

bool is_valid_utf8(std::string_view bytes) {
  // RFC 3629: shortest form only, no surrogates, nothing above U+10FFFF.
  std::size_t i = 0;
  const std::size_t n = bytes.size();
  while (i < n) {
    const auto b0 = static_cast<std::uint8_t>(bytes[i]);
    if (b0 < 0x80U) {
      ++i;
      continue;
    }
    std::size_t length = 0;
    std::uint8_t low = 0x80U;
    std::uint8_t high = 0xBFU;
    if (b0 >= 0xC2U && b0 <= 0xDFU) {
      length = 2;
    } else if (b0 >= 0xE0U && b0 <= 0xEFU) {
      length = 3;
      if (b0 == 0xE0U) {
        low = 0xA0U;  // no overlong forms
      } else if (b0 == 0xEDU) {
        high = 0x9FU;  // no surrogates
      }
    } else if (b0 >= 0xF0U && b0 <= 0xF4U) {
      length = 4;
      if (b0 == 0xF0U) {
        low = 0x90U;
      } else if (b0 == 0xF4U) {
        high = 0x8FU;  // nothing above U+10FFFF
      }
    } else {
      return false;
    }
    if (i + length > n) {
      return false;
    }
    const auto b1 = static_cast<std::uint8_t>(bytes[i + 1]);
    if (b1 < low || b1 > high) {
      return false;
    }
    for (std::size_t k = 2; k < length; ++k) {
      const auto bk = static_cast<std::uint8_t>(bytes[i + k]);
      if (bk < 0x80U || bk > 0xBFU) {
        return false;
      }
    }
    i += length;
  }
  return true;
}

std::optional<std::string> text_problem(std::string_view text, std::size_t min_bytes) {
  if (!is_valid_utf8(text)) {
    return "is not valid UTF-8";
  }
  if (text.size() < min_bytes || text.size() > kMaxTextBytes) {
    return "must be " + std::to_string(min_bytes) + "-" + std::to_string(kMaxTextBytes) +
           " bytes, is " + std::to_string(text.size());
  }
  for (const char c : text) {
    const auto byte = static_cast<std::uint8_t>(c);
    if ((byte < 0x20U && c != '\t' && c != '\n') || byte == 0x7FU) {
      return "contains a control character";
    }
  }
  return std::nullopt;
}

}  // namespace tavla::protocol
