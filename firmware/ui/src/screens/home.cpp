#include <algorithm>

#include "tavla/ui/chrome.hpp"
#include "tavla/ui/screens.hpp"
#include "tavla/ui/theme.hpp"

namespace tavla::ui {
namespace {

void schedule_list(Ui& ui, const kiosk::Snapshot& snap, float width, float height) {
  const auto& m = ui.metrics;
  text_line(ui, long_date(ui.text, ui.zone.parts(ui.now)), ui.fonts.body, theme::kTextDim);
  ImGui::Dummy({0, m.px(4)});
  if (!snap.has_config) {
    text_wrapped(ui, ui.text(T::home_waiting_for_config), ui.fonts.large, theme::kText, width);
    // The operator provisions this device by its id: say which one it is.
    text_with_id(ui, "home.device", ui.text.format(T::home_device_id, {{"device", snap.device}}),
                 ui.fonts.body, theme::kTextDim);
    return;
  }
  text_line(ui, ui.text(T::home_today), ui.fonts.bold, theme::kText);
  if (snap.today.empty()) {
    text_line(ui, ui.text(T::home_no_sessions), ui.fonts.body, theme::kTextDim);
    return;
  }
  begin_touch_scroll("##today", {width, height - ImGui::GetCursorPosY()});
  for (const auto& entry : snap.today) {
    const std::string times = hh_mm(ui, entry.start) + "\u2013" + hh_mm(ui, entry.end);
    std::string state;
    ImU32 color = theme::kTextDim;
    switch (entry.state) {
      case kiosk::ScheduleState::open:
        state = "\u25CF " + std::string(ui.text(T::home_open_now));
        color = IM_COL32(110, 210, 140, 255);
        break;
      case kiosk::ScheduleState::upcoming:
        state = "\u25CB " + std::string(ui.text(T::home_upcoming));
        break;
      case kiosk::ScheduleState::closed:
        state = "\u2713 " + std::string(ui.text(T::home_closed));
        break;
      case kiosk::ScheduleState::cancelled:
        // The host's notice, with its reason when it gave one.
        state = "\u2715 " + std::string(ui.text(T::home_cancelled));
        for (const auto& notice : snap.notices) {
          if (notice.session == entry.session && !notice.reason.empty()) {
            state += ": " + notice.reason;
          }
        }
        color = IM_COL32(255, 150, 150, 255);
        break;
    }
    ImGui::BeginGroup();
    text_line(ui, times + "  " + entry.title, ui.fonts.bold, theme::kText);
    text_line(ui, state, ui.fonts.small, color);
    ImGui::EndGroup();
    register_item(ui, "home.today." + entry.session, entry.title);
    ImGui::Dummy({0, m.px(4)});
  }
  end_touch_scroll(ui);
}

void open_sessions(Ui& ui, const kiosk::Snapshot& snap, float width, float height, Intents& out) {
  const auto& m = ui.metrics;
  if (snap.open_sessions.empty()) {
    if (snap.has_config) {
      text_wrapped(ui, ui.text(T::home_no_open_session), ui.fonts.large, theme::kTextDim, width);
    }
    return;
  }
  // Two sessions at once still fit; more (rare) share the height.
  const auto count = static_cast<float>(std::min<std::size_t>(snap.open_sessions.size(), 3));
  const float slot = (height - (count - 1) * m.gap()) / count;
  for (std::size_t i = 0; i < snap.open_sessions.size() && i < 3; ++i) {
    const auto& s = snap.open_sessions[i];
    const bool meeting = s.kind == protocol::SessionKind::network_meeting;
    const float used = std::min(slot, meeting ? m.px(170) : m.px(110));
    // A meeting also offers its agenda, under the check-in.
    const float check_in_height = meeting ? (used - m.gap()) * 0.58F : used;
    if (button(ui, "home.checkin." + s.session, ui.text(T::home_check_in), {width, check_in_height},
               {.tone = Tone::primary, .font = ui.fonts.title, .sublabel = s.title})) {
      out.emplace_back(Go{{Screen::check_in, s.session, {}}});
    }
    if (meeting) {
      if (button(ui, "home.meeting." + s.session, ui.text(T::home_meeting),
                 {width, used - check_in_height - m.gap()},
                 {.tone = Tone::accent, .font = ui.fonts.large})) {
        out.emplace_back(Go{{Screen::meeting, s.session, {}}});
      }
    }
    ImGui::Dummy({0, std::max(0.F, slot - used - m.gap())});
  }
}

}  // namespace

void home_screen(Ui& ui, const kiosk::Snapshot& snap, Intents& out) {
  const auto& m = ui.metrics;
  const float full_width = ImGui::GetWindowWidth() - 2 * m.margin();
  const float full_height = ImGui::GetWindowHeight() - 2 * m.margin();
  const float footer = m.touch_min();
  const float left_width = full_width * 0.52F;
  const float right_width = full_width - left_width - m.px(20);
  const float body_height = full_height - footer - m.gap();
  const ImVec2 origin = ImGui::GetCursorPos();

  // Left: the room and today's sessions.
  ImGui::BeginChild("##home.left", {left_width, body_height}, false, kLayoutChild);
  text_with_id(ui, "home.room", snap.room.empty() ? std::string("Tavla") : snap.room,
               ui.fonts.title, theme::kText);
  schedule_list(ui, snap, left_width, body_height);
  ImGui::EndChild();

  // Right: the clock, then what can be done now.
  ImGui::SetCursorPos({origin.x + left_width + m.px(20), origin.y});
  ImGui::BeginChild("##home.right", {right_width, body_height}, false, kLayoutChild);
  const std::string clock = hh_mm(ui, ui.now);
  ImGui::PushFont(ui.fonts.huge);
  const float clock_width = ImGui::CalcTextSize(clock.c_str()).x;
  ImGui::SetCursorPosX(right_width - clock_width);
  ImGui::TextUnformatted(clock.c_str());
  ImGui::PopFont();
  register_item(ui, "home.clock", clock);
  ui.redraw_at_wall(ui.zone.next_minute(ui.now));
  ImGui::Dummy({0, m.gap()});
  open_sessions(ui, snap, right_width, body_height - ImGui::GetCursorPosY(), out);
  ImGui::EndChild();

  // Footer: privacy (one tap), the sync state, leaders, admin.
  ImGui::SetCursorPos({origin.x, origin.y + body_height + m.gap()});
  if (button(ui, "home.privacy", ui.text(T::privacy_button), {m.px(170), footer},
             {.tone = Tone::quiet})) {
    out.emplace_back(Go{{Screen::privacy, {}, {}}});
  }
  ImGui::SameLine(0, m.px(16));
  const float sync_x = ImGui::GetCursorPosX();
  ImGui::SetCursorPosY(origin.y + body_height + m.gap() + (footer - ui.fonts.small->FontSize) / 2);
  ImGui::SetCursorPosX(sync_x);
  ImGui::PushItemWidth(full_width - m.px(170 + 16 + 16 + 170 + 10 + 100));
  ImGui::BeginChild(
      "##sync",
      {full_width - m.px(170 + 16 + 16 + 170 + 10 + 100), ui.fonts.small->FontSize + m.px(4)},
      false, kLayoutChild);
  sync_indicator(ui, snap);
  ImGui::EndChild();
  ImGui::PopItemWidth();
  ImGui::SetCursorPos(
      {origin.x + full_width - m.px(170 + 10 + 100), origin.y + body_height + m.gap()});
  if (button(ui, "home.leader", ui.text(T::home_for_leaders), {m.px(170), footer},
             {.tone = Tone::quiet})) {
    out.emplace_back(Go{{Screen::leader_pin, {}, {}}});
  }
  ImGui::SameLine(0, m.px(10));
  if (button(ui, "home.admin", ui.text(T::home_admin), {m.px(100), footer},
             {.tone = Tone::quiet, .font = ui.fonts.small})) {
    out.emplace_back(Go{{Screen::admin_pin, {}, {}}});
  }
}

void privacy_screen(Ui& ui, Intents& out) {
  if (header(ui, ui.text(T::back), ui.text(T::privacy_title))) {
    out.emplace_back(Go{{Screen::home, {}, {}}});
  }
  const auto& m = ui.metrics;
  ImGui::SetCursorPosX(m.margin() + m.px(20));
  text_wrapped(ui, ui.text(T::privacy_body), ui.fonts.large, theme::kText,
               ImGui::GetWindowWidth() - 2 * m.margin() - m.px(40));
  register_item(ui, "privacy.body", ui.text(T::privacy_title));
}

}  // namespace tavla::ui
