// Event envelopes (device -> host on `events`) and their bodies, as wire
// types: plain values that say exactly what travels, no domain behaviour.
#pragma once

#include <cstdint>
#include <optional>
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
  std::string session;
  SessionKind kind{};
  std::string group;
  std::string title;
  std::optional<Timestamp> planned_start;
  bool operator==(const SessionOpened&) const = default;
};

struct SessionClosed {
  std::string session;
  bool operator==(const SessionClosed&) const = default;
};

struct CheckedIn {
  std::string session;
  std::string participant;
  CheckInMethod method{};
  Affiliation affiliation;
  std::optional<std::string> foster_home;
  bool operator==(const CheckedIn&) const = default;
};

// Withdraws a check-in made by mistake (the kiosk's undo).
struct CheckedOut {
  std::string session;
  std::string participant;
  bool operator==(const CheckedOut&) const = default;
};

struct ItemStarted {
  std::string session;
  std::string item;
  std::string title;
  std::uint64_t planned_minutes{};
  bool operator==(const ItemStarted&) const = default;
};

struct ItemFinished {
  std::string session;
  std::string item;
  std::uint64_t elapsed_seconds{};
  bool operator==(const ItemFinished&) const = default;
};

struct DecisionRecorded {
  std::string session;
  std::string item;
  std::string decision;
  std::string text;
  bool operator==(const DecisionRecorded&) const = default;
};

struct ActionRecorded {
  std::string session;
  std::string item;
  std::string action;
  std::string text;
  std::string owner;  // a participant id, never a name
  std::optional<Date> due;
  bool operator==(const ActionRecorded&) const = default;
};

struct ActionDone {
  std::string session;
  std::string action;
  bool operator==(const ActionDone&) const = default;
};

// Withdraws a decision or action recorded by mistake; minutes keep it struck.
struct Retracted {
  std::string session;
  std::string target;
  std::optional<std::string> reason;
  bool operator==(const Retracted&) const = default;
};

using EventBody =
    std::variant<SessionOpened, SessionClosed, CheckedIn, CheckedOut, ItemStarted, ItemFinished,
                 DecisionRecorded, ActionRecorded, ActionDone, Retracted>;

// The wire `type` of a body: "session.opened", "attendance.checked_in", ...
[[nodiscard]] std::string_view type_of(const EventBody& body);
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
