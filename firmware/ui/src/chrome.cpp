#include "tavla/ui/chrome.hpp"

#include "tavla/ui/theme.hpp"

namespace tavla::ui {

float header_height(const Ui& ui) {
  return ui.metrics.px(62);
}

bool header(Ui& ui, std::string_view back_label, std::string_view title,
            std::string_view subtitle) {
  const ImVec2 start = ImGui::GetCursorPos();
  const float height = header_height(ui);
  const float back_width = ui.metrics.px(150);
  const bool back = button(ui, "nav.back", "\u2039 " + std::string(back_label),
                           {back_width, ui.metrics.touch_min()}, {.tone = Tone::quiet});
  const float x = start.x + back_width + ui.metrics.px(16);
  const float width = ImGui::GetWindowWidth() - x - ui.metrics.margin();
  ImGui::SetCursorPos(
      {x, start.y + (subtitle.empty() ? (height - ui.fonts.large->FontSize) / 2 : 0)});
  ImGui::PushItemWidth(width);
  ImGui::BeginGroup();
  ImGui::PushTextWrapPos(x + width);
  text_with_id(ui, "screen.title", title, ui.fonts.large, theme::kText);
  if (!subtitle.empty()) {
    text_line(ui, subtitle, ui.fonts.body, theme::kTextDim);
  }
  ImGui::PopTextWrapPos();
  ImGui::EndGroup();
  ImGui::PopItemWidth();
  ImGui::SetCursorPos({start.x, start.y + height + ui.metrics.gap()});
  return back;
}

float banner_height(const Ui& ui) {
  return ui.metrics.px(64);
}

void banner_view(Ui& ui, const Banner& banner, Intents& out) {
  const auto& m = ui.metrics;
  const float height = banner_height(ui);
  const float width = ImGui::GetWindowWidth() - 2 * m.margin();
  const float y = ImGui::GetWindowHeight() - height - m.margin();
  ImGui::SetCursorPos({m.margin(), y});
  ImU32 fill = theme::kSurfaceHover;
  std::string symbol = "i";
  if (banner.kind == Banner::Kind::welcome) {
    fill = theme::kPrimary;
    symbol = "\u2713";  // ✓
  } else if (banner.kind == Banner::Kind::error) {
    fill = theme::kDanger;
    symbol = "\u2717";  // ✗
  }
  const ImVec2 min = ImGui::GetCursorScreenPos();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(min, {min.x + width, min.y + height}, fill, m.rounding());
  // The whole banner dismisses on tap; the undo button sits on top of it.
  const float undo_width = banner.undo ? m.px(170) : 0;
  if (ImGui::InvisibleButton("##banner", {width - undo_width, height})) {
    out.emplace_back(DismissBanner{});
  }
  const std::string text = symbol + "  " + banner.text;
  const float room = width - undo_width - 2 * m.px(16);
  // Large when it fits, else a size smaller, shortened only as a last resort.
  ImFont* font = fit_text(ui.fonts.large, text, room) == text ? ui.fonts.large : ui.fonts.bold;
  const std::string shown = fit_text(font, text, room);
  draw->AddText(font, font->FontSize, {min.x + m.px(16), min.y + (height - font->FontSize) / 2},
                theme::kText, shown.c_str());
  ui.widgets.add("banner", Rect{min.x, min.y, width, height}, banner.text);
  if (banner.undo) {
    ImGui::SetCursorPos({m.margin() + width - undo_width + m.px(8), y + m.px(8)});
    if (button(ui, "banner.undo", ui.text(T::undo), {undo_width - m.px(16), height - m.px(16)},
               {.tone = Tone::neutral, .font = ui.fonts.large})) {
      out.emplace_back(Execute{*banner.undo});
    }
  }
}

void sync_indicator(Ui& ui, const kiosk::Snapshot& snap) {
  std::string symbol;
  ImU32 color = theme::kTextDim;
  T state = T::sync_connecting;
  switch (snap.broker) {
    case kiosk::BrokerState::connected:
      symbol = "\u25CF";  // ●
      color = IM_COL32(110, 210, 140, 255);
      state = T::sync_connected;
      break;
    case kiosk::BrokerState::disconnected:
      symbol = "\u25B2";  // ▲
      color = IM_COL32(255, 190, 90, 255);
      state = T::sync_disconnected;
      break;
    case kiosk::BrokerState::connecting:
      symbol = "\u25CB";  // ○
      state = T::sync_connecting;
      break;
  }
  std::string text = symbol + " " + std::string(ui.text(state)) + " \u00B7 ";
  text += snap.outbox == 0 ? std::string(ui.text(T::sync_all_sent))
                           : ui.text.format(T::sync_waiting, {{"n", std::to_string(snap.outbox)}});
  if (snap.rejected.count > 0) {
    // Sent is not accepted: what the host refused (a session another room
    // holds, say) shows on every screen, not only "all sent".
    text += " \u00B7 " +
            ui.text.format(T::admin_rejected, {{"n", std::to_string(snap.rejected.count)}});
    color = IM_COL32(255, 190, 90, 255);
  }
  if (!snap.clock_ok) {
    text += " \u00B7 " + std::string(ui.text(T::sync_clock_wrong));
  }
  text_with_id(ui, "sync", text, ui.fonts.small, color);
  if (snap.outbox == 0) {
    register_item(ui, "sync.idle", text);
  }
}

std::string hh_mm(const Ui& ui, kiosk::Timestamp t) {
  return ui.zone.hh_mm(t);
}

std::string refusal_text(const Catalogue& text, const LocalTime& zone,
                         const kiosk::Refusal& refusal) {
  using kiosk::RefusalCode;
  const auto until = [&] { return refusal.until ? zone.hh_mm(*refusal.until) : std::string("?"); };
  switch (refusal.code) {
    case RefusalCode::no_config:
      return std::string(text(T::refusal_no_config));
    case RefusalCode::unknown_session:
      return std::string(text(T::refusal_unknown_session));
    case RefusalCode::session_not_open:
      return std::string(text(T::refusal_session_not_open));
    case RefusalCode::session_already_open:
      return std::string(text(T::refusal_session_already_open));
    case RefusalCode::not_in_roster:
      return std::string(text(T::refusal_not_in_roster));
    case RefusalCode::already_checked_in:
      return std::string(text(T::refusal_already_checked_in));
    case RefusalCode::not_checked_in:
      return std::string(text(T::refusal_not_checked_in));
    case RefusalCode::undo_window_passed:
      return std::string(text(T::refusal_undo_window_passed));
    case RefusalCode::wrong_pin:
      return std::string(text(T::refusal_wrong_pin));
    case RefusalCode::pins_locked:
      return text.format(T::refusal_pins_locked, {{"time", until()}});
    case RefusalCode::not_a_leader:
      return std::string(text(T::refusal_not_a_leader));
    case RefusalCode::invalid_text:
      return std::string(text(T::refusal_invalid_text));
    case RefusalCode::storage_failed:
      return std::string(text(T::refusal_storage_failed));
    case RefusalCode::national_id:
      return std::string(text(T::refusal_national_id));
    case RefusalCode::meeting_paused:
      return std::string(text(T::refusal_meeting_paused));
    case RefusalCode::nothing_to_undo:
      return std::string(text(T::refusal_nothing_to_undo));
    // The rest cannot follow from a tap on this UI (unknown ids, wrong
    // kinds): a bug or a config change under the user's finger. Listed, not
    // defaulted, so a new code is a decision here.
    case RefusalCode::unknown_group:
    case RefusalCode::wrong_session_kind:
    case RefusalCode::no_pin:
    case RefusalCode::unknown_affiliation:
    case RefusalCode::unknown_agenda:
    case RefusalCode::unknown_item:
    case RefusalCode::item_already_running:
    case RefusalCode::item_not_running:
    case RefusalCode::no_current_item:
    case RefusalCode::unknown_owner:
    case RefusalCode::invalid_minutes:
    case RefusalCode::unknown_target:
    case RefusalCode::already_retracted:
    case RefusalCode::unknown_action:
    case RefusalCode::action_already_done:
    case RefusalCode::meeting_locked:
    case RefusalCode::meeting_not_paused:
      break;
  }
  return std::string(text(T::refusal_other));
}

}  // namespace tavla::ui
