// PINs: checked against the room config's pin_verifier (config version 2:
// Argon2id of HMAC-SHA256(device secret, member and PIN), libargon2 and
// OpenSSL; protocol/pin_verifier.hpp) or pin_hash (version 1:
// "sha256:<salt hex>:<hex of sha256(salt bytes || pin ascii)>"), and a
// lockout after repeated failures so a 4-digit PIN cannot be tried out on
// the shared screen.
#pragma once

#include <optional>
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

// After `max_failures` wrong PINs in a row, every PIN is refused for
// `lockout`; a right PIN resets the count. Kept in memory only: a reboot
// (minutes on a Pi) resets it, which still bounds guessing to a few tries a
// minute. Not thread-safe: the Kiosk serialises calls.
class PinGuard {
 public:
  PinGuard(int max_failures, Milliseconds lockout)
      : max_failures_(max_failures), lockout_(lockout) {}
  [[nodiscard]] std::optional<Timestamp> locked_until(Timestamp now) const;
  void failed(Timestamp now);
  void succeeded() { failures_ = 0; }

 private:
  int max_failures_;
  Milliseconds lockout_;
  int failures_ = 0;
  std::optional<Timestamp> locked_until_;
};

}  // namespace tavla::kiosk
