// Sessions (open, close), the scheduler's steps and the command dispatch.
#include <algorithm>

#include "domain_internal.hpp"
#include "tavla/kiosk/domain.hpp"
#include "tavla/kiosk/pin.hpp"
#include "tavla/protocol/limits.hpp"

namespace tavla::kiosk {

using detail::refuse;

LeaderMatch find_leader(const protocol::RoomConfig& config, std::string_view participant) {
  LeaderMatch match;
  for (const auto& group : config.groups) {
    const auto* member = detail::find_member(group, participant);
    if (member != nullptr && member->leader) {
      match.member = member;
      match.groups.push_back(group.id);
    }
  }
  return match;
}

std::optional<Refusal> check_leader_pin(const protocol::RoomConfig& config,
                                        const protocol::Group* group, const std::string& leader,
                                        std::string_view pin, const PinChecker& pins) {
  const auto match = find_leader(config, leader);
  const bool leads =
      match.member != nullptr &&
      (group == nullptr || std::ranges::find(match.groups, group->id) != match.groups.end());
  if (!leads) {
    return refuse(RefusalCode::not_a_leader, leader);
  }
  if (!has_pin(*match.member)) {
    return refuse(RefusalCode::no_pin, leader);
  }
  if (!pins.matches(*match.member, pin)) {
    return refuse(RefusalCode::wrong_pin, leader);
  }
  return std::nullopt;
}

namespace {

std::vector<ItemRecord> agenda_from(const protocol::Agenda& agenda) {
  std::vector<ItemRecord> items;
  for (const auto& entry : agenda.items) {
    items.push_back(
        ItemRecord{.item = entry.item, .title = entry.title, .planned_minutes = entry.minutes});
  }
  return items;
}

DomainResult open_unscheduled(const protocol::RoomConfig& config, const KioskState& state,
                              const OpenSession& cmd, DomainContext& ctx) {
  const auto* group = detail::find_group(config, cmd.group);
  if (group == nullptr) {
    return refuse(RefusalCode::unknown_group, cmd.group);
  }
  if (auto refusal =
          check_leader_pin(config, group, cmd.leader, cmd.leader_pin, detail::pins_of(ctx))) {
    return *refusal;
  }
  const auto busy = std::ranges::find(state.open, cmd.group, &SessionInProgress::group);
  if (busy != state.open.end()) {
    return refuse(RefusalCode::session_already_open, busy->session,
                  "the group has an open session");
  }
  const std::string title = cmd.title.value_or(group->name);
  if (auto refusal = detail::check_text("title", title)) {
    return *refusal;
  }
  if (cmd.minutes == 0 || cmd.minutes > protocol::kMaxPlannedMinutes) {
    return refuse(RefusalCode::invalid_minutes, std::to_string(cmd.minutes));
  }
  const Timestamp end = ctx.now + std::chrono::minutes(cmd.minutes);
  SessionInProgress session{.session = ctx.ids.next(),
                            .kind = group->kind,
                            .group = group->id,
                            .title = title,
                            .planned_end = end,
                            .opened_at = ctx.now,
                            .closes_at = end + ctx.tuning.close_grace};
  if (cmd.agenda) {
    const auto agenda = std::ranges::find(config.agendas, *cmd.agenda, &protocol::Agenda::id);
    if (agenda == config.agendas.end()) {
      return refuse(RefusalCode::unknown_agenda, *cmd.agenda);
    }
    if (group->kind != protocol::SessionKind::network_meeting) {
      return refuse(RefusalCode::wrong_session_kind, group->id, "agendas are for network meetings");
    }
    session.agenda = agenda_from(*agenda);
  }
  Transition t{state, {}, session.session};
  t.events.emplace_back(protocol::SessionOpened{session.session, session.kind, session.group,
                                                session.title, std::nullopt, end});
  t.next.open.push_back(std::move(session));
  return t;
}

DomainResult close(const protocol::RoomConfig& config, const KioskState& state,
                   const CloseSession& cmd, DomainContext& ctx) {
  Transition t{state, {}, {}};
  auto found = detail::open_session(config, t.next, cmd.session);
  if (auto* refusal = std::get_if<Refusal>(&found)) {
    return *refusal;
  }
  // Only a leader of the session's own group: never another group's.
  const auto* group = detail::find_group(config, std::get<SessionInProgress*>(found)->group);
  if (group == nullptr) {
    return refuse(RefusalCode::unknown_group, std::get<SessionInProgress*>(found)->group);
  }
  if (auto refusal =
          check_leader_pin(config, group, cmd.leader, cmd.leader_pin, detail::pins_of(ctx))) {
    return *refusal;
  }
  detail::close_session(t.next, cmd.session, ctx.now, t.events);
  return t;
}

DomainResult apply_step(const protocol::RoomConfig& config, const KioskState& state,
                        const OpenScheduled& step, DomainContext& ctx) {
  const auto* entry = detail::find_scheduled(config, step.session);
  if (entry == nullptr) {
    return refuse(RefusalCode::unknown_session, step.session);
  }
  if (std::ranges::find(state.open, step.session, &SessionInProgress::session) !=
          state.open.end() ||
      std::ranges::find(state.handled, step.session, &HandledSchedule::session) !=
          state.handled.end()) {
    return refuse(RefusalCode::session_already_open, step.session);
  }
  const auto* group = detail::find_group(config, entry->group);
  if (group == nullptr) {
    return refuse(RefusalCode::unknown_group, entry->group);
  }
  SessionInProgress session{.session = entry->session,
                            .kind = entry->kind,
                            .group = entry->group,
                            .title = entry->title,
                            .scheduled = true,
                            .planned_start = entry->start,
                            .planned_end = entry->end,
                            .opened_at = ctx.now,
                            .closes_at = entry->end + ctx.tuning.close_grace};
  if (entry->agenda) {
    const auto agenda = std::ranges::find(config.agendas, *entry->agenda, &protocol::Agenda::id);
    if (agenda != config.agendas.end()) {
      session.agenda = agenda_from(*agenda);
    }
  }
  Transition t{state, {}, session.session};
  t.events.emplace_back(protocol::SessionOpened{session.session, session.kind, session.group,
                                                session.title, entry->start, entry->end});
  t.next.handled.push_back(HandledSchedule{entry->session, entry->end});
  t.next.open.push_back(std::move(session));
  return t;
}

DomainResult apply_step(const protocol::RoomConfig& /*config*/, const KioskState& state,
                        const AutoClose& step, DomainContext& ctx) {
  if (std::ranges::find(state.open, step.session, &SessionInProgress::session) ==
      state.open.end()) {
    return refuse(RefusalCode::session_not_open, step.session);
  }
  Transition t{state, {}, {}};
  detail::close_session(t.next, step.session, ctx.now, t.events);
  return t;
}

DomainResult apply_step(const protocol::RoomConfig& config, const KioskState& state,
                        const CancelSession& step, DomainContext& ctx) {
  const auto cancelled =
      std::ranges::find(config.cancelled, step.session, &protocol::CancelledSession::session);
  if (cancelled == config.cancelled.end()) {
    return refuse(RefusalCode::unknown_session, step.session);
  }
  Transition t{state, {}, step.session};
  const auto* entry = detail::find_scheduled(config, step.session);
  const auto open = std::ranges::find(t.next.open, step.session, &SessionInProgress::session);
  std::string title = entry != nullptr ? entry->title : std::string();
  if (open != t.next.open.end()) {
    title = open->title;
  }
  const Timestamp end = entry != nullptr ? entry->end : ctx.zone.next_midnight(ctx.now);
  if (std::ranges::find(t.next.handled, step.session, &HandledSchedule::session) ==
      t.next.handled.end()) {
    t.next.handled.push_back(HandledSchedule{step.session, end});
  }
  if (open != t.next.open.end()) {
    detail::close_session(t.next, step.session, ctx.now, t.events);
  }
  t.next.notices.push_back(CancelNotice{step.session, title, cancelled->reason,
                                        std::max(end, ctx.zone.next_midnight(ctx.now))});
  return t;
}

}  // namespace

namespace detail {

DomainResult apply_command(const protocol::RoomConfig& config, const KioskState& state,
                           const OpenSession& cmd, DomainContext& ctx) {
  return open_unscheduled(config, state, cmd, ctx);
}

DomainResult apply_command(const protocol::RoomConfig& config, const KioskState& state,
                           const CloseSession& cmd, DomainContext& ctx) {
  return close(config, state, cmd, ctx);
}

}  // namespace detail

DomainResult apply(const protocol::RoomConfig& config, const KioskState& state,
                   const Command& command, DomainContext& ctx) {
  // One overload of apply_command per command type (domain_internal.hpp).
  return std::visit([&](const auto& cmd) { return detail::apply_command(config, state, cmd, ctx); },
                    command);
}

std::vector<SchedulerStep> due_steps(const protocol::RoomConfig& config, const KioskState& state,
                                     Timestamp now, const Tuning& tuning) {
  std::vector<SchedulerStep> steps;
  const auto is_open = [&](const std::string& session) {
    return std::ranges::find(state.open, session, &SessionInProgress::session) != state.open.end();
  };
  const auto is_handled = [&](const std::string& session) {
    return std::ranges::find(state.handled, session, &HandledSchedule::session) !=
           state.handled.end();
  };
  const auto is_cancelled = [&](const std::string& session) {
    return std::ranges::find(config.cancelled, session, &protocol::CancelledSession::session) !=
           config.cancelled.end();
  };
  for (const auto& cancelled : config.cancelled) {
    const auto* entry = detail::find_scheduled(config, cancelled.session);
    const bool today_or_later = entry != nullptr && now < entry->end;
    if (is_open(cancelled.session) || (today_or_later && !is_handled(cancelled.session))) {
      steps.emplace_back(CancelSession{cancelled.session});
    }
  }
  for (const auto& session : state.open) {
    if (now >= session.closes_at && !is_cancelled(session.session)) {
      steps.emplace_back(AutoClose{session.session});
    }
  }
  for (const auto& entry : config.schedule) {
    const bool window = now >= entry.start - tuning.open_before && now < entry.end;
    if (!window || is_cancelled(entry.session)) {
      continue;
    }
    const bool seen = is_open(entry.session) || is_handled(entry.session);
    // One open session per group: a leader's unscheduled session keeps the
    // room until it is closed.
    const bool group_busy =
        std::ranges::find(state.open, entry.group, &SessionInProgress::group) != state.open.end();
    if (!seen && !group_busy) {
      steps.emplace_back(OpenScheduled{entry.session});
    }
  }
  return steps;
}

DomainResult apply(const protocol::RoomConfig& config, const KioskState& state,
                   const SchedulerStep& step, DomainContext& ctx) {
  return std::visit([&](const auto& s) { return apply_step(config, state, s, ctx); }, step);
}

KioskState tidy(const KioskState& state, Timestamp now) {
  KioskState next = state;
  std::erase_if(next.handled, [&](const HandledSchedule& h) {
    const bool open =
        std::ranges::find(next.open, h.session, &SessionInProgress::session) != next.open.end();
    return !open && now > h.end + std::chrono::hours(24);
  });
  std::erase_if(next.notices, [&](const CancelNotice& n) { return now >= n.until; });
  return next;
}

}  // namespace tavla::kiosk
