#include "tavla/protocol/pin_hash.hpp"

#include <algorithm>

#include "tavla/protocol/limits.hpp"

namespace tavla::protocol {
namespace {

constexpr std::string_view kScheme = "sha256:";
constexpr std::size_t kDigestHex = 64;

int hex_value(char c) {
  if (c >= '0' && c <= '9') {
    return c - '0';
  }
  if (c >= 'a' && c <= 'f') {
    return c - 'a' + 10;
  }
  if (c >= 'A' && c <= 'F') {
    return c - 'A' + 10;
  }
  return -1;
}

bool is_lower_hex(std::string_view s) {
  return std::ranges::all_of(
      s, [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

}  // namespace

std::string to_hex(std::string_view bytes) {
  constexpr std::string_view kDigits = "0123456789abcdef";
  std::string hex;
  hex.reserve(bytes.size() * 2);
  for (const char c : bytes) {
    const auto byte = static_cast<unsigned char>(c);
    hex += kDigits[byte >> 4U];
    hex += kDigits[byte & 0xFU];
  }
  return hex;
}

std::optional<std::string> from_hex(std::string_view hex) {
  if (hex.size() % 2 != 0) {
    return std::nullopt;
  }
  std::string bytes;
  bytes.reserve(hex.size() / 2);
  for (std::size_t i = 0; i < hex.size(); i += 2) {
    const int hi = hex_value(hex[i]);
    const int lo = hex_value(hex[i + 1]);
    if (hi < 0 || lo < 0) {
      return std::nullopt;
    }
    bytes += static_cast<char>((hi << 4) | lo);
  }
  return bytes;
}

bool is_valid_pin_hash(std::string_view hash) {
  if (!hash.starts_with(kScheme)) {
    return false;
  }
  hash.remove_prefix(kScheme.size());
  const auto colon = hash.find(':');
  if (colon == std::string_view::npos) {
    return false;
  }
  const auto salt = hash.substr(0, colon);
  const auto digest = hash.substr(colon + 1);
  return salt.size() >= kMinPinSaltHex && salt.size() <= kMaxPinSaltHex && salt.size() % 2 == 0 &&
         is_lower_hex(salt) && digest.size() == kDigestHex && is_lower_hex(digest);
}

std::string format_pin_hash(const PinHashParts& parts) {
  std::string hash(kScheme);
  hash.append(to_hex(parts.salt)).append(":").append(to_hex(parts.digest));
  return hash;
}

std::optional<PinHashParts> parse_pin_hash(std::string_view hash) {
  if (!is_valid_pin_hash(hash)) {
    return std::nullopt;
  }
  hash.remove_prefix(kScheme.size());
  const auto colon = hash.find(':');
  return PinHashParts{from_hex(hash.substr(0, colon)).value(),
                      from_hex(hash.substr(colon + 1)).value()};
}

}  // namespace tavla::protocol
