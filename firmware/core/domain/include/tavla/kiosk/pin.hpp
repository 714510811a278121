// PINs: checked against the room config's pin_verifier (config version 2:
// Argon2id of HMAC-SHA256(device secret, member and PIN), libargon2 and
// OpenSSL; protocol/pin_verifier.hpp) or pin_hash (version 1:
// "sha256:<salt hex>:<hex of sha256(salt bytes || pin ascii)>"). The lockout
// that keeps a 4-digit PIN from being tried out on the shared screen is
// pin_lockout.hpp.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "tavla/protocol/room_config.hpp"

#include "tavla/kiosk/time.hpp"

namespace tavla::kiosk {

// True when `pin` hashes to `pin_hash`. A hash not in the protocol's format
// (protocol/pin_hash.hpp) never matches. The final comparison takes the same
// time wherever the digests differ.
[[nodiscard]] bool pin_matches(std::string_view pin_hash, std::string_view pin);

// True when `pin` is `participant`'s under `verifier` and the device secret.
// A verifier outside what a config may carry (protocol::is_valid_pin_verifier)
// or an empty secret never matches. Costs one Argon2id hash (tens of ms).
[[nodiscard]] bool pin_verifier_matches(std::string_view device_secret,
                                        std::string_view participant, std::string_view pin,
                                        std::string_view verifier);

// Whether the member has a PIN in the config in force (either format).
[[nodiscard]] bool has_pin(const protocol::Member& member);
// The member's PIN check in whichever format the config carries it.
[[nodiscard]] bool member_pin_matches(const protocol::Member& member, std::string_view pin,
                                      std::string_view device_secret);

// "sha256:<salt hex>:<digest hex>" for a salt given in hex: tests, and tools
// that provision an admin PIN.
[[nodiscard]] std::string make_pin_hash(std::string_view salt_hex, std::string_view pin);

// The one place the kiosk checks a PIN against a verifier (a member's
// pin_hash or the operator's admin_pin_hash): false without a verifier. A
// change of the verifier's format changes this function only.
[[nodiscard]] bool pin_accepted(const std::optional<std::string>& verifier, std::string_view pin);

}  // namespace tavla::kiosk
