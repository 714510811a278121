#include "tavla/protocol/base64.hpp"

#include <array>
#include <cstdint>

namespace tavla::protocol {
namespace {

constexpr std::string_view kAlphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

int value_of(char c) {
  const auto pos = kAlphabet.find(c);
  return pos == std::string_view::npos ? -1 : static_cast<int>(pos);
}

// The padded length's data characters: without its trailing '='s (at most two).
std::optional<std::string_view> strip_padding(std::string_view text) {
  if (text.size() % 4 != 0) {
    return std::nullopt;
  }
  std::size_t pads = 0;
  while (pads < 2 && pads < text.size() && text[text.size() - 1 - pads] == '=') {
    ++pads;
  }
  return text.substr(0, text.size() - pads);
}

}  // namespace

std::string to_base64(std::string_view bytes, Padding padding) {
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  std::size_t i = 0;
  for (; i + 3 <= bytes.size(); i += 3) {
    const std::uint32_t n = (std::uint32_t{static_cast<unsigned char>(bytes[i])} << 16U) |
                            (std::uint32_t{static_cast<unsigned char>(bytes[i + 1])} << 8U) |
                            std::uint32_t{static_cast<unsigned char>(bytes[i + 2])};
    for (const unsigned shift : {18U, 12U, 6U, 0U}) {
      out += kAlphabet[(n >> shift) & 0x3FU];
    }
  }
  const std::size_t rest = bytes.size() - i;
  if (rest > 0) {
    std::uint32_t n = std::uint32_t{static_cast<unsigned char>(bytes[i])} << 16U;
    if (rest == 2) {
      n |= std::uint32_t{static_cast<unsigned char>(bytes[i + 1])} << 8U;
    }
    out += kAlphabet[(n >> 18U) & 0x3FU];
    out += kAlphabet[(n >> 12U) & 0x3FU];
    if (rest == 2) {
      out += kAlphabet[(n >> 6U) & 0x3FU];
    }
    if (padding == Padding::with) {
      out.append(3 - rest, '=');
    }
  }
  return out;
}

std::optional<std::string> from_base64(std::string_view text, Padding padding) {
  std::string_view data = text;
  if (padding == Padding::with) {
    const auto stripped = strip_padding(text);
    if (!stripped) {
      return std::nullopt;
    }
    data = *stripped;
  }
  if (data.size() % 4 == 1) {
    return std::nullopt;  // one character carries only 6 bits: never a whole byte
  }
  std::string out;
  out.reserve(data.size() * 3 / 4);
  std::uint32_t bits = 0;
  unsigned count = 0;
  for (const char c : data) {
    const int v = value_of(c);
    if (v < 0) {
      return std::nullopt;
    }
    bits = (bits << 6U) | static_cast<std::uint32_t>(v);
    count += 6;
    if (count >= 8) {
      count -= 8;
      out += static_cast<char>((bits >> count) & 0xFFU);
    }
  }
  if ((bits & ((1U << count) - 1U)) != 0) {
    return std::nullopt;  // unused bits set: another spelling of the same bytes
  }
  return out;
}

}  // namespace tavla::protocol
