#include "tavla/host/ingest/acceptance.hpp"

#include <algorithm>
#include <variant>

#include "tavla/protocol/overloaded.hpp"

namespace tavla::host::ingest {
namespace {

using protocol::Affiliation;
using protocol::RejectionCode;
using Verdict = std::optional<RuleViolation>;

// "unknown municipality 'x'" or "unknown org 'x'", if the site lacks it.
std::optional<std::string> unknown_affiliation(const config::Site& site, const Affiliation& a) {
  if (a.kind == Affiliation::Kind::municipality) {
    if (site.municipality(a.id) == nullptr) {
      return "unknown municipality '" + a.id + "'";
    }
  } else if (site.org(a.id) == nullptr) {
    return "unknown org '" + a.id + "'";
  }
  return std::nullopt;
}

RuleViolation not_a_member(const std::string& participant, const std::string& group) {
  return {RejectionCode::not_a_member,
          "participant '" + participant + "' is not a member of group '" + group + "'"};
}

// A leader's correction counts only when its `corrected_by` leads the
// session's group: the kiosk checked the PIN, the host checks the role.
Verdict correction_violation(const config::SiteGroup* group,
                             const std::optional<std::string>& corrected_by) {
  if (!corrected_by) {
    return std::nullopt;
  }
  const auto* leader = group == nullptr ? nullptr : group->member(*corrected_by);
  if (leader == nullptr || !leader->leader) {
    return RuleViolation{RejectionCode::not_a_leader,
                         "correction by '" + *corrected_by + "', who does not lead group '" +
                             (group == nullptr ? std::string() : group->id) + "'"};
  }
  return std::nullopt;
}

Verdict check_in_violation(const config::Site& site, const storage::StoredSession& session,
                           const protocol::CheckedIn& in) {
  if (in.method == protocol::CheckInMethod::guest) {
    if (auto problem = unknown_affiliation(site, in.affiliation)) {
      return RuleViolation{RejectionCode::unknown_affiliation,
                           "guest " + in.participant + ": " + *problem};
    }
    return std::nullopt;
  }
  // A member's affiliation comes from the registry, not from the event:
  // whatever the kiosk claimed is no reason to refuse (batch_effects.cpp
  // notes a claim that differs).
  const config::SiteGroup* group = site.group(session.group);
  if (group == nullptr || group->member(in.participant) == nullptr) {
    return not_a_member(in.participant, session.group);
  }
  if (auto violation = correction_violation(group, in.corrected_by)) {
    return violation;
  }
  return std::nullopt;
}

Verdict check_out_violation(const config::Site& site, const storage::StoredSession& session,
                            const protocol::CheckedOut& out) {
  const config::SiteGroup* group = site.group(session.group);
  if (!out.participant.starts_with("guest-") &&
      (group == nullptr || group->member(out.participant) == nullptr)) {
    return not_a_member(out.participant, session.group);
  }
  return correction_violation(group, out.corrected_by);
}

// A scheduled session id belongs to the room of its group: those ids are
// predictable, so another room must not take one first.
Verdict scheduled_elsewhere(const config::Site& site, const protocol::Event& event,
                            const protocol::SessionOpened& opened) {
  const auto scheduled =
      std::find_if(site.schedule.begin(), site.schedule.end(),
                   [&](const config::ScheduledSession& s) { return s.session == opened.session; });
  if (scheduled == site.schedule.end()) {
    return std::nullopt;
  }
  const config::SiteGroup* group = site.group(scheduled->group);
  if (group == nullptr || group->device == event.device) {
    return std::nullopt;
  }
  return RuleViolation{RejectionCode::session_of_another_device,
                       "session " + opened.session + " is scheduled for group '" + group->id +
                           "' of device " + group->device + " (another room), not " + event.device};
}

}  // namespace

std::optional<RuleViolation> opening_violation(const config::Site& site,
                                               const protocol::Event& event,
                                               const protocol::SessionOpened& opened) {
  const config::SiteGroup* group = site.group(opened.group);
  if (group == nullptr) {
    return RuleViolation{
        RejectionCode::unknown_group,
        "session " + opened.session + " names unknown group '" + opened.group + "'"};
  }
  if (group->kind != opened.kind) {
    return RuleViolation{RejectionCode::wrong_session_kind,
                         "session " + opened.session + " is " +
                             std::string(protocol::to_string(opened.kind)) + " but group '" +
                             group->id + "' is " + std::string(protocol::to_string(group->kind))};
  }
  if (group->device != event.device) {
    return RuleViolation{
        RejectionCode::group_of_another_device,
        "group '" + group->id + "' belongs to device " + group->device + ", not " + event.device};
  }
  return scheduled_elsewhere(site, event, opened);
}

std::optional<RuleViolation> in_session_violation(const config::Site& site,
                                                  const protocol::Event& event,
                                                  const storage::StoredSession& session) {
  if (session.device != event.device) {
    return RuleViolation{RejectionCode::session_of_another_device,
                         "session " + session.session + " belongs to device " + session.device +
                             " (another room), not " + event.device};
  }
  return std::visit(
      protocol::Overloaded{
          [&](const protocol::CheckedIn& in) { return check_in_violation(site, session, in); },
          [&](const protocol::CheckedOut& out) { return check_out_violation(site, session, out); },
          // Decided by opening_violation: a session.opened never comes here.
          [](const protocol::SessionOpened&) -> Verdict { return std::nullopt; },
          // The rest name only their session: its device is all there is to check.
          [](const protocol::SessionClosed&) -> Verdict { return std::nullopt; },
          [](const protocol::ItemStarted&) -> Verdict { return std::nullopt; },
          [](const protocol::ItemFinished&) -> Verdict { return std::nullopt; },
          [](const protocol::DecisionRecorded&) -> Verdict { return std::nullopt; },
          [](const protocol::ActionRecorded&) -> Verdict { return std::nullopt; },
          [](const protocol::ActionDone&) -> Verdict { return std::nullopt; },
          [](const protocol::Retracted&) -> Verdict { return std::nullopt; },
          [](const protocol::SessionPaused&) -> Verdict { return std::nullopt; },
          [](const protocol::SessionResumed&) -> Verdict { return std::nullopt; },
          [](const protocol::ItemPaused&) -> Verdict { return std::nullopt; },
          [](const protocol::ItemResumed&) -> Verdict { return std::nullopt; },
          [](const protocol::ItemSkipped&) -> Verdict { return std::nullopt; },
          [](const protocol::ItemExtended&) -> Verdict { return std::nullopt; },
          [](const protocol::ActionReopened&) -> Verdict { return std::nullopt; },
      },
      event.body);
}

std::string unit_of(const std::string& participant, const std::optional<std::string>& foster_home,
                    protocol::SessionKind kind) {
  // Network meetings count attendees; group guidance counts foster homes.
  if (kind == protocol::SessionKind::group_guidance && foster_home) {
    return "fh:" + *foster_home;
  }
  return "p:" + participant;
}

std::string unit_of(const protocol::CheckedIn& checked_in, protocol::SessionKind kind) {
  return unit_of(checked_in.participant, checked_in.foster_home, kind);
}

}  // namespace tavla::host::ingest
