// The kiosk's domain state: what is open, who is here, where the meeting is.
// A plain value: the domain computes a new one from the old one, the store
// persists it with the events in one transaction, the snapshot is made from it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "tavla/kiosk/time.hpp"
#include "tavla/protocol/event.hpp"

namespace tavla::kiosk {

struct AttendanceRecord {
  std::string participant;
  protocol::CheckInMethod method{};
  protocol::Affiliation affiliation;
  std::optional<std::string> foster_home;
  Timestamp at;
  bool operator==(const AttendanceRecord&) const = default;
};

struct ItemRecord {
  std::string item;
  std::string title;
  std::uint64_t planned_minutes = 0;
  bool added_on_the_day = false;
  std::optional<Timestamp> started_at;  // set while running
  std::uint64_t elapsed_seconds = 0;    // ended runs, added up
  bool finished = false;                // finished and not running since
  bool started = false;                 // has run at least once
  bool skipped = false;                 // passed over on purpose, never started
  std::uint64_t extra_minutes = 0;      // added to the time box ("+5 min")
  bool operator==(const ItemRecord&) const = default;
};

struct DecisionRecord {
  std::string decision;
  std::string item;
  std::string text;
  Timestamp at;
  bool retracted = false;
  bool operator==(const DecisionRecord&) const = default;
};

struct ActionRecord {
  std::string action;
  std::string item;
  std::string text;
  std::string owner;
  std::optional<Date> due;
  Timestamp at;
  bool retracted = false;
  bool done = false;
  bool operator==(const ActionRecord&) const = default;
};

// A session open on this kiosk, from its opening to its close: who is here,
// its agenda and minutes.
struct SessionInProgress {
  std::string session;
  protocol::SessionKind kind{};
  std::string group;
  std::string title;
  bool scheduled = false;
  std::optional<Timestamp> planned_start;
  std::optional<Timestamp> planned_end;
  Timestamp opened_at;
  Timestamp closes_at;  // the scheduler closes it then
  std::vector<AttendanceRecord> present;
  std::vector<ItemRecord> agenda;
  std::optional<std::string> current_item;
  std::vector<DecisionRecord> decisions;
  std::vector<ActionRecord> actions;
  std::vector<std::string> carried_done;  // carried-over actions marked done in this session
  // The whole meeting is paused since then; `paused_item` was running.
  std::optional<Timestamp> paused_at;
  std::optional<std::string> paused_item;
  // The leader who took the meeting on this screen, until nobody has run it
  // for the tuning's meeting_lock.
  std::optional<std::string> led_by;
  std::optional<Timestamp> led_until;
  // The latest action marked done here, and when (its undo).
  std::optional<std::string> last_done;
  std::optional<Timestamp> last_done_at;
  bool operator==(const SessionInProgress&) const = default;
};

// A session the host cancelled: the room's screen says so until `until`.
struct CancelNotice {
  std::string session;
  std::string title;
  std::string reason;
  Timestamp until;
  bool operator==(const CancelNotice&) const = default;
};

// A scheduled session this kiosk has opened (and maybe closed since): the
// scheduler never opens it twice. Dropped a day after its scheduled end.
struct HandledSchedule {
  std::string session;
  Timestamp end;
  bool operator==(const HandledSchedule&) const = default;
};

struct KioskState {
  std::vector<SessionInProgress> open;  // in opening order
  std::vector<HandledSchedule> handled;
  std::vector<std::string> carried_done;  // carried-over action ids marked done here
  std::vector<CancelNotice> notices;
  bool operator==(const KioskState&) const = default;
};

}  // namespace tavla::kiosk
