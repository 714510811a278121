// Helpers shared by the domain's translation units: lookups in the room
// config and the state, and refusal builders.
#pragma once

#include <string>

#include "tavla/kiosk/domain.hpp"

namespace tavla::kiosk::detail {

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

// invalid_text when `text` breaks the protocol's free-text rules.
[[nodiscard]] std::optional<Refusal> check_text(std::string_view field, std::string_view text,
                                                std::size_t min_bytes = 1);

// Finishes the running item of `session` (if any), appending its event.
void finish_running_item(SessionInProgress& session, Timestamp now,
                         std::vector<protocol::EventBody>& events);

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
// Network meetings (domain_meeting.cpp):
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
