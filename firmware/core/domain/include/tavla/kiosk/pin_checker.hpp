// How the domain checks a member's PIN. A version-2 verifier costs one
// Argon2id hash (tens of milliseconds here, more on a Pi), so the engine
// checks the PIN a command carries before it takes the lock that guards the
// kiosk's state (`check_ahead`), and the domain, under the lock, takes that
// verdict as long as the member's verifier is still the one it was reached
// with; anything else is checked on the spot.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "tavla/protocol/room_config.hpp"

namespace tavla::kiosk {

class PinChecker {
 public:
  // `device_secret` keys version-2 verifiers; it must outlive the checker.
  explicit PinChecker(std::string_view device_secret) : device_secret_(device_secret) {}

  // Checks `pin` against `member`'s verifier now and keeps the verdict.
  void check_ahead(const protocol::Member& member, std::string_view pin);

  // Whether `pin` is `member`'s: the verdict kept by check_ahead for this
  // member, PIN and verifier, else a check now.
  [[nodiscard]] bool matches(const protocol::Member& member, std::string_view pin) const;

 private:
  struct Verdict {
    std::string participant;
    std::string pin;
    std::string verifier;  // pin_verifier or pin_hash, as checked
    bool matches = false;
  };

  std::string_view device_secret_;
  std::optional<Verdict> ahead_;
};

}  // namespace tavla::kiosk
