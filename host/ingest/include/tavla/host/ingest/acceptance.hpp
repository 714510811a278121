// What the host accepts (docs/domain.md, "Rules of trust"; the refusal codes
// are in protocol/README.md, "Ack"), as pure functions of the site
// configuration and the session an event belongs to. A RuleViolation (a code
// and a sentence) is returned for anything unacceptable; the caller
// quarantines the event with it and names the code in the device's ack.
#pragma once

#include <optional>
#include <string>

#include "tavla/host/config/site.hpp"
#include "tavla/host/storage/attendance.hpp"
#include "tavla/protocol/event.hpp"
#include "tavla/protocol/messages.hpp"

namespace tavla::host::ingest {

// A host rule an event breaks: the code that goes into the quarantine table
// and the ack's `rejected`, and the detail that goes into the quarantine's
// reason.
struct RuleViolation {
  protocol::RejectionCode code{};
  std::string detail;
};

// A session.opened: its group exists, has the same kind, and belongs to the
// device that sent it; a scheduled session's id is opened only by the device
// of the group it is scheduled for (session_of_another_device).
[[nodiscard]] std::optional<RuleViolation> opening_violation(const config::Site& site,
                                                             const protocol::Event& event,
                                                             const protocol::SessionOpened& opened);

// Any other event of a known session: sent by the session's device; a
// check-in names a member of the session's group (whose affiliation the
// registry decides, whatever the event claims), or is a guest with a known
// municipality or org; a withdrawal names a member or a guest.
[[nodiscard]] std::optional<RuleViolation> in_session_violation(
    const config::Site& site, const protocol::Event& event, const storage::StoredSession& session);

// The attendance unit of a check-in: in group guidance its foster home,
// else the participant.
[[nodiscard]] std::string unit_of(const std::string& participant,
                                  const std::optional<std::string>& foster_home,
                                  protocol::SessionKind kind);
// The same with the event's own foster home.
[[nodiscard]] std::string unit_of(const protocol::CheckedIn& checked_in,
                                  protocol::SessionKind kind);

}  // namespace tavla::host::ingest
