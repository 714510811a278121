// The PIN lockout: per person (their participant id, or "admin" for the
// operator's PIN) and per device, so one person's wrong tries lock only that
// person, and a leader is locked only by the leader's own. A person gets
// `free_tries` wrong tries; the last of them locks for `first_lock`, and
// each wrong try after a lock has passed locks again for 5 and then 15 times
// that (and 15 times from then on). A right PIN forgets that person's count.
// Plain logic: the Kiosk keeps it under its lock and persists every change
// (LocalStore), so a restart does not reset it.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "tavla/kiosk/time.hpp"

namespace tavla::kiosk {

// One person's count, as persisted.
struct LockoutEntry {
  int failures = 0;  // wrong tries since the last lock (or since the start)
  int locks = 0;     // locks so far
  std::optional<Timestamp> locked_until;
  bool operator==(const LockoutEntry&) const = default;
};

class PinLockout {
 public:
  static constexpr const char* kAdminKey = "admin";

  PinLockout(int free_tries, Milliseconds first_lock,
             std::map<std::string, LockoutEntry> entries = {});

  // Until when `key`'s PIN is refused without being checked, if it is.
  [[nodiscard]] std::optional<Timestamp> locked_until(const std::string& key, Timestamp now) const;
  // How many wrong tries `key` has before the next lock (0 while locked).
  [[nodiscard]] int tries_left(const std::string& key, Timestamp now) const;
  // A wrong PIN for `key` at `now`: its entry as it is now (to persist).
  LockoutEntry failed(const std::string& key, Timestamp now);
  // A right PIN: the count is forgotten.
  void succeeded(const std::string& key);

  [[nodiscard]] const std::map<std::string, LockoutEntry>& entries() const { return entries_; }

 private:
  [[nodiscard]] Milliseconds lock_for(int locks_before) const;

  int free_tries_;
  Milliseconds first_lock_;
  std::map<std::string, LockoutEntry> entries_;
};

}  // namespace tavla::kiosk
