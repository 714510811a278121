#include "tavla/host/secrets/pin_verifiers.hpp"

#include <argon2.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

#include <array>

#include "key_files.hpp"
#include "tavla/host/secrets/secrets.hpp"
#include "tavla/protocol/pin_hash.hpp"
#include "tavla/protocol/pin_verifier.hpp"

namespace tavla::host::secrets {
namespace {

std::string hmac_sha256(std::string_view key, std::string_view message) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> mac{};
  unsigned int size = 0;
  if (HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()), detail::uchars(message),
           message.size(), mac.data(), &size) == nullptr) {
    throw SecretsError("HMAC-SHA256 failed");
  }
  return {mac.begin(), mac.begin() + size};
}

std::string argon2id(std::string_view password, std::string_view salt, PinCost cost,
                     std::size_t hash_bytes) {
  std::string hash(hash_bytes, '\0');
  const int rc =
      argon2id_hash_raw(cost.passes, cost.memory_kib, cost.lanes, password.data(), password.size(),
                        salt.data(), salt.size(), hash.data(), hash.size());
  if (rc != ARGON2_OK) {
    throw SecretsError(std::string("Argon2id failed: ") + argon2_error_message(rc));
  }
  return hash;
}

}  // namespace

std::string pin_password(std::string_view device_secret, std::string_view participant,
                         std::string_view pin) {
  return hmac_sha256(device_secret, protocol::pin_verifier_message(participant, pin));
}

std::string make_pin_verifier(std::string_view device_secret, std::string_view participant,
                              std::string_view pin, std::string_view salt, PinCost cost) {
  const std::string hash =
      argon2id(pin_password(device_secret, participant, pin), salt, cost, kPinHashBytes);
  return protocol::format_pin_verifier(
      {cost.memory_kib, cost.passes, cost.lanes, std::string(salt), hash});
}

std::string random_salt() {
  std::string salt(kPinSaltBytes, '\0');
  if (RAND_bytes(detail::uchars(salt), static_cast<int>(salt.size())) != 1) {
    throw SecretsError("no randomness from OpenSSL");
  }
  return salt;
}

bool check_pin(std::string_view device_secret, std::string_view participant, std::string_view pin,
               std::string_view verifier) {
  const auto parts = protocol::parse_pin_verifier(verifier);
  if (!parts || !protocol::is_valid_pin_verifier(verifier)) {
    return false;
  }
  const PinCost cost{static_cast<std::uint32_t>(parts->memory_kib),
                     static_cast<std::uint32_t>(parts->passes),
                     static_cast<std::uint32_t>(parts->lanes)};
  const std::string hash = argon2id(pin_password(device_secret, participant, pin), parts->salt,
                                    cost, parts->hash.size());
  return CRYPTO_memcmp(hash.data(), parts->hash.data(), hash.size()) == 0;
}

std::string pin_fingerprint(std::string_view device_secret, std::string_view participant,
                            std::string_view pin) {
  return protocol::to_hex(hmac_sha256(
      device_secret, "tavla-pin-cache-v1" + protocol::pin_verifier_message(participant, pin)));
}

}  // namespace tavla::host::secrets
