// What a stored event of a known session changes: one handler per event
// type, dispatched without a fallback, so a new type that is not handled
// here does not compile.
#include <variant>

#include "batch.hpp"
#include "tavla/protocol/overloaded.hpp"
#include "tavla/protocol/topic.hpp"

namespace tavla::host::ingest {
namespace {

using protocol::Event;
using storage::StoredSession;

std::string order_of(const Event& e) {
  return storage::device_order(e.device, e.epoch, static_cast<std::int64_t>(e.seq));
}

}  // namespace

// `session` is the event's session; for a session.opened, the row it opens.
void Batch::apply(const Event& event, const StoredSession& session) {
  std::visit(protocol::Overloaded{
                 [&](const protocol::SessionOpened&) { open_session(session); },
                 [&](const protocol::SessionClosed&) { close_session(event, session); },
                 [&](const protocol::CheckedIn& in) { check_in(event, in, session); },
                 [&](const protocol::CheckedOut& out) { check_out(event, out, session); },
                 // Agenda progress is the minutes' timeline: the event table keeps
                 // it, and no count, report or room config is derived from it.
                 [](const protocol::ItemStarted&) {},
                 [](const protocol::ItemFinished&) {},
                 [](const protocol::ItemPaused&) {},
                 [](const protocol::ItemResumed&) {},
                 [](const protocol::ItemSkipped&) {},
                 [](const protocol::ItemExtended&) {},
                 [](const protocol::SessionPaused&) {},
                 [](const protocol::SessionResumed&) {},
                 [&](const protocol::DecisionRecorded& d) {
                   repos_.minutes().record_decision(tx_, d.decision, session.session, d.item,
                                                    d.text);
                 },
                 [&](const protocol::ActionRecorded& a) { record_action(event, a, session); },
                 [&](const protocol::ActionDone& done) { mark(done.action, "done", session); },
                 [&](const protocol::Retracted& r) { mark(r.target, "retracted", session); },
                 // The kiosk's undo of a "done": the action is open again.
                 [&](const protocol::ActionReopened& r) { unmark(r.action, "done", session); },
             },
             event.body);
}

void Batch::open_session(const StoredSession& session) {
  repos_.attendance().insert_session(tx_, session);
  sessions_[session.session] = session;
  decide_waiting_events(session);
}

// Events that arrived before their session.opened are decided now, by the
// rules of a known session. They were acked when they arrived; one refused
// now is acked again with its code, so its device learns why.
void Batch::decide_waiting_events(const StoredSession& session) {
  for (const auto& waiting : repos_.events().pending_events(session.session)) {
    const auto decoded = protocol::decode_event(waiting.payload);
    if (!decoded) {
      continue;  // cannot happen: only decoded events are stored
    }
    if (auto violation = in_session_violation(site_, decoded.value(), session)) {
      const std::string code(protocol::to_string(violation->code));
      repos_.events().move_to_quarantine(
          tx_, waiting, protocol::topic_for(site_.id, waiting.device, protocol::Channel::events),
          code, violation->detail, now_);
      ack(waiting.device, waiting.id, code);
      continue;
    }
    apply(decoded.value(), session);
    repos_.events().mark_applied(tx_, waiting.id);
  }
}

void Batch::close_session(const Event& event, const StoredSession& session) {
  repos_.attendance().close_session(tx_, session.session, protocol::format_timestamp(event.ts));
  sessions_.erase(session.session);  // the next look-up reads the row as it is now
}

void Batch::check_in(const Event& event, const protocol::CheckedIn& in,
                     const StoredSession& session) {
  const auto kind = protocol::session_kind_from_string(session.kind).value();
  // A guest keeps the municipality or org picked on the screen; a member's
  // come from the registry, whatever the kiosk claimed.
  Membership who{in.affiliation, in.foster_home};
  if (in.method != protocol::CheckInMethod::guest) {
    who = registered(event, in, session).value_or(who);
  }
  storage::AttendanceFact fact{
      in.participant, true, unit_of(in.participant, who.foster_home, kind), {}, {},
      order_of(event)};
  (who.affiliation.kind == protocol::Affiliation::Kind::municipality ? fact.municipality
                                                                     : fact.org) =
      who.affiliation.id;
  repos_.attendance().apply(tx_, session, fact);
}

std::optional<Membership> Batch::registered(const Event& event, const protocol::CheckedIn& in,
                                            const StoredSession& session) {
  auto member = membership_on(registry_of(session.group), site_.group(session.group),
                              in.participant, billing_date(session));
  if (member && (member->affiliation != in.affiliation || member->foster_home != in.foster_home)) {
    const auto side = [](const protocol::Affiliation& a, protocol::Affiliation::Kind kind) {
      return a.kind == kind ? std::optional(a.id) : std::nullopt;
    };
    constexpr auto kMuni = protocol::Affiliation::Kind::municipality;
    constexpr auto kOrg = protocol::Affiliation::Kind::org;
    repos_.registry().note_mismatch(
        tx_, {0, session.session, in.participant, event.id, side(in.affiliation, kMuni),
              side(in.affiliation, kOrg), in.foster_home, side(member->affiliation, kMuni),
              side(member->affiliation, kOrg), member->foster_home, now_});
    ++result_.mismatches;
  }
  return member;
}

void Batch::check_out(const Event& event, const protocol::CheckedOut& out,
                      const StoredSession& session) {
  repos_.attendance().apply(tx_, session, {out.participant, false, "", {}, {}, order_of(event)});
}

void Batch::record_action(const Event& event, const protocol::ActionRecorded& action,
                          const StoredSession& session) {
  repos_.minutes().record_action(
      tx_,
      {action.action, session.group, session.session, action.text, action.owner,
       action.due ? std::optional(protocol::format_date(*action.due)) : std::nullopt,
       protocol::format_timestamp(event.ts)},
      action.item);
  result_.action_groups.insert(session.group);
}

void Batch::mark(const std::string& target, const std::string& mark, const StoredSession& session) {
  repos_.minutes().mark(tx_, target, mark, session.session);
  result_.action_groups.insert(session.group);
}

void Batch::unmark(const std::string& target, const std::string& mark,
                   const StoredSession& session) {
  repos_.minutes().unmark(tx_, target, mark);
  result_.action_groups.insert(session.group);
}

}  // namespace tavla::host::ingest
