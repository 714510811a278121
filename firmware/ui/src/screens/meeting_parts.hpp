// The meeting screen's parts, shared by its main view and its editors.
#pragma once

#include <imgui.h>

#include "tavla/ui/screens.hpp"

namespace tavla::ui::meeting {

// Draws the editor `view.mode` asks for (decision, action, added item,
// retract, open actions) and says whether it did: false in the main view.
bool editor_shown(Ui& ui, const kiosk::Snapshot& snap, const kiosk::SessionView& session,
                  MeetingView& view, Intents& out);

// Whether a leader runs the meeting on this screen now (LeadMeeting, not
// yet past its idle lock).
[[nodiscard]] bool led_here(const Ui& ui, const kiosk::SessionView& session);
// The leader's tiles, then the PIN pad: taking the meeting (meeting_lead.cpp).
void lead_view(Ui& ui, const kiosk::SessionView& session, MeetingView& view, Intents& out);

// The reminder that minutes may become public, on one line.
void public_reminder(Ui& ui);

// The running item's time box (`item` nullptr: none runs): big figures, and a
// symbol, a text and a border that change near the end and when over, as
// well as the colour (meeting_countdown.cpp).
void countdown_box(Ui& ui, const kiosk::AgendaItemView* item, ImVec2 size);

}  // namespace tavla::ui::meeting
