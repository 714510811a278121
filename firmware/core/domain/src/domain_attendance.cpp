// Check-in from the roster, by PIN, as a guest, and undo.
#include <algorithm>

#include "domain_internal.hpp"
#include "tavla/kiosk/domain.hpp"
#include "tavla/kiosk/pin.hpp"

namespace tavla::kiosk::detail {
namespace {

struct Target {
  SessionInProgress* session = nullptr;
  const protocol::Group* group = nullptr;
};

std::variant<Target, Refusal> target(const protocol::RoomConfig& config, KioskState& state,
                                     std::string_view session_id) {
  auto found = open_session(config, state, session_id);
  if (auto* refusal = std::get_if<Refusal>(&found)) {
    return *refusal;
  }
  auto* session = std::get<SessionInProgress*>(found);
  return Target{session, find_group(config, session->group)};
}

bool is_present(const SessionInProgress& session, std::string_view participant) {
  return std::ranges::find(session.present, participant, &AttendanceRecord::participant) !=
         session.present.end();
}

DomainResult check_in_member(const protocol::RoomConfig& config, const KioskState& state,
                             const std::string& session_id, const std::string& participant,
                             const std::optional<std::string>& pin, DomainContext& ctx) {
  Transition t{state, {}, participant};
  auto found = target(config, t.next, session_id);
  if (auto* refusal = std::get_if<Refusal>(&found)) {
    return *refusal;
  }
  auto [session, group] = std::get<Target>(found);
  const auto* member = group == nullptr ? nullptr : find_member(*group, participant);
  if (member == nullptr) {
    return refuse(RefusalCode::not_in_roster, participant);
  }
  if (is_present(*session, participant)) {
    return refuse(RefusalCode::already_checked_in, participant);
  }
  if (pin) {
    if (!has_pin(*member)) {
      return refuse(RefusalCode::no_pin, participant);
    }
    if (!pins_of(ctx).matches(*member, *pin)) {
      return refuse(RefusalCode::wrong_pin, participant);
    }
  }
  const auto method = pin ? protocol::CheckInMethod::pin : protocol::CheckInMethod::roster;
  session->present.push_back(
      AttendanceRecord{participant, method, member->affiliation, member->foster_home, ctx.now});
  t.events.emplace_back(protocol::CheckedIn{
      session->session, participant, method, member->affiliation, member->foster_home, {}});
  return t;
}

DomainResult check_in_guest(const protocol::RoomConfig& config, const KioskState& state,
                            const CheckInGuest& cmd, DomainContext& ctx) {
  Transition t{state, {}, {}};
  auto found = target(config, t.next, cmd.session);
  if (auto* refusal = std::get_if<Refusal>(&found)) {
    return *refusal;
  }
  auto* session = std::get<Target>(found).session;
  if (!affiliation_known(config, cmd.affiliation)) {
    return refuse(RefusalCode::unknown_affiliation, cmd.affiliation.id);
  }
  t.subject = guest_participant_id(ctx.ids);
  session->present.push_back(AttendanceRecord{t.subject, protocol::CheckInMethod::guest,
                                              cmd.affiliation, std::nullopt, ctx.now});
  t.events.emplace_back(protocol::CheckedIn{
      session->session, t.subject, protocol::CheckInMethod::guest, cmd.affiliation, {}, {}});
  return t;
}

DomainResult undo(const protocol::RoomConfig& config, const KioskState& state,
                  const UndoCheckIn& cmd, DomainContext& ctx) {
  Transition t{state, {}, cmd.participant};
  auto found = target(config, t.next, cmd.session);
  if (auto* refusal = std::get_if<Refusal>(&found)) {
    return *refusal;
  }
  auto* session = std::get<Target>(found).session;
  const auto it =
      std::ranges::find(session->present, cmd.participant, &AttendanceRecord::participant);
  if (it == session->present.end()) {
    return refuse(RefusalCode::not_checked_in, cmd.participant);
  }
  const auto until = it->at + ctx.tuning.undo_window;
  if (ctx.now >= until) {
    Refusal refusal = refuse(RefusalCode::undo_window_passed, cmd.participant);
    refusal.until = until;
    return refusal;
  }
  session->present.erase(it);
  t.events.emplace_back(protocol::CheckedOut{session->session, cmd.participant, {}});
  return t;
}

// A leader's correction: a member in or out of the leader's own session,
// whatever the undo window says; guests can only be taken out.
DomainResult correct(const protocol::RoomConfig& config, const KioskState& state,
                     const CorrectAttendance& cmd, DomainContext& ctx) {
  Transition t{state, {}, cmd.participant};
  auto found = target(config, t.next, cmd.session);
  if (auto* refusal = std::get_if<Refusal>(&found)) {
    return *refusal;
  }
  auto [session, group] = std::get<Target>(found);
  if (group == nullptr) {
    return refuse(RefusalCode::unknown_group, session->group);
  }
  if (auto refusal = check_leader_pin(config, group, cmd.leader, cmd.leader_pin, pins_of(ctx))) {
    return *refusal;
  }
  const auto present =
      std::ranges::find(session->present, cmd.participant, &AttendanceRecord::participant);
  if (!cmd.present) {
    if (present == session->present.end()) {
      return refuse(RefusalCode::not_checked_in, cmd.participant);
    }
    session->present.erase(present);
    t.events.emplace_back(protocol::CheckedOut{session->session, cmd.participant, cmd.leader});
    return t;
  }
  const auto* member = find_member(*group, cmd.participant);
  if (member == nullptr) {
    return refuse(RefusalCode::not_in_roster, cmd.participant);
  }
  if (present != session->present.end()) {
    return refuse(RefusalCode::already_checked_in, cmd.participant);
  }
  session->present.push_back(AttendanceRecord{cmd.participant, protocol::CheckInMethod::roster,
                                              member->affiliation, member->foster_home, ctx.now});
  t.events.emplace_back(protocol::CheckedIn{session->session, cmd.participant,
                                            protocol::CheckInMethod::roster, member->affiliation,
                                            member->foster_home, cmd.leader});
  return t;
}

}  // namespace

DomainResult apply_command(const protocol::RoomConfig& config, const KioskState& state,
                           const CorrectAttendance& cmd, DomainContext& ctx) {
  return correct(config, state, cmd, ctx);
}

DomainResult apply_command(const protocol::RoomConfig& config, const KioskState& state,
                           const CheckIn& cmd, DomainContext& ctx) {
  return check_in_member(config, state, cmd.session, cmd.participant, std::nullopt, ctx);
}

DomainResult apply_command(const protocol::RoomConfig& config, const KioskState& state,
                           const CheckInByPin& cmd, DomainContext& ctx) {
  return check_in_member(config, state, cmd.session, cmd.participant, cmd.pin, ctx);
}

DomainResult apply_command(const protocol::RoomConfig& config, const KioskState& state,
                           const CheckInGuest& cmd, DomainContext& ctx) {
  return check_in_guest(config, state, cmd, ctx);
}

DomainResult apply_command(const protocol::RoomConfig& config, const KioskState& state,
                           const UndoCheckIn& cmd, DomainContext& ctx) {
  return undo(config, state, cmd, ctx);
}

}  // namespace tavla::kiosk::detail
