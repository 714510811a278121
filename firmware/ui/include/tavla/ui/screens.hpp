// The screens: each reads the core's immutable snapshot (and its own view
// state, which only it edits) and appends the user's intents to `out`. No
// screen calls the core or changes the route itself.
#pragma once

#include "tavla/kiosk/snapshot.hpp"
#include "tavla/ui/intents.hpp"
#include "tavla/ui/ui.hpp"
#include "tavla/ui/ui_state.hpp"

namespace tavla::ui {

// Room, clock, today's sessions (titles only), "Sjekk inn" per open
// session, the meeting's agenda, the sync indicator, privacy, leaders, admin.
void home_screen(Ui& ui, const kiosk::Snapshot& snap, Intents& out);
// What is recorded, why, and whom to ask.
void privacy_screen(Ui& ui, Intents& out);
// The roster as tiles (display_name only), search, guest; `session` open.
void check_in_screen(Ui& ui, const kiosk::Snapshot& snap, const kiosk::SessionView& session,
                     CheckInView& view, Intents& out);
// A member's PIN pad for checking in.
void member_pin_screen(Ui& ui, const kiosk::Snapshot& snap, const kiosk::SessionView& session,
                       const kiosk::RosterEntry& member, PinView& view, Intents& out);
// A walk-in guest picks a municipality (or an org at a network meeting).
// `back` is where "back" goes (check-in, or the leader's screen).
void guest_screen(Ui& ui, const kiosk::Snapshot& snap, const kiosk::SessionView& session,
                  Screen back, Intents& out);
// The PIN pad that leads to the leader or admin screen.
void leader_pin_screen(Ui& ui, const kiosk::Snapshot& snap, PinView& view, Intents& out);
void admin_pin_screen(Ui& ui, const kiosk::Snapshot& snap, PinView& view, Intents& out);
// Open and close sessions, who is here, add a walk-in.
void leader_screen(Ui& ui, const kiosk::Snapshot& snap, LeaderView& view, Intents& out);
// A network meeting: agenda, countdown, minutes.
void meeting_screen(Ui& ui, const kiosk::Snapshot& snap, const kiosk::SessionView& session,
                    MeetingView& view, Intents& out);
// Device facts, language, quit; and what the host refused (a tap on its
// count shows the latest).
struct AdminFacts {
  std::string display;  // the platform's description (driver, GL version)
};
void admin_screen(Ui& ui, const kiosk::Snapshot& snap, const AdminFacts& facts, AdminView& view,
                  Intents& out);

}  // namespace tavla::ui
