#include "tavla/host/ingest/acceptance.hpp"

#include <variant>

namespace tavla::host::ingest {
namespace {

using protocol::Affiliation;

std::optional<std::string> reject_affiliation(const config::Site& site, const Affiliation& a) {
  if (a.kind == Affiliation::Kind::municipality) {
    if (site.municipality(a.id) == nullptr) {
      return "unknown municipality '" + a.id + "'";
    }
  } else if (site.org(a.id) == nullptr) {
    return "unknown org '" + a.id + "'";
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> reject_opening(const config::Site& site, const protocol::Event& event,
                                          const protocol::SessionOpened& opened) {
  const config::SiteGroup* group = site.group(opened.group);
  if (group == nullptr) {
    return "session " + opened.session + " names unknown group '" + opened.group + "'";
  }
  if (group->kind != opened.kind) {
    return "session " + opened.session + " is " + std::string(protocol::to_string(opened.kind)) +
           " but group '" + group->id + "' is " + std::string(protocol::to_string(group->kind));
  }
  if (group->device != event.device) {
    return "group '" + group->id + "' belongs to device " + group->device + ", not " + event.device;
  }
  return std::nullopt;
}

std::optional<std::string> reject_in_session(const config::Site& site, const protocol::Event& event,
                                             const storage::StoredSession& session) {
  if (session.device != event.device) {
    return "session " + session.session + " belongs to device " + session.device +
           " (another room), not " + event.device;
  }
  const config::SiteGroup* group = site.group(session.group);
  if (const auto* in = std::get_if<protocol::CheckedIn>(&event.body)) {
    if (in->method == protocol::CheckInMethod::guest) {
      if (auto problem = reject_affiliation(site, in->affiliation)) {
        return "guest " + in->participant + ": " + *problem;
      }
      return std::nullopt;
    }
    const config::GroupMember* member = group != nullptr ? group->member(in->participant) : nullptr;
    if (member == nullptr) {
      return "participant '" + in->participant + "' is not a member of group '" + session.group +
             "'";
    }
    if (auto problem = reject_affiliation(site, in->affiliation)) {
      return "participant " + in->participant + ": " + *problem;
    }
    return std::nullopt;
  }
  if (const auto* out = std::get_if<protocol::CheckedOut>(&event.body)) {
    if (!out->participant.starts_with("guest-") &&
        (group == nullptr || group->member(out->participant) == nullptr)) {
      return "participant '" + out->participant + "' is not a member of group '" + session.group +
             "'";
    }
  }
  return std::nullopt;
}

std::string unit_of(const protocol::CheckedIn& checked_in, protocol::SessionKind kind) {
  // Network meetings count attendees; group guidance counts foster homes.
  if (kind == protocol::SessionKind::group_guidance && checked_in.foster_home) {
    return "fh:" + *checked_in.foster_home;
  }
  return "p:" + checked_in.participant;
}

}  // namespace tavla::host::ingest
