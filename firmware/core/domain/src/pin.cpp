#include "tavla/kiosk/pin.hpp"

#include <openssl/crypto.h>
#include <openssl/sha.h>

#include <array>
#include <string>
#include <vector>

#include "tavla/protocol/pin_hash.hpp"

namespace tavla::kiosk {
namespace {

// sha256(salt bytes || pin ascii) as bytes.
std::string digest(std::string_view salt, std::string_view pin) {
  std::vector<unsigned char> input(salt.begin(), salt.end());
  input.insert(input.end(), pin.begin(), pin.end());
  std::array<unsigned char, SHA256_DIGEST_LENGTH> out{};
  SHA256(input.data(), input.size(), out.data());
  return {out.begin(), out.end()};
}

}  // namespace

bool pin_matches(std::string_view pin_hash, std::string_view pin) {
  const auto parts = protocol::parse_pin_hash(pin_hash);
  if (!parts) {
    return false;
  }
  const auto actual = digest(parts->salt, pin);
  return parts->digest.size() == actual.size() &&
         CRYPTO_memcmp(actual.data(), parts->digest.data(), actual.size()) == 0;
}

std::string make_pin_hash(std::string_view salt_hex, std::string_view pin) {
  const auto salt = protocol::from_hex(salt_hex);
  if (!salt) {
    return {};
  }
  return protocol::format_pin_hash({*salt, digest(*salt, pin)});
}

bool pin_accepted(const std::optional<std::string>& verifier, std::string_view pin) {
  return verifier.has_value() && pin_matches(*verifier, pin);
}

}  // namespace tavla::kiosk
