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

#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "tavla/protocol/event.hpp"
#include "tavla/protocol/timestamp.hpp"

namespace tavla::kiosk {

// A leader (a member with `leader: true` in `group`) opens an unscheduled
// session for that group. `agenda` picks an agenda template for a network
// meeting; `title` defaults to the group's name.
struct OpenSession {
  static constexpr std::string_view kName = "open";
  std::string group;
  std::string leader_pin;
  std::optional<std::string> title;
  std::optional<std::string> agenda;
};

// Any leader of the room's groups closes any open session.
struct CloseSession {
  static constexpr std::string_view kName = "close";
  std::string session;
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

// Start an item; a running item is finished first (both events are emitted).
// Starting a finished item again is allowed ("previous"): elapsed time adds up.
struct StartItem {
  static constexpr std::string_view kName = "start_item";
  std::string session;
  std::string item;
};

// Finish the running item.
struct FinishItem {
  static constexpr std::string_view kName = "finish_item";
  std::string session;
  std::string item;
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

using Command = std::variant<OpenSession, CloseSession, CheckIn, CheckInByPin, CheckInGuest,
                             UndoCheckIn, AddAgendaItem, StartItem, FinishItem, RecordDecision,
                             RecordAction, Retract, MarkActionDone>;

// The command's stable name, its kName ("open", "check_in", ...).
[[nodiscard]] std::string_view name_of(const Command& command);

// Whether the command carries a PIN (a leader's or a member's): such a
// command passes the PIN lockout first. Found from the command's fields, so a
// new command with a PIN is covered without a list to keep.
template <class C>
inline constexpr bool kCarriesPin = requires(const C& c) {
  c.pin;
}
|| requires(const C& c) {
  c.leader_pin;
};
[[nodiscard]] bool carries_pin(const Command& command);

}  // namespace tavla::kiosk
