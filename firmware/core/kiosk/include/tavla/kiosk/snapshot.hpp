// An immutable picture of everything a screen may show, made by the core after
// every change (Kiosk::snapshot()). A screen renders from one Snapshot and never
// locks anything. Holds display names only from the room's roster (first name
// and initial) and never a PIN hash; what a screen shows of it is the UI's call
// (e.g. the check-in tiles show display_name only, never the municipality).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "tavla/kiosk/broker_state.hpp"
#include "tavla/kiosk/rejected_event.hpp"
#include "tavla/kiosk/time.hpp"
#include "tavla/protocol/event.hpp"
#include "tavla/protocol/room_config.hpp"

namespace tavla::kiosk {

struct NamedRef {  // a municipality, an org or a group, for pickers
  std::string id;
  std::string name;
};

struct RosterEntry {
  std::string participant;
  std::string display_name;  // first name and initial: all a shared screen may show
  bool has_pin = false;      // check in by PIN (show the PIN pad)
  bool leader = false;
};

struct Attendee {
  std::string participant;
  std::string display_name;  // empty for guests
  protocol::CheckInMethod method{};
  // Only for guests: the municipality/org picked at check-in (the screen can
  // say "Gjest, Eidsvoll"). Members' affiliations are never in the snapshot.
  std::optional<protocol::Affiliation> guest_affiliation;
  Timestamp checked_in_at;
  Timestamp undo_until;  // UndoCheckIn is accepted before this instant
};

// paused: has run and will again (another item was chosen, or the meeting
// paused); skipped: passed over on purpose, never started.
enum class ItemState { pending, running, paused, finished, skipped };

struct AgendaItemView {
  std::string item;
  std::string title;
  std::uint64_t planned_minutes = 0;
  bool added_on_the_day = false;  // "Eventuelt": not from the template
  ItemState state = ItemState::pending;
  std::optional<Timestamp> started_at;  // of the current run, when running
  std::uint64_t elapsed_seconds = 0;    // ended runs, added up
  std::uint64_t extra_minutes = 0;      // added to the time box
};

struct DecisionView {
  std::string decision;
  std::string item;
  std::string text;
  Timestamp recorded_at;
  bool retracted = false;
};

struct ActionView {
  std::string action;
  std::string item;
  std::string text;
  std::string owner;               // participant id
  std::string owner_display_name;  // from the roster; empty if unknown
  std::optional<Date> due;
  Timestamp recorded_at;
  bool retracted = false;
  bool done = false;
};

struct SessionView {
  std::string session;
  protocol::SessionKind kind{};
  std::string group;
  std::string group_name;
  std::string title;
  bool scheduled = false;  // from the room config's schedule (else opened by a leader)
  std::optional<Timestamp> planned_start;
  std::optional<Timestamp> planned_end;
  Timestamp opened_at;
  Timestamp closes_at;  // when the scheduler closes it if nobody does
  std::vector<RosterEntry> roster;
  std::vector<Attendee> present;       // in check-in order
  std::optional<Attendee> latest;      // the latest check-in still present (for "undo")
  std::vector<AgendaItemView> agenda;  // network meetings; in agenda order
  std::optional<std::string> current_item;
  std::vector<DecisionView> decisions;
  std::vector<ActionView> actions;
  std::vector<std::string> actions_done;  // carried-over action ids marked done here
  std::optional<Timestamp> paused_at;     // the whole meeting is paused since then
  // Who runs the meeting on this screen, until when (LeadMeeting).
  std::optional<std::string> led_by;
  std::string led_by_name;
  std::optional<Timestamp> led_until;
  // The latest action marked done here, undoable until then.
  std::optional<std::string> last_done;
  std::optional<Timestamp> last_done_undo_until;
};

// A session the host cancelled today: a notice on the screen.
struct CancelNoticeView {
  std::string session;
  std::string title;
  std::string reason;
};

// A person's PIN lockout on this device (pin_lockout.hpp).
struct PinState {
  int tries_left = 0;
  std::optional<Timestamp> locked_until;
};

enum class ScheduleState { upcoming, open, closed, cancelled };

struct ScheduleEntryView {  // today's sessions: titles and times, never names
  std::string session;
  protocol::SessionKind kind{};
  std::string group;
  std::string title;
  Timestamp start;
  Timestamp end;
  ScheduleState state = ScheduleState::upcoming;
};

struct OpenActionView {  // carried over from earlier meetings (room config)
  std::string action;
  std::string text;
  std::string owner;
  std::string owner_display_name;  // empty if the owner is in no group
  std::optional<Date> due;
  std::string from_session;
  bool done = false;  // marked done in a session on this kiosk
};

struct Snapshot {
  std::uint64_t version = 0;  // grows with every change; equal version, same content
  Timestamp taken_at;

  // The device.
  std::string device;
  std::string site;
  std::string firmware;
  protocol::Locale locale = protocol::Locale::nb;  // the room config's, else the kiosk file's

  // The room config. Before the first one arrives, has_config is false and
  // the lists below are empty: the kiosk runs and the screen says so.
  bool has_config = false;
  std::uint64_t config_rev = 0;
  std::string room;
  // The last config that was refused (code from protocol::ErrorCode names,
  // or "older_rev", "wrong_device"); the previous config stays in force.
  std::optional<std::string> config_rejected;

  // Sync.
  BrokerState broker = BrokerState::connecting;
  std::uint64_t outbox = 0;  // events not yet acknowledged by the host
  std::optional<Timestamp> last_ack;
  bool clock_ok = true;  // the clock is not before the firmware's build date
  // Events the host refused and why (how many are kept, the latest ones), for
  // the admin screen; forgotten with the acknowledged events' retention.
  Rejections rejected;

  // PIN lockouts of the people with wrong tries, by participant id (or
  // "admin"); anyone else has pin_free_tries.
  std::vector<std::pair<std::string, PinState>> pin_states;
  int pin_free_tries = 5;
  [[nodiscard]] PinState pin_state(const std::string& person) const;

  // The language the admin chose on this device (persisted), over the room's.
  std::optional<protocol::Locale> locale_override;
  std::vector<CancelNoticeView> notices;

  std::vector<NamedRef> municipalities;  // for the guest picker
  std::vector<NamedRef> orgs;
  std::vector<NamedRef> groups;  // for a leader opening an unscheduled session
  // The room's leaders with a PIN (participant id, display name): a leader
  // names themself first, then types the PIN.
  std::vector<NamedRef> leaders;
  std::vector<NamedRef> agendas;
  std::vector<ScheduleEntryView> today;
  std::vector<SessionView> open_sessions;  // in opening order
  std::vector<OpenActionView> carried_actions;

  // The open session with that id, or nullptr.
  [[nodiscard]] const SessionView* session(const std::string& id) const;
};

}  // namespace tavla::kiosk
