#include "tavla/ui/utf8.hpp"

namespace tavla::ui::utf8 {
namespace {

constexpr char32_t kReplacement = 0xFFFD;

bool is_continuation_byte(unsigned char byte) {
  return (byte & 0xC0U) == 0x80U;
}

}  // namespace

std::vector<char32_t> decode(std::string_view text) {
  std::vector<char32_t> out;
  std::size_t i = 0;
  while (i < text.size()) {
    const auto lead = static_cast<unsigned char>(text[i]);
    std::size_t extra = 0;
    char32_t cp = 0;
    if (lead < 0x80U) {
      cp = lead;
    } else if ((lead & 0xE0U) == 0xC0U) {
      extra = 1;
      cp = lead & 0x1FU;
    } else if ((lead & 0xF0U) == 0xE0U) {
      extra = 2;
      cp = lead & 0x0FU;
    } else if ((lead & 0xF8U) == 0xF0U) {
      extra = 3;
      cp = lead & 0x07U;
    } else {
      out.push_back(kReplacement);
      ++i;
      continue;
    }
    if (i + extra >= text.size() && extra > 0) {  // truncated at the end
      out.push_back(kReplacement);
      break;
    }
    bool ok = true;
    for (std::size_t k = 1; k <= extra; ++k) {
      const auto byte = static_cast<unsigned char>(text[i + k]);
      if (!is_continuation_byte(byte)) {
        ok = false;
        break;
      }
      cp = (cp << 6U) | (byte & 0x3FU);
    }
    if (!ok) {
      out.push_back(kReplacement);
      ++i;
      continue;
    }
    out.push_back(cp);
    i += extra + 1;
  }
  return out;
}

std::string encode(char32_t cp) {
  std::string out;
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0U | (cp >> 6U));
    out += static_cast<char>(0x80U | (cp & 0x3FU));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0U | (cp >> 12U));
    out += static_cast<char>(0x80U | ((cp >> 6U) & 0x3FU));
    out += static_cast<char>(0x80U | (cp & 0x3FU));
  } else {
    out += static_cast<char>(0xF0U | (cp >> 18U));
    out += static_cast<char>(0x80U | ((cp >> 12U) & 0x3FU));
    out += static_cast<char>(0x80U | ((cp >> 6U) & 0x3FU));
    out += static_cast<char>(0x80U | (cp & 0x3FU));
  }
  return out;
}

void pop_back(std::string& text) {
  while (!text.empty()) {
    const auto byte = static_cast<unsigned char>(text.back());
    text.pop_back();
    if (!is_continuation_byte(byte)) {
      return;
    }
  }
}

std::size_t length(std::string_view text) {
  std::size_t n = 0;
  for (const char c : text) {
    n += is_continuation_byte(static_cast<unsigned char>(c)) ? 0 : 1;
  }
  return n;
}

char32_t to_lower(char32_t c) {
  if ((c >= U'A' && c <= U'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7)) {
    return c + 0x20;
  }
  return c;
}

char32_t to_upper(char32_t c) {
  if ((c >= U'a' && c <= U'z') || (c >= 0xE0 && c <= 0xFE && c != 0xF7)) {
    return c - 0x20;
  }
  return c;
}

std::string to_lower(std::string_view text) {
  std::string out;
  for (const char32_t c : decode(text)) {
    out += encode(to_lower(c));
  }
  return out;
}

}  // namespace tavla::ui::utf8
