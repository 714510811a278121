#include "tavla/kiosk/pin.hpp"

#include <argon2.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/sha.h>

#include <array>
#include <string>
#include <vector>

#include "tavla/protocol/pin_hash.hpp"
#include "tavla/protocol/pin_verifier.hpp"

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

bool pin_verifier_matches(std::string_view device_secret, std::string_view participant,
                          std::string_view pin, std::string_view verifier) {
  const auto parts = protocol::parse_pin_verifier(verifier);
  if (device_secret.empty() || !parts || !protocol::is_valid_pin_verifier(verifier)) {
    return false;
  }
  const std::string message = protocol::pin_verifier_message(participant, pin);
  std::array<unsigned char, EVP_MAX_MD_SIZE> password{};
  unsigned int password_size = 0;
  if (HMAC(EVP_sha256(), device_secret.data(), static_cast<int>(device_secret.size()),
           reinterpret_cast<const unsigned char*>(message.data()), message.size(), password.data(),
           &password_size) == nullptr) {
    return false;
  }
  std::string hash(parts->hash.size(), '\0');
  if (argon2id_hash_raw(
          static_cast<std::uint32_t>(parts->passes), static_cast<std::uint32_t>(parts->memory_kib),
          static_cast<std::uint32_t>(parts->lanes), password.data(), password_size,
          parts->salt.data(), parts->salt.size(), hash.data(), hash.size()) != ARGON2_OK) {
    return false;
  }
  return CRYPTO_memcmp(hash.data(), parts->hash.data(), hash.size()) == 0;
}

bool has_pin(const protocol::Member& member) {
  return member.pin_verifier.has_value() || member.pin_hash.has_value();
}

bool member_pin_matches(const protocol::Member& member, std::string_view pin,
                        std::string_view device_secret) {
  if (member.pin_verifier) {
    return pin_verifier_matches(device_secret, member.participant, pin, *member.pin_verifier);
  }
  return member.pin_hash && pin_matches(*member.pin_hash, pin);
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
