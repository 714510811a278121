// What a person can ask the kiosk to do: one struct per command, all plain
// values. The UI turns taps into these and hands them to Kiosk::execute; the
// headless runner builds them from a script. A command names its session
// explicitly: the screen knows which session it shows.
//
// Each command carries its stable name in `kName` (for logs, and the verb of
// the headless runner's scripts). Every place that dispatches on a Command
// visits it with one handler per alternative and no catch-all, so a command
// added to the variant and forgotten somewhere does not compile.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "tavla/protocol/event.hpp"
#include "tavla/protocol/timestamp.hpp"

namespace tavla::kiosk {

// A leader (a member with `leader: true` in `group`, named first, then
// their PIN: each attempt checks one verifier) opens an unscheduled session
// for that group. `agenda` picks an agenda template for a network meeting;
// `title` defaults to the group's name. The session lasts `minutes` (the
// leader's choice, two hours by default) and closes after that plus the
// grace period, as a scheduled one does.
struct OpenSession {
  static constexpr std::string_view kName = "open";
  static constexpr std::uint64_t kDefaultMinutes = 120;
  std::string group;
  std::string leader;
  std::string leader_pin;
  std::optional<std::string> title;
  std::optional<std::string> agenda;
  std::uint64_t minutes = kDefaultMinutes;
};

// A leader of the session's group closes it.
struct CloseSession {
  static constexpr std::string_view kName = "close";
  std::string session;
  std::string leader;
  std::string leader_pin;
};

// A leader of the session's group checks a member in (`present`) or out
// after the member's own undo has passed: the leader's correction, told to
// the host as such (`corrected_by`).
struct CorrectAttendance {
  static constexpr std::string_view kName = "correct";
  std::string session;
  std::string participant;
  bool present = true;
  std::string leader;
  std::string leader_pin;
};

// A leader of a network meeting's group takes the meeting on this screen:
// running it (agenda, minutes) needs that, once per meeting, until nobody
// has run it for the tuning's meeting_lock.
struct LeadMeeting {
  static constexpr std::string_view kName = "lead";
  std::string session;
  std::string leader;
  std::string leader_pin;
};

// Check in a member of the session's group from the roster (tap on a tile).
struct CheckIn {
  static constexpr std::string_view kName = "check_in";
  std::string session;
  std::string participant;
};

// Check in a member who has a pin_hash, by their PIN.
struct CheckInByPin {
  static constexpr std::string_view kName = "check_in_pin";
  std::string session;
  std::string participant;
  std::string pin;
};

// A walk-in guest with a municipality (or an org at a network meeting); the
// core makes the guest-<ULID> participant id (returned in Done::subject).
struct CheckInGuest {
  static constexpr std::string_view kName = "check_in_guest";
  std::string session;
  protocol::Affiliation affiliation;
};

// Withdraw a check-in within the undo window (emits attendance.checked_out).
struct UndoCheckIn {
  static constexpr std::string_view kName = "undo";
  std::string session;
  std::string participant;
};

// Network meeting: an item added on the day ("Eventuelt"), at the end of the
// agenda. The core makes the item id (Done::subject).
struct AddAgendaItem {
  static constexpr std::string_view kName = "add_item";
  std::string session;
  std::string title;
  std::uint64_t planned_minutes = 0;
};

// Start or resume an item ("previous", a tap on its row): the running item
// is paused, never finished, and an item chosen again counts on from where
// it stopped. With `skip_passed` (the leader confirmed going past them),
// items never started between the one last worked on and this one are
// marked skipped.
struct StartItem {
  static constexpr std::string_view kName = "start_item";
  std::string session;
  std::string item;
  bool skip_passed = false;
};

// "Next": finishes `from` (which must be the running item, so a second tap
// made from an older picture does nothing) and starts or resumes the next
// item after it that is neither finished nor skipped.
struct NextItem {
  static constexpr std::string_view kName = "next_item";
  std::string session;
  std::string from;
};

// Finish the running item.
struct FinishItem {
  static constexpr std::string_view kName = "finish_item";
  std::string session;
  std::string item;
};

// The item's time box grows by `minutes`.
struct ExtendItem {
  static constexpr std::string_view kName = "extend_item";
  static constexpr std::uint64_t kDefaultMinutes = 5;
  std::string session;
  std::string item;
  std::uint64_t minutes = kDefaultMinutes;
};

// The whole meeting pauses (its running item with it) and resumes.
struct PauseMeeting {
  static constexpr std::string_view kName = "pause";
  std::string session;
};
struct ResumeMeeting {
  static constexpr std::string_view kName = "resume";
  std::string session;
};

// A decision under `item`, or under the running item when absent.
struct RecordDecision {
  static constexpr std::string_view kName = "decision";
  std::string session;
  std::optional<std::string> item;
  std::string text;
};

// An action item: text, owner (a member of the session's group), due date.
struct RecordAction {
  static constexpr std::string_view kName = "action";
  std::string session;
  std::optional<std::string> item;
  std::string text;
  std::string owner;
  std::optional<protocol::Date> due;
};

// Withdraw a decision or action of this session recorded by mistake.
struct Retract {
  static constexpr std::string_view kName = "retract";
  std::string session;
  std::string target;
  std::optional<std::string> reason;
};

// Mark an open action carried over from an earlier meeting (room config's
// open_actions), or one recorded in this session, as done.
struct MarkActionDone {
  static constexpr std::string_view kName = "action_done";
  std::string session;
  std::string action;
};

// Withdraw the latest "done" of this session within the undo window.
struct UndoActionDone {
  static constexpr std::string_view kName = "undo_action_done";
  std::string session;
  std::string action;
};

using Command = std::variant<OpenSession, CloseSession, CheckIn, CheckInByPin, CheckInGuest,
                             UndoCheckIn, CorrectAttendance, LeadMeeting, AddAgendaItem, StartItem,
                             NextItem, FinishItem, ExtendItem, PauseMeeting, ResumeMeeting,
                             RecordDecision, RecordAction, Retract, MarkActionDone, UndoActionDone>;

// The command's stable name, its kName ("open", "check_in", ...).
[[nodiscard]] std::string_view name_of(const Command& command);

// Whether the command carries a PIN (a leader's or a member's): such a
// command passes the PIN lockout of the person it names first. Found from
// the command's fields, so a new command with a PIN is covered without a
// list to keep: a member's `pin` goes with `participant`, a leader's
// `leader_pin` with `leader`.
template <class C>
inline constexpr bool kCarriesMemberPin = requires(const C& c) {
  c.pin;
  c.participant;
};
template <class C>
inline constexpr bool kCarriesLeaderPin = requires(const C& c) {
  c.leader_pin;
  c.leader;
};
template <class C>
inline constexpr bool kCarriesPin = kCarriesMemberPin<C> || kCarriesLeaderPin<C>;
[[nodiscard]] bool carries_pin(const Command& command);
// Whose PIN the command carries (the lockout's key), or nullopt.
[[nodiscard]] std::optional<std::string> pin_owner(const Command& command);
// The PIN the command carries, or nullopt.
[[nodiscard]] std::optional<std::string> pin_carried(const Command& command);

}  // namespace tavla::kiosk
