// The kiosk's rules, as pure functions: room config + state + command + now
// -> the new state and the protocol events it emits, or a Refusal (and the
// state is unchanged). No I/O, no threads, no clock of its own; ids come from
// the injected UlidFactory.
#pragma once

#include <string>
#include <variant>
#include <vector>

#include "tavla/kiosk/commands.hpp"
#include "tavla/kiosk/config.hpp"
#include "tavla/kiosk/ids.hpp"
#include "tavla/kiosk/pin_checker.hpp"
#include "tavla/kiosk/refusal.hpp"
#include "tavla/kiosk/state.hpp"
#include "tavla/kiosk/time.hpp"
#include "tavla/protocol/room_config.hpp"

namespace tavla::kiosk {

struct DomainContext {
  Timestamp now;
  UlidFactory& ids;
  const Tuning& tuning;
  const TimeZone& zone;
  // The device secret that keys the config's PIN verifiers (empty: none
  // provisioned, so no verifier matches).
  std::string_view device_secret;
  // The PIN verdict the engine reached before it took its lock (null: the
  // domain checks with device_secret itself).
  const PinChecker* pins = nullptr;
};

struct Transition {
  KioskState next;
  std::vector<protocol::EventBody> events;  // in the order they happened
  std::string subject;                      // the id the command created, if any
};

using DomainResult = std::variant<Transition, Refusal>;

// A person's command.
[[nodiscard]] DomainResult apply(const protocol::RoomConfig& config, const KioskState& state,
                                 const Command& command, DomainContext& ctx);

// The scheduler's own steps.
struct OpenScheduled {
  std::string session;  // a schedule entry's id
};
struct AutoClose {
  std::string session;
};
// The host cancelled the session (room config's `cancelled`): never opened,
// closed if open, and a notice on the screen for the rest of the day.
struct CancelSession {
  std::string session;
};
using SchedulerStep = std::variant<OpenScheduled, AutoClose, CancelSession>;

// What is due at ctx.now: scheduled sessions from `open_before` ahead of
// their start until their end, open sessions past their closes_at, and
// cancelled sessions not yet handled.
[[nodiscard]] std::vector<SchedulerStep> due_steps(const protocol::RoomConfig& config,
                                                   const KioskState& state, Timestamp now,
                                                   const Tuning& tuning);
[[nodiscard]] DomainResult apply(const protocol::RoomConfig& config, const KioskState& state,
                                 const SchedulerStep& step, DomainContext& ctx);

// Forgets handled schedule marks a day past their end (no events).
[[nodiscard]] KioskState tidy(const KioskState& state, Timestamp now);

// A leader of the room's groups by participant id (no PIN checked), or a
// null member when the participant leads none.
struct LeaderMatch {
  const protocol::Member* member = nullptr;
  std::vector<std::string> groups;  // where that participant is a leader
};
[[nodiscard]] LeaderMatch find_leader(const protocol::RoomConfig& config,
                                      std::string_view participant);

// Whether `pin` is `leader`'s, who must lead `group` (any group of the room
// when null): nullopt, or not_a_leader, no_pin or wrong_pin (subject: the
// leader). The one check of a leader's PIN.
[[nodiscard]] std::optional<Refusal> check_leader_pin(const protocol::RoomConfig& config,
                                                      const protocol::Group* group,
                                                      const std::string& leader,
                                                      std::string_view pin, const PinChecker& pins);

}  // namespace tavla::kiosk
