// Sessions (open, close), the scheduler's steps and the command dispatch.
#include <algorithm>

#include "domain_internal.hpp"
#include "tavla/kiosk/domain.hpp"
#include "tavla/kiosk/pin.hpp"

namespace tavla::kiosk {

using detail::refuse;

LeaderMatch find_leader(const protocol::RoomConfig& config, std::string_view pin,
                        std::string_view device_secret) {
  LeaderMatch match;
  for (const auto& group : config.groups) {
    for (const auto& member : group.members) {
      if (!member.leader || !has_pin(member)) {
        continue;
      }
      if (match.member != nullptr && match.member->participant != member.participant) {
        continue;  // the first leader whose PIN matches wins; collect their groups
      }
      if (match.member != nullptr || member_pin_matches(member, pin, device_secret)) {
        match.member = &member;
        match.groups.push_back(group.id);
      }
    }
  }
  return match;
}

namespace {

// A leader of `group` whose PIN this is, or the refusal: not_a_leader when the
// PIN is some leader's or member's elsewhere, wrong_pin otherwise.
std::optional<Refusal> check_leader_pin(const protocol::RoomConfig& config,
                                        const protocol::Group* group, std::string_view pin,
                                        std::string_view device_secret) {
  const auto match = find_leader(config, pin, device_secret);
  if (match.member != nullptr) {
    if (group == nullptr || std::ranges::find(match.groups, group->id) != match.groups.end()) {
      return std::nullopt;
    }
    return refuse(RefusalCode::not_a_leader, match.member->participant);
  }
  for (const auto& g : config.groups) {
    for (const auto& m : g.members) {
      if (m.pin_hash && pin_matches(*m.pin_hash, pin)) {
        return refuse(RefusalCode::not_a_leader, m.participant);
      }
    }
  }
  return refuse(RefusalCode::wrong_pin);
}

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
  if (auto refusal = check_leader_pin(config, group, cmd.leader_pin, ctx.device_secret)) {
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
  SessionInProgress session{.session = ctx.ids.next(),
                            .kind = group->kind,
                            .group = group->id,
                            .title = title,
                            .opened_at = ctx.now,
                            .closes_at = ctx.zone.next_midnight(ctx.now)};
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
  t.events.emplace_back(
      protocol::SessionOpened{session.session, session.kind, session.group, session.title, {}});
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
  if (auto refusal = check_leader_pin(config, nullptr, cmd.leader_pin, ctx.device_secret)) {
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
                                                session.title, entry->start});
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
  for (const auto& session : state.open) {
    if (now >= session.closes_at) {
      steps.emplace_back(AutoClose{session.session});
    }
  }
  for (const auto& entry : config.schedule) {
    const bool window = now >= entry.start - tuning.open_before && now < entry.end;
    if (!window) {
      continue;
    }
    const bool seen = std::ranges::find(state.open, entry.session, &SessionInProgress::session) !=
                          state.open.end() ||
                      std::ranges::find(state.handled, entry.session, &HandledSchedule::session) !=
                          state.handled.end();
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
  return next;
}

}  // namespace tavla::kiosk
