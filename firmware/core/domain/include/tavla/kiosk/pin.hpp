// PINs: checked against the room config's pin_hash
// ("sha256:<salt hex>:<hex of sha256(salt bytes || pin ascii)>", OpenSSL's
// SHA-256), and a lockout after repeated failures so a 4-digit PIN cannot be
// tried out on the shared screen.
#pragma once

#include <optional>
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
