// Why the core refused a command: a stable code plus data, never a sentence
// for people. The UI turns a code into text from its nb/nn/en catalogues;
// `detail` is English for logs only and never shown.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "tavla/kiosk/time.hpp"

namespace tavla::kiosk {

enum class RefusalCode {
  no_config,             // no room config has arrived yet
  unknown_group,         // subject: the group id
  unknown_session,       // subject: the session id (not open, not in today's schedule)
  session_not_open,      // subject: the session id (e.g. closing a closed session)
  session_already_open,  // subject: the session id
  wrong_session_kind,    // agenda/minutes on group guidance, or the reverse
  not_in_roster,         // subject: the participant id
  already_checked_in,    // subject: the participant id
  not_checked_in,        // subject: the participant id (undo of nobody)
  undo_window_passed,    // subject: participant; until: when the window closed
  no_pin,                // subject: the participant, who has no pin_hash
  wrong_pin,             // subject: whose PIN; it does not match (counts towards their lockout)
  pins_locked,   // subject: whose PIN; too many wrong tries; until: when it is accepted again
  not_a_leader,  // subject: the participant, who leads no such group
  unknown_affiliation,   // subject: a municipality/org id not in the room config
  unknown_agenda,        // subject: the agenda template id
  unknown_item,          // subject: the agenda item id
  item_already_running,  // subject: the item id
  item_not_running,      // subject: the item id (finishing an item that is not current)
  no_current_item,       // a decision/action without an item while none runs
  unknown_owner,         // subject: the owner id (not a member of the session's group)
  invalid_text,          // subject: the field ("text", "title", "reason"); detail says why
  invalid_minutes,       // planned minutes outside 0..1440
  unknown_target,        // subject: the decision/action id to retract
  already_retracted,     // subject: the decision/action id
  unknown_action,        // subject: the action id to mark done
  action_already_done,   // subject: the action id
  storage_failed,        // the local database refused the write; nothing changed
  national_id,           // subject: the field; the text holds an identity number
  meeting_locked,        // subject: the session; no leader has taken the meeting (LeadMeeting)
  meeting_paused,        // subject: the session; resume the meeting first
  meeting_not_paused,    // subject: the session
  nothing_to_undo,       // subject: the action (not the latest done, or its undo has passed)
};

// The code's stable name ("already_checked_in"), for logs, scripts and tests.
// Throws std::invalid_argument for a value outside the enumeration.
[[nodiscard]] std::string_view to_string(RefusalCode code);

struct Refusal {
  RefusalCode code{};
  std::string subject;             // the id the refusal is about, when there is one
  std::optional<Timestamp> until;  // for pins_locked and undo_window_passed
  std::string detail;              // English, for logs; never shown to users
  bool operator==(const Refusal&) const = default;
};

}  // namespace tavla::kiosk
