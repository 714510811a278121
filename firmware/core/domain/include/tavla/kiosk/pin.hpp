// PINs: checked against the room config's pin_hash
// ("sha256:<salt hex>:<hex of sha256(salt bytes || pin ascii)>", OpenSSL's
// SHA-256). The lockout that keeps a 4-digit PIN from being tried out on the
// shared screen is pin_lockout.hpp.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "tavla/kiosk/time.hpp"

namespace tavla::kiosk {

// True when `pin` hashes to `pin_hash`. A hash not in the protocol's format
// (protocol/pin_hash.hpp) never matches. The final comparison takes the same
// time wherever the digests differ.
[[nodiscard]] bool pin_matches(std::string_view pin_hash, std::string_view pin);

// "sha256:<salt hex>:<digest hex>" for a salt given in hex: tests, and tools
// that provision an admin PIN.
[[nodiscard]] std::string make_pin_hash(std::string_view salt_hex, std::string_view pin);

// The one place the kiosk checks a PIN against a verifier (a member's
// pin_hash or the operator's admin_pin_hash): false without a verifier. A
// change of the verifier's format changes this function only.
[[nodiscard]] bool pin_accepted(const std::optional<std::string>& verifier, std::string_view pin);

}  // namespace tavla::kiosk
