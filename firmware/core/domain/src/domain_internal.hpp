// Helpers shared by the domain's translation units: lookups in the room
// config and the state, and refusal builders.
#pragma once

#include <string>

#include "tavla/kiosk/domain.hpp"

namespace tavla::kiosk::detail {

// The context's PIN checker, or one that checks with its device secret.
[[nodiscard]] inline PinChecker pins_of(const DomainContext& ctx) {
  return ctx.pins != nullptr ? *ctx.pins : PinChecker(ctx.device_secret);
}

[[nodiscard]] Refusal refuse(RefusalCode code, std::string subject = {}, std::string detail = {});

[[nodiscard]] const protocol::Group* find_group(const protocol::RoomConfig& config,
                                                std::string_view id);
[[nodiscard]] const protocol::Member* find_member(const protocol::Group& group,
                                                  std::string_view participant);
[[nodiscard]] const protocol::ScheduledSession* find_scheduled(const protocol::RoomConfig& config,
                                                               std::string_view session);
[[nodiscard]] bool affiliation_known(const protocol::RoomConfig& config,
                                     const protocol::Affiliation& affiliation);

// The open session, or the refusal for a session that is not open.
[[nodiscard]] std::variant<SessionInProgress*, Refusal> open_session(
    const protocol::RoomConfig& config, KioskState& state, std::string_view session);

// The open network meeting `session`, or why not (wrong_session_kind for
// group guidance).
[[nodiscard]] std::variant<SessionInProgress*, Refusal> meeting(const protocol::RoomConfig& config,
                                                                KioskState& state,
                                                                std::string_view session);
// The same, for running it: a leader must have taken it (LeadMeeting) and
// someone must have run it within the tuning's meeting_lock; the lead is
// renewed from ctx.now.
[[nodiscard]] std::variant<SessionInProgress*, Refusal> led_meeting(
    const protocol::RoomConfig& config, KioskState& state, std::string_view session,
    const DomainContext& ctx);

// invalid_text when `text` breaks the protocol's free-text rules, national_id
// when it holds an identity number (protocol::find_national_id): the kiosk
// records no free text with one (decisions, actions, reasons, titles).
[[nodiscard]] std::optional<Refusal> check_text(std::string_view field, std::string_view text,
                                                std::size_t min_bytes = 1);

// Ends the run of `session`'s running item (if any), appending its event:
// item_finished, or item_paused when `finished` is false. Clears
// current_item when finished.
void end_running_item(SessionInProgress& session, Timestamp now, bool finished,
                      std::vector<protocol::EventBody>& events);
inline void finish_running_item(SessionInProgress& session, Timestamp now,
                                std::vector<protocol::EventBody>& events) {
  end_running_item(session, now, true, events);
}

// Closes `session` (finishing a running item first) and removes it from state.
void close_session(KioskState& state, const std::string& session, Timestamp now,
                   std::vector<protocol::EventBody>& events);

// One handler per command; apply() visits a Command with them, so a command
// without its handler does not compile. Sessions (domain.cpp):
DomainResult apply_command(const protocol::RoomConfig& config, const KioskState& state,
                           const OpenSession& cmd, DomainContext& ctx);
DomainResult apply_command(const protocol::RoomConfig& config, const KioskState& state,
                           const CloseSession& cmd, DomainContext& ctx);
// Attendance (domain_attendance.cpp):
DomainResult apply_command(const protocol::RoomConfig& config, const KioskState& state,
                           const CheckIn& cmd, DomainContext& ctx);
DomainResult apply_command(const protocol::RoomConfig& config, const KioskState& state,
                           const CheckInByPin& cmd, DomainContext& ctx);
DomainResult apply_command(const protocol::RoomConfig& config, const KioskState& state,
                           const CheckInGuest& cmd, DomainContext& ctx);
DomainResult apply_command(const protocol::RoomConfig& config, const KioskState& state,
                           const UndoCheckIn& cmd, DomainContext& ctx);
DomainResult apply_command(const protocol::RoomConfig& config, const KioskState& state,
                           const CorrectAttendance& cmd, DomainContext& ctx);
// Network meetings (domain_meeting.cpp; the agenda's moves in domain_agenda.cpp):
DomainResult apply_command(const protocol::RoomConfig& config, const KioskState& state,
                           const LeadMeeting& cmd, DomainContext& ctx);
DomainResult apply_command(const protocol::RoomConfig& config, const KioskState& state,
                           const NextItem& cmd, DomainContext& ctx);
DomainResult apply_command(const protocol::RoomConfig& config, const KioskState& state,
                           const ExtendItem& cmd, DomainContext& ctx);
DomainResult apply_command(const protocol::RoomConfig& config, const KioskState& state,
                           const PauseMeeting& cmd, DomainContext& ctx);
DomainResult apply_command(const protocol::RoomConfig& config, const KioskState& state,
                           const ResumeMeeting& cmd, DomainContext& ctx);
DomainResult apply_command(const protocol::RoomConfig& config, const KioskState& state,
                           const UndoActionDone& cmd, DomainContext& ctx);
DomainResult apply_command(const protocol::RoomConfig& config, const KioskState& state,
                           const AddAgendaItem& cmd, DomainContext& ctx);
DomainResult apply_command(const protocol::RoomConfig& config, const KioskState& state,
                           const StartItem& cmd, DomainContext& ctx);
DomainResult apply_command(const protocol::RoomConfig& config, const KioskState& state,
                           const FinishItem& cmd, DomainContext& ctx);
DomainResult apply_command(const protocol::RoomConfig& config, const KioskState& state,
                           const RecordDecision& cmd, DomainContext& ctx);
DomainResult apply_command(const protocol::RoomConfig& config, const KioskState& state,
                           const RecordAction& cmd, DomainContext& ctx);
DomainResult apply_command(const protocol::RoomConfig& config, const KioskState& state,
                           const Retract& cmd, DomainContext& ctx);
DomainResult apply_command(const protocol::RoomConfig& config, const KioskState& state,
                           const MarkActionDone& cmd, DomainContext& ctx);

}  // namespace tavla::kiosk::detail
