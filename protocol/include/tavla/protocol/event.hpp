// Event envelopes (device -> host on `events`) and their bodies, as wire
// types: plain values that say exactly what travels, no domain behaviour.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>

#include "tavla/protocol/timestamp.hpp"

namespace tavla::protocol {

enum class SessionKind { group_guidance, network_meeting };
enum class CheckInMethod { roster, pin, guest };

[[nodiscard]] std::string_view to_string(SessionKind kind);
[[nodiscard]] std::optional<SessionKind> session_kind_from_string(std::string_view name);
[[nodiscard]] std::string_view to_string(CheckInMethod method);
[[nodiscard]] std::optional<CheckInMethod> check_in_method_from_string(std::string_view name);

// Who an attendee belongs to: exactly one of a municipality (billed) or a
// non-municipal organisation (never billed).
struct Affiliation {
  enum class Kind { municipality, org };
  Kind kind{Kind::municipality};
  std::string id;
  bool operator==(const Affiliation&) const = default;
};

struct SessionOpened {
  static constexpr std::string_view kType = "session.opened";
  std::string session;
  SessionKind kind{};
  std::string group;
  std::string title;
  std::optional<Timestamp> planned_start;
  // When the session is planned to end: a scheduled one's end, or the length
  // a leader chose for one opened by hand (optional, additive).
  std::optional<Timestamp> planned_end;
  bool operator==(const SessionOpened&) const = default;
};

struct SessionClosed {
  static constexpr std::string_view kType = "session.closed";
  std::string session;
  bool operator==(const SessionClosed&) const = default;
};

struct CheckedIn {
  static constexpr std::string_view kType = "attendance.checked_in";
  std::string session;
  std::string participant;
  CheckInMethod method{};
  Affiliation affiliation;
  std::optional<std::string> foster_home;
  // A leader's correction on the kiosk: the leader's participant id
  // (optional, additive; absent for a check-in by the person themselves).
  std::optional<std::string> corrected_by;
  bool operator==(const CheckedIn&) const = default;
};

// Withdraws a check-in made by mistake (the kiosk's undo).
struct CheckedOut {
  static constexpr std::string_view kType = "attendance.checked_out";
  std::string session;
  std::string participant;
  std::optional<std::string> corrected_by;  // as in CheckedIn
  bool operator==(const CheckedOut&) const = default;
};

// A network meeting paused as a whole (the running item is paused first,
// by its own agenda.item_paused), and resumed.
struct SessionPaused {
  static constexpr std::string_view kType = "session.paused";
  std::string session;
  bool operator==(const SessionPaused&) const = default;
};

struct SessionResumed {
  static constexpr std::string_view kType = "session.resumed";
  std::string session;
  bool operator==(const SessionResumed&) const = default;
};

struct ItemStarted {
  static constexpr std::string_view kType = "agenda.item_started";
  std::string session;
  std::string item;
  std::string title;
  std::uint64_t planned_minutes{};
  bool operator==(const ItemStarted&) const = default;
};

struct ItemFinished {
  static constexpr std::string_view kType = "agenda.item_finished";
  std::string session;
  std::string item;
  std::uint64_t elapsed_seconds{};  // of the run that ends here
  bool operator==(const ItemFinished&) const = default;
};

// The running item stops without being finished (another item was chosen,
// or the meeting paused); `elapsed_seconds` is the run that ends here.
struct ItemPaused {
  static constexpr std::string_view kType = "agenda.item_paused";
  std::string session;
  std::string item;
  std::uint64_t elapsed_seconds{};
  bool operator==(const ItemPaused&) const = default;
};

// A paused or finished item runs again, its time counting on.
struct ItemResumed {
  static constexpr std::string_view kType = "agenda.item_resumed";
  std::string session;
  std::string item;
  bool operator==(const ItemResumed&) const = default;
};

// An item passed over on purpose, never started.
struct ItemSkipped {
  static constexpr std::string_view kType = "agenda.item_skipped";
  std::string session;
  std::string item;
  bool operator==(const ItemSkipped&) const = default;
};

// An item's time box grew by `minutes`.
struct ItemExtended {
  static constexpr std::string_view kType = "agenda.item_extended";
  std::string session;
  std::string item;
  std::uint64_t minutes{};
  bool operator==(const ItemExtended&) const = default;
};

struct DecisionRecorded {
  static constexpr std::string_view kType = "minutes.decision";
  std::string session;
  std::string item;
  std::string decision;
  std::string text;
  bool operator==(const DecisionRecorded&) const = default;
};

struct ActionRecorded {
  static constexpr std::string_view kType = "minutes.action";
  std::string session;
  std::string item;
  std::string action;
  std::string text;
  std::string owner;  // a participant id, never a name
  std::optional<Date> due;
  bool operator==(const ActionRecorded&) const = default;
};

struct ActionDone {
  static constexpr std::string_view kType = "minutes.action_done";
  std::string session;
  std::string action;
  bool operator==(const ActionDone&) const = default;
};

// Withdraws an action_done made by mistake (the kiosk's undo): the action
// is open again.
struct ActionReopened {
  static constexpr std::string_view kType = "minutes.action_reopened";
  std::string session;
  std::string action;
  bool operator==(const ActionReopened&) const = default;
};

// Withdraws a decision or action recorded by mistake; minutes keep it struck.
struct Retracted {
  static constexpr std::string_view kType = "minutes.retracted";
  std::string session;
  std::string target;
  std::optional<std::string> reason;
  bool operator==(const Retracted&) const = default;
};

// The table of event types: every body above, each with its wire name in
// `kType`. Names, the decoder's type look-up, encoding and validation are
// derived from it, and each place that dispatches on the type visits this
// variant without a fallback, so a type added here and forgotten there is a
// compile error (ARCHITECTURE.md, "Adding an event type").
using EventBody = std::variant<SessionOpened, SessionClosed, CheckedIn, CheckedOut, ItemStarted,
                               ItemFinished, DecisionRecorded, ActionRecorded, ActionDone,
                               Retracted, SessionPaused, SessionResumed, ItemPaused, ItemResumed,
                               ItemSkipped, ItemExtended, ActionReopened>;

// The wire `type` of a body: "session.opened", "attendance.checked_in", ...
[[nodiscard]] std::string_view type_of(const EventBody& body);
// Every event type of this build, in the variant's order.
[[nodiscard]] std::span<const std::string_view> event_types();
// The `session` every body names.
[[nodiscard]] const std::string& session_of(const EventBody& body);

struct Event {
  std::string id;       // unique forever
  std::string device;   // must equal the topic's <device>
  std::string epoch;    // made with the device's local database
  std::uint64_t seq{};  // 1, 2, 3, ... within (device, epoch)
  Timestamp ts;         // the device's clock
  EventBody body;
  bool operator==(const Event&) const = default;
};

}  // namespace tavla::protocol
