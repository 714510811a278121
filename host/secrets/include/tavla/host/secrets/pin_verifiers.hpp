// PIN verifiers of room-config version 2 (protocol/pin_verifier.hpp): an
// Argon2id hash of HMAC-SHA256(device secret, member and PIN), so that a
// config (retained on the broker) does not let anyone try PINs without the
// device secret.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace tavla::host::secrets {

// Argon2id's cost. The default is OWASP's minimum (protocol/limits.hpp);
// bench/host_pin_hash_cost.sh measures what one costs.
struct PinCost {
  std::uint32_t memory_kib = 19456;
  std::uint32_t passes = 2;
  std::uint32_t lanes = 1;
};

inline constexpr std::size_t kPinSaltBytes = 16;
inline constexpr std::size_t kPinHashBytes = 32;

// The Argon2id password: HMAC-SHA256(device_secret, pin_verifier_message).
[[nodiscard]] std::string pin_password(std::string_view device_secret, std::string_view participant,
                                       std::string_view pin);

// The verifier of `pin` for `participant` with `salt` (kPinSaltBytes random
// bytes: random_salt()).
[[nodiscard]] std::string make_pin_verifier(std::string_view device_secret,
                                            std::string_view participant, std::string_view pin,
                                            std::string_view salt, PinCost cost = {});

[[nodiscard]] std::string random_salt();

// Whether `pin` of `participant` matches `verifier` under `device_secret`.
[[nodiscard]] bool check_pin(std::string_view device_secret, std::string_view participant,
                             std::string_view pin, std::string_view verifier);

// What the host's cache keeps to know a cached verifier is still the one of
// the member's current PIN without hashing again (an HMAC under the device
// secret, of another context than the password). It lives beside the
// members' files, which hold the PINs themselves, so it gives nothing away.
[[nodiscard]] std::string pin_fingerprint(std::string_view device_secret,
                                          std::string_view participant, std::string_view pin);

}  // namespace tavla::host::secrets
