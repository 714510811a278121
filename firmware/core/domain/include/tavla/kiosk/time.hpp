// Time for the kiosk: an injectable clock (the scheduler, undo windows and
// event timestamps depend on it, so tests and scripts drive it by hand) and
// the room's time zone (local midnight closes forgotten unscheduled sessions;
// "today" is a local date).
#pragma once

#include <atomic>
#include <chrono>
#include <memory>
#include <string>
#include <string_view>

#include "tavla/protocol/timestamp.hpp"

namespace tavla::kiosk {

using protocol::Date;
using protocol::Timestamp;
using Milliseconds = std::chrono::milliseconds;

// Where "now" comes from. Implementations are thread-safe.
class Clock {
 public:
  Clock() = default;
  virtual ~Clock() = default;
  Clock(const Clock&) = delete;
  Clock& operator=(const Clock&) = delete;
  Clock(Clock&&) = delete;
  Clock& operator=(Clock&&) = delete;
  [[nodiscard]] virtual Timestamp now() const = 0;
};

// The system's wall clock (a Pi without network time may say 1970: see
// clock_plausible()).
class SystemClock final : public Clock {
 public:
  [[nodiscard]] Timestamp now() const override;
};

// A clock that moves only when told to: tests, and headless scripts that play
// a day (`--start-time`).
class ManualClock final : public Clock {
 public:
  explicit ManualClock(Timestamp start) : now_ms_(start.time_since_epoch().count()) {}
  [[nodiscard]] Timestamp now() const override { return Timestamp{Milliseconds{now_ms_.load()}}; }
  void set(Timestamp t) { now_ms_.store(t.time_since_epoch().count()); }
  void advance(Milliseconds d) { now_ms_.fetch_add(d.count()); }

 private:
  std::atomic<Milliseconds::rep> now_ms_;
};

// A clock before the firmware's build date is certainly wrong (no RTC, no NTP
// yet). build_date is "YYYY-MM-DD"; an unparsable one counts as plausible.
[[nodiscard]] bool clock_plausible(Timestamp now, std::string_view build_date);

// The room's IANA time zone (e.g. "Europe/Oslo"), from the system tz database.
class TimeZone {
 public:
  // Throws std::runtime_error naming the zone when it is unknown.
  explicit TimeZone(const std::string& name);
  [[nodiscard]] const std::string& name() const { return name_; }
  // The first local midnight strictly after t.
  [[nodiscard]] Timestamp next_midnight(Timestamp t) const;
  // The local calendar date of t.
  [[nodiscard]] Date local_date(Timestamp t) const;

 private:
  std::string name_;
  const void* zone_;  // const date::time_zone*, kept opaque so date/tz.h stays private
};

}  // namespace tavla::kiosk
