#include <algorithm>

#include "domain_internal.hpp"
#include "tavla/protocol/ids.hpp"
#include "tavla/protocol/limits.hpp"
#include "tavla/protocol/national_id.hpp"

namespace tavla::kiosk::detail {

Refusal refuse(RefusalCode code, std::string subject, std::string detail) {
  return Refusal{code, std::move(subject), std::nullopt, std::move(detail)};
}

const protocol::Group* find_group(const protocol::RoomConfig& config, std::string_view id) {
  const auto it = std::ranges::find(config.groups, id, &protocol::Group::id);
  return it == config.groups.end() ? nullptr : &*it;
}

const protocol::Member* find_member(const protocol::Group& group, std::string_view participant) {
  const auto it = std::ranges::find(group.members, participant, &protocol::Member::participant);
  return it == group.members.end() ? nullptr : &*it;
}

const protocol::ScheduledSession* find_scheduled(const protocol::RoomConfig& config,
                                                 std::string_view session) {
  const auto it = std::ranges::find(config.schedule, session, &protocol::ScheduledSession::session);
  return it == config.schedule.end() ? nullptr : &*it;
}

bool affiliation_known(const protocol::RoomConfig& config,
                       const protocol::Affiliation& affiliation) {
  const auto& list = affiliation.kind == protocol::Affiliation::Kind::municipality
                         ? config.municipalities
                         : config.orgs;
  return std::ranges::find(list, affiliation.id, &protocol::NamedEntry::id) != list.end();
}

std::variant<SessionInProgress*, Refusal> open_session(const protocol::RoomConfig& config,
                                                       KioskState& state,
                                                       std::string_view session) {
  const auto it = std::ranges::find(state.open, session, &SessionInProgress::session);
  if (it != state.open.end()) {
    return &*it;
  }
  const bool known =
      find_scheduled(config, session) != nullptr ||
      std::ranges::find(state.handled, session, &HandledSchedule::session) != state.handled.end();
  return refuse(known ? RefusalCode::session_not_open : RefusalCode::unknown_session,
                std::string(session));
}

std::optional<Refusal> check_text(std::string_view field, std::string_view text,
                                  std::size_t min_bytes) {
  if (auto problem = protocol::text_problem(text, min_bytes)) {
    return refuse(RefusalCode::invalid_text, std::string(field), *problem);
  }
  if (protocol::find_national_id(text)) {
    // The detail names the field only: logs never see the number either.
    return refuse(RefusalCode::national_id, std::string(field),
                  "the text holds a national identity number");
  }
  return std::nullopt;
}

void end_running_item(SessionInProgress& session, Timestamp now, bool finished,
                      std::vector<protocol::EventBody>& events) {
  if (!session.current_item) {
    return;
  }
  const auto it = std::ranges::find(session.agenda, *session.current_item, &ItemRecord::item);
  if (it != session.agenda.end() && it->started_at) {
    const auto ran =
        std::chrono::duration_cast<std::chrono::seconds>(now - *it->started_at).count();
    const auto seconds =
        std::clamp<std::int64_t>(ran, 0, static_cast<std::int64_t>(protocol::kMaxElapsedSeconds));
    it->elapsed_seconds += static_cast<std::uint64_t>(seconds);
    it->started_at.reset();
    it->finished = finished;
    const auto run = static_cast<std::uint64_t>(seconds);
    if (finished) {
      events.emplace_back(protocol::ItemFinished{session.session, it->item, run});
    } else {
      events.emplace_back(protocol::ItemPaused{session.session, it->item, run});
    }
  } else if (it != session.agenda.end() && finished && !it->finished) {
    // Paused with the meeting, then finished (or closed): no run to end.
    it->finished = true;
    events.emplace_back(protocol::ItemFinished{session.session, it->item, 0});
  }
  if (finished) {
    session.current_item.reset();
  }
}

void close_session(KioskState& state, const std::string& session, Timestamp now,
                   std::vector<protocol::EventBody>& events) {
  const auto it = std::ranges::find(state.open, session, &SessionInProgress::session);
  if (it == state.open.end()) {
    return;
  }
  finish_running_item(*it, now, events);
  events.emplace_back(protocol::SessionClosed{session});
  state.open.erase(it);
}

}  // namespace tavla::kiosk::detail
