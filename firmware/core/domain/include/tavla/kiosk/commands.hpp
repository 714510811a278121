// What a person can ask the kiosk to do: one struct per command, all plain
// values. The UI turns taps into these and hands them to Kiosk::execute; the
// headless runner builds them from a script. A command names its session
// explicitly: the screen knows which session it shows.
#pragma once

#include <optional>
#include <string>
#include <variant>

#include "tavla/protocol/event.hpp"
#include "tavla/protocol/timestamp.hpp"

namespace tavla::kiosk {

// A leader (a member with `leader: true` in `group`) opens an unscheduled
// session for that group. `agenda` picks an agenda template for a network
// meeting; `title` defaults to the group's name.
struct OpenSession {
  std::string group;
  std::string leader_pin;
  std::optional<std::string> title;
  std::optional<std::string> agenda;
};

// Any leader of the room's groups closes any open session.
struct CloseSession {
  std::string session;
  std::string leader_pin;
};

// Check in a member of the session's group from the roster (tap on a tile).
struct CheckIn {
  std::string session;
  std::string participant;
};

// Check in a member who has a pin_hash, by their PIN.
struct CheckInByPin {
  std::string session;
  std::string participant;
  std::string pin;
};

// A walk-in guest with a municipality (or an org at a network meeting); the
// core makes the guest-<ULID> participant id (returned in Done::subject).
struct CheckInGuest {
  std::string session;
  protocol::Affiliation affiliation;
};

// Withdraw a check-in within the undo window (emits attendance.checked_out).
struct UndoCheckIn {
  std::string session;
  std::string participant;
};

// Network meeting: an item added on the day ("Eventuelt"), at the end of the
// agenda. The core makes the item id (Done::subject).
struct AddAgendaItem {
  std::string session;
  std::string title;
  std::uint64_t planned_minutes = 0;
};

// Start an item; a running item is finished first (both events are emitted).
// Starting a finished item again is allowed ("previous"): elapsed time adds up.
struct StartItem {
  std::string session;
  std::string item;
};

// Finish the running item.
struct FinishItem {
  std::string session;
  std::string item;
};

// A decision under `item`, or under the running item when absent.
struct RecordDecision {
  std::string session;
  std::optional<std::string> item;
  std::string text;
};

// An action item: text, owner (a member of the session's group), due date.
struct RecordAction {
  std::string session;
  std::optional<std::string> item;
  std::string text;
  std::string owner;
  std::optional<protocol::Date> due;
};

// Withdraw a decision or action of this session recorded by mistake.
struct Retract {
  std::string session;
  std::string target;
  std::optional<std::string> reason;
};

// Mark an open action carried over from an earlier meeting (room config's
// open_actions), or one recorded in this session, as done.
struct MarkActionDone {
  std::string session;
  std::string action;
};

using Command = std::variant<OpenSession, CloseSession, CheckIn, CheckInByPin, CheckInGuest,
                             UndoCheckIn, AddAgendaItem, StartItem, FinishItem, RecordDecision,
                             RecordAction, Retract, MarkActionDone>;

// The command's stable name ("check_in", "open_session", ...) for logs.
[[nodiscard]] std::string_view name_of(const Command& command);

}  // namespace tavla::kiosk
