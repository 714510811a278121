#include "tavla/kiosk/pin.hpp"

#include <openssl/crypto.h>
#include <openssl/sha.h>

#include <array>
#include <string>
#include <vector>

namespace tavla::kiosk {
namespace {

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

std::optional<std::vector<std::uint8_t>> from_hex(std::string_view hex) {
  if (hex.size() % 2 != 0) {
    return std::nullopt;
  }
  std::vector<std::uint8_t> out;
  out.reserve(hex.size() / 2);
  for (std::size_t i = 0; i < hex.size(); i += 2) {
    const int hi = hex_value(hex[i]);
    const int lo = hex_value(hex[i + 1]);
    if (hi < 0 || lo < 0) {
      return std::nullopt;
    }
    out.push_back(static_cast<std::uint8_t>(hi * 16 + lo));
  }
  return out;
}

std::array<std::uint8_t, SHA256_DIGEST_LENGTH> digest(const std::vector<std::uint8_t>& salt,
                                                      std::string_view pin) {
  std::vector<std::uint8_t> input(salt);
  input.insert(input.end(), pin.begin(), pin.end());
  std::array<std::uint8_t, SHA256_DIGEST_LENGTH> out{};
  SHA256(input.data(), input.size(), out.data());
  return out;
}

}  // namespace

bool pin_matches(std::string_view pin_hash, std::string_view pin) {
  constexpr std::string_view kPrefix = "sha256:";
  if (!pin_hash.starts_with(kPrefix)) {
    return false;
  }
  const auto rest = pin_hash.substr(kPrefix.size());
  const auto colon = rest.find(':');
  if (colon == std::string_view::npos) {
    return false;
  }
  const auto salt = from_hex(rest.substr(0, colon));
  const auto expected = from_hex(rest.substr(colon + 1));
  if (!salt || salt->empty() || !expected || expected->size() != SHA256_DIGEST_LENGTH) {
    return false;
  }
  const auto actual = digest(*salt, pin);
  return CRYPTO_memcmp(actual.data(), expected->data(), actual.size()) == 0;
}

std::string make_pin_hash(std::string_view salt_hex, std::string_view pin) {
  const auto salt = from_hex(salt_hex);
  if (!salt) {
    return {};
  }
  static constexpr std::string_view kHex = "0123456789abcdef";
  std::string out = "sha256:" + std::string(salt_hex) + ":";
  for (const auto byte : digest(*salt, pin)) {
    out += kHex[byte >> 4U];
    out += kHex[byte & 0xFU];
  }
  return out;
}

std::optional<Timestamp> PinGuard::locked_until(Timestamp now) const {
  if (locked_until_ && now < *locked_until_) {
    return locked_until_;
  }
  return std::nullopt;
}

void PinGuard::failed(Timestamp now) {
  if (locked_until_ && now >= *locked_until_) {
    locked_until_.reset();
    failures_ = 0;
  }
  if (++failures_ >= max_failures_) {
    locked_until_ = now + lockout_;
  }
}

}  // namespace tavla::kiosk
