// Who runs the meeting on this screen (meeting_parts.hpp): until a leader of
// the meeting's group has named themself and typed the PIN, the meeting
// shows its agenda read-only and asks for that leader; it locks again after
// the room's idle time without anyone running it.
#include "meeting_parts.hpp"
#include "tavla/ui/chrome.hpp"
#include "tavla/ui/input_views.hpp"
#include "tavla/ui/theme.hpp"

namespace tavla::ui::meeting {

bool led_here(const Ui& ui, const kiosk::SessionView& session) {
  return session.led_by && session.led_until && ui.now < *session.led_until;
}

void lead_view(Ui& ui, const kiosk::SessionView& session, MeetingView& view, Intents& out) {
  const auto& m = ui.metrics;
  const float width = ImGui::GetWindowWidth() - 2 * m.margin();
  const kiosk::RosterEntry* chosen = nullptr;
  for (const auto& member : session.roster) {
    if (member.participant == view.lead_person && member.leader && member.has_pin) {
      chosen = &member;
    }
  }
  if (chosen == nullptr) {
    text_wrapped(ui, ui.text(T::meeting_take), ui.fonts.large, theme::kText, width);
    ImGui::Dummy({0, m.gap()});
    for (const auto& member : session.roster) {
      if (member.leader && member.has_pin &&
          button(ui, "meeting.lead." + member.participant, member.display_name,
                 {m.px(260), m.px(72)}, {.tone = Tone::primary, .font = ui.fonts.large})) {
        view.lead_person = member.participant;
        view.lead_pin.clear();
      }
    }
    return;
  }
  text_line(ui, ui.text.format(T::pin_enter_for, {{"name", chosen->display_name}}), ui.fonts.bold,
            theme::kText);
  const float pad_width = std::min(width, m.px(420));
  const float height = ImGui::GetWindowHeight() - m.margin() - ImGui::GetCursorPosY();
  ImGui::SetCursorPosX(m.margin() + (width - pad_width) / 2);
  if (pin_pad_view(ui, view.lead_pin, {pad_width, height}) == PinPadResult::submit) {
    out.emplace_back(
        Execute{kiosk::LeadMeeting{session.session, chosen->participant, view.lead_pin.digits}});
    view.lead_pin.clear();
  }
}

}  // namespace tavla::ui::meeting
