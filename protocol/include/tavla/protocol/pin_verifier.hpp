// The PIN verifier of room-config version 2: an Argon2id hash in the PHC
// string format, of a password that the device secret keys, so that the
// config alone (retained on the broker) does not let anyone try PINs:
//
//   pin_verifier = "$argon2id$v=19$m=<KiB>,t=<passes>,p=<lanes>$<salt>$<hash>"
//   password     = HMAC-SHA256(device secret, pin_verifier_message(participant, pin))
//
// salt and hash in unpadded base64. The host makes verifiers and the kiosk
// checks them; this file spells the format and the message only: hashing is
// not the protocol's.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tavla::protocol {

struct PinVerifierParts {
  std::uint64_t memory_kib = 0;  // m
  std::uint64_t passes = 0;      // t
  std::uint64_t lanes = 0;       // p
  std::string salt;              // bytes
  std::string hash;              // bytes
  bool operator==(const PinVerifierParts&) const = default;
};

// The PHC string of `parts`: the one writer of the format.
[[nodiscard]] std::string format_pin_verifier(const PinVerifierParts& parts);

// The parts of an Argon2id (version 19) PHC string in the canonical spelling
// format_pin_verifier writes, whatever its cost, or nullopt. A room config
// requires more: is_valid_pin_verifier.
[[nodiscard]] std::optional<PinVerifierParts> parse_pin_verifier(std::string_view verifier);

// A verifier a room config may carry: it parses, its salt and hash have the
// lengths of limits.hpp, and its cost is at least the minimum there (so a
// config cannot weaken the PINs it carries) and at most the maximum (so it
// cannot make a kiosk hash for minutes).
[[nodiscard]] bool is_valid_pin_verifier(std::string_view verifier);

// The bytes the device secret keys (HMAC-SHA256) into the Argon2id password:
// "tavla-pin-v1" NUL participant NUL pin. Naming the participant binds a
// verifier to its member.
[[nodiscard]] std::string pin_verifier_message(std::string_view participant, std::string_view pin);

}  // namespace tavla::protocol
