// The room config's PIN hash format and the hex spelling it uses, written
// once for the host (which makes hashes) and the kiosk (which checks them).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace tavla::protocol {

// Lowercase hex of `bytes`.
[[nodiscard]] std::string to_hex(std::string_view bytes);
// The bytes of lowercase or uppercase hex, or nullopt for an odd length or
// a character that is not a hex digit.
[[nodiscard]] std::optional<std::string> from_hex(std::string_view hex);

// "sha256:<salt hex>:<64 lowercase hex>" with kMinPinSaltHex..kMaxPinSaltHex
// lowercase hex digits of salt (an even number).
[[nodiscard]] bool is_valid_pin_hash(std::string_view hash);

struct PinHashParts {
  std::string salt;    // bytes
  std::string digest;  // 32 bytes
};

// The hash of `parts` (salt and digest as bytes): the one writer of the
// format. The caller makes the digest (sha256(salt || pin)): hashing is not
// the protocol's.
[[nodiscard]] std::string format_pin_hash(const PinHashParts& parts);

// The salt and digest of a valid hash, or nullopt.
[[nodiscard]] std::optional<PinHashParts> parse_pin_hash(std::string_view hash);

}  // namespace tavla::protocol
