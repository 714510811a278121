#include "tavla/kiosk/pin_lockout.hpp"

#include <algorithm>
#include <array>

namespace tavla::kiosk {

PinLockout::PinLockout(int free_tries, Milliseconds first_lock,
                       std::map<std::string, LockoutEntry> entries)
    : free_tries_(std::max(1, free_tries)), first_lock_(first_lock), entries_(std::move(entries)) {}

std::optional<Timestamp> PinLockout::locked_until(const std::string& key, Timestamp now) const {
  const auto it = entries_.find(key);
  if (it == entries_.end() || !it->second.locked_until || now >= *it->second.locked_until) {
    return std::nullopt;
  }
  return it->second.locked_until;
}

int PinLockout::tries_left(const std::string& key, Timestamp now) const {
  const auto it = entries_.find(key);
  if (it == entries_.end()) {
    return free_tries_;
  }
  if (locked_until(key, now)) {
    return 0;
  }
  // After a lock, each try is the last before the next one.
  return it->second.locks == 0 ? free_tries_ - it->second.failures : 1;
}

Milliseconds PinLockout::lock_for(int locks_before) const {
  constexpr std::array<int, 3> kFactors{1, 5, 15};
  const auto index = static_cast<std::size_t>(std::min(locks_before, 2));
  return first_lock_ * kFactors.at(index);
}

LockoutEntry PinLockout::failed(const std::string& key, Timestamp now) {
  auto& entry = entries_[key];
  if (entry.locked_until && now < *entry.locked_until) {
    return entry;  // refused unchecked: the caller never gets here, but a lock is never extended
  }
  ++entry.failures;
  if (entry.locks > 0 || entry.failures >= free_tries_) {
    entry.locked_until = now + lock_for(entry.locks);
    ++entry.locks;
    entry.failures = 0;
  }
  return entry;
}

void PinLockout::succeeded(const std::string& key) {
  entries_.erase(key);
}

}  // namespace tavla::kiosk
