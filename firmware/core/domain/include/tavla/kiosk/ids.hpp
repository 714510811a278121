// Ids the kiosk creates (sessions, decisions, actions, agenda items added on
// the day, guests as guest-<ULID>, event ids, the store's epoch) are ULIDs:
// 26 Crockford base-32 characters, time-ordered, globally unique. Clock and
// randomness are injected so tests get reproducible ids.
#pragma once

#include <cstdint>
#include <random>
#include <span>
#include <string>

#include "tavla/kiosk/time.hpp"

namespace tavla::kiosk {

class RandomSource {
 public:
  RandomSource() = default;
  virtual ~RandomSource() = default;
  RandomSource(const RandomSource&) = delete;
  RandomSource& operator=(const RandomSource&) = delete;
  RandomSource(RandomSource&&) = delete;
  RandomSource& operator=(RandomSource&&) = delete;
  virtual void fill(std::span<std::uint8_t> bytes) = 0;
};

// The operating system's randomness (std::random_device: getrandom on Linux).
class SystemRandom final : public RandomSource {
 public:
  void fill(std::span<std::uint8_t> bytes) override;

 private:
  std::random_device device_;
};

// Deterministic, for tests and reproducible scripts.
class SeededRandom final : public RandomSource {
 public:
  explicit SeededRandom(std::uint64_t seed) : engine_(seed) {}
  void fill(std::span<std::uint8_t> bytes) override;

 private:
  std::mt19937_64 engine_;
};

// Makes ULIDs. Monotonic within one millisecond (the random part is
// incremented), so ids made in a burst still sort in creation order.
// Not thread-safe: its owner serialises calls.
class UlidFactory {
 public:
  UlidFactory(const Clock& clock, RandomSource& random) : clock_(clock), random_(random) {}
  [[nodiscard]] std::string next();

 private:
  const Clock& clock_;
  RandomSource& random_;
  std::uint64_t last_ms_ = 0;
  std::uint8_t last_random_[10] = {};  // NOLINT(*-avoid-c-arrays): fixed ULID layout
};

// The guest participant id: "guest-" + ULID (the protocol's rule for guests).
[[nodiscard]] std::string guest_participant_id(UlidFactory& ids);

}  // namespace tavla::kiosk
