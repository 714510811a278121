// Network meetings: who leads them on this screen, decisions, actions,
// retractions, and actions marked done (and that undone). The agenda's
// moves are in domain_agenda.cpp.
#include <algorithm>

#include "domain_internal.hpp"
#include "tavla/kiosk/domain.hpp"
#include "tavla/protocol/limits.hpp"

namespace tavla::kiosk::detail {
namespace {

ItemRecord* find_item(SessionInProgress& session, std::string_view item) {
  const auto it = std::ranges::find(session.agenda, item, &ItemRecord::item);
  return it == session.agenda.end() ? nullptr : &*it;
}

// The item a decision or action goes under: the named one, else the running one.
std::variant<std::string, Refusal> item_for(SessionInProgress& session,
                                            const std::optional<std::string>& item) {
  if (!item) {
    if (!session.current_item) {
      return refuse(RefusalCode::no_current_item);
    }
    return *session.current_item;
  }
  if (find_item(session, *item) == nullptr) {
    return refuse(RefusalCode::unknown_item, *item);
  }
  return *item;
}

struct MeetingRules {
  const protocol::RoomConfig& config;
  DomainContext& ctx;
  Transition& t;

  std::optional<Refusal> operator()(SessionInProgress& s, const RecordDecision& cmd) const {
    auto item = item_for(s, cmd.item);
    if (auto* refusal = std::get_if<Refusal>(&item)) {
      return *refusal;
    }
    if (auto refusal = check_text("text", cmd.text)) {
      return refusal;
    }
    t.subject = ctx.ids.next();
    const auto& item_id = std::get<std::string>(item);
    s.decisions.push_back(DecisionRecord{t.subject, item_id, cmd.text, ctx.now});
    t.events.emplace_back(protocol::DecisionRecorded{s.session, item_id, t.subject, cmd.text});
    return std::nullopt;
  }

  std::optional<Refusal> operator()(SessionInProgress& s, const RecordAction& cmd) const {
    auto item = item_for(s, cmd.item);
    if (auto* refusal = std::get_if<Refusal>(&item)) {
      return *refusal;
    }
    if (auto refusal = check_text("text", cmd.text)) {
      return refusal;
    }
    const auto* group = find_group(config, s.group);
    if (group == nullptr || find_member(*group, cmd.owner) == nullptr) {
      return refuse(RefusalCode::unknown_owner, cmd.owner);
    }
    t.subject = ctx.ids.next();
    const auto& item_id = std::get<std::string>(item);
    s.actions.push_back(ActionRecord{.action = t.subject,
                                     .item = item_id,
                                     .text = cmd.text,
                                     .owner = cmd.owner,
                                     .due = cmd.due,
                                     .at = ctx.now});
    t.events.emplace_back(
        protocol::ActionRecorded{s.session, item_id, t.subject, cmd.text, cmd.owner, cmd.due});
    return std::nullopt;
  }

  std::optional<Refusal> operator()(SessionInProgress& s, const Retract& cmd) const {
    if (cmd.reason) {
      if (auto refusal = check_text("reason", *cmd.reason, 0)) {
        return refusal;
      }
    }
    bool* retracted = nullptr;
    if (auto it = std::ranges::find(s.decisions, cmd.target, &DecisionRecord::decision);
        it != s.decisions.end()) {
      retracted = &it->retracted;
    } else if (auto a = std::ranges::find(s.actions, cmd.target, &ActionRecord::action);
               a != s.actions.end()) {
      retracted = &a->retracted;
    }
    if (retracted == nullptr) {
      return refuse(RefusalCode::unknown_target, cmd.target);
    }
    if (*retracted) {
      return refuse(RefusalCode::already_retracted, cmd.target);
    }
    *retracted = true;
    t.events.emplace_back(protocol::Retracted{s.session, cmd.target, cmd.reason});
    return std::nullopt;
  }

  std::optional<Refusal> operator()(SessionInProgress& s, const MarkActionDone& cmd) const {
    if (auto a = std::ranges::find(s.actions, cmd.action, &ActionRecord::action);
        a != s.actions.end() && !a->retracted) {
      if (a->done) {
        return refuse(RefusalCode::action_already_done, cmd.action);
      }
      a->done = true;
    } else if (std::ranges::find(config.open_actions, cmd.action, &protocol::OpenAction::action) !=
               config.open_actions.end()) {
      if (std::ranges::find(t.next.carried_done, cmd.action) != t.next.carried_done.end()) {
        return refuse(RefusalCode::action_already_done, cmd.action);
      }
      t.next.carried_done.push_back(cmd.action);
      s.carried_done.push_back(cmd.action);
    } else {
      return refuse(RefusalCode::unknown_action, cmd.action);
    }
    s.last_done = cmd.action;
    s.last_done_at = ctx.now;
    t.events.emplace_back(protocol::ActionDone{s.session, cmd.action});
    return std::nullopt;
  }

  // Only the latest "done" of this session, within the undo window.
  std::optional<Refusal> operator()(SessionInProgress& s, const UndoActionDone& cmd) const {
    if (s.last_done != cmd.action || !s.last_done_at ||
        ctx.now >= *s.last_done_at + ctx.tuning.undo_window) {
      return refuse(RefusalCode::nothing_to_undo, cmd.action);
    }
    if (auto a = std::ranges::find(s.actions, cmd.action, &ActionRecord::action);
        a != s.actions.end()) {
      a->done = false;
    }
    std::erase(s.carried_done, cmd.action);
    std::erase(t.next.carried_done, cmd.action);
    s.last_done.reset();
    s.last_done_at.reset();
    t.events.emplace_back(protocol::ActionReopened{s.session, cmd.action});
    return std::nullopt;
  }
};

// The command applied to its open network meeting by the handler for
// its type in MeetingRules (a meeting command without one does not compile).
template <class MeetingCommand>
DomainResult in_meeting(const protocol::RoomConfig& config, const KioskState& state,
                        const MeetingCommand& cmd, DomainContext& ctx) {
  Transition t{state, {}, {}};
  auto found = led_meeting(config, t.next, cmd.session, ctx);
  if (auto* refusal = std::get_if<Refusal>(&found)) {
    return *refusal;
  }
  const MeetingRules rules{config, ctx, t};
  if (auto refusal = rules(*std::get<SessionInProgress*>(found), cmd)) {
    return *refusal;
  }
  return t;
}

// A leader of the meeting's group takes it on this screen (their PIN).
DomainResult lead(const protocol::RoomConfig& config, const KioskState& state,
                  const LeadMeeting& cmd, DomainContext& ctx) {
  Transition t{state, {}, cmd.leader};
  auto found = meeting(config, t.next, cmd.session);
  if (auto* refusal = std::get_if<Refusal>(&found)) {
    return *refusal;
  }
  auto* s = std::get<SessionInProgress*>(found);
  const auto* group = find_group(config, s->group);
  if (group == nullptr) {
    return refuse(RefusalCode::unknown_group, s->group);
  }
  if (auto refusal = check_leader_pin(config, group, cmd.leader, cmd.leader_pin, pins_of(ctx))) {
    return *refusal;
  }
  s->led_by = cmd.leader;
  s->led_until = ctx.now + ctx.tuning.meeting_lock;
  return t;  // no event: who runs the screen is the room's business
}

}  // namespace

std::variant<SessionInProgress*, Refusal> meeting(const protocol::RoomConfig& config,
                                                  KioskState& state, std::string_view session_id) {
  auto found = open_session(config, state, session_id);
  if (auto* refusal = std::get_if<Refusal>(&found)) {
    return *refusal;
  }
  auto* session = std::get<SessionInProgress*>(found);
  if (session->kind != protocol::SessionKind::network_meeting) {
    return refuse(RefusalCode::wrong_session_kind, session->session,
                  "agenda and minutes belong to network meetings");
  }
  return session;
}

std::variant<SessionInProgress*, Refusal> led_meeting(const protocol::RoomConfig& config,
                                                      KioskState& state, std::string_view session,
                                                      const DomainContext& ctx) {
  auto found = meeting(config, state, session);
  if (auto* refusal = std::get_if<Refusal>(&found)) {
    return *refusal;
  }
  auto* s = std::get<SessionInProgress*>(found);
  if (!s->led_by || !s->led_until || ctx.now >= *s->led_until) {
    return refuse(RefusalCode::meeting_locked, s->session, "no leader has taken the meeting");
  }
  s->led_until = ctx.now + ctx.tuning.meeting_lock;
  return s;
}

DomainResult apply_command(const protocol::RoomConfig& config, const KioskState& state,
                           const LeadMeeting& cmd, DomainContext& ctx) {
  return lead(config, state, cmd, ctx);
}
DomainResult apply_command(const protocol::RoomConfig& config, const KioskState& state,
                           const UndoActionDone& cmd, DomainContext& ctx) {
  return in_meeting(config, state, cmd, ctx);
}
DomainResult apply_command(const protocol::RoomConfig& config, const KioskState& state,
                           const RecordDecision& cmd, DomainContext& ctx) {
  return in_meeting(config, state, cmd, ctx);
}
DomainResult apply_command(const protocol::RoomConfig& config, const KioskState& state,
                           const RecordAction& cmd, DomainContext& ctx) {
  return in_meeting(config, state, cmd, ctx);
}
DomainResult apply_command(const protocol::RoomConfig& config, const KioskState& state,
                           const Retract& cmd, DomainContext& ctx) {
  return in_meeting(config, state, cmd, ctx);
}
DomainResult apply_command(const protocol::RoomConfig& config, const KioskState& state,
                           const MarkActionDone& cmd, DomainContext& ctx) {
  return in_meeting(config, state, cmd, ctx);
}

}  // namespace tavla::kiosk::detail
