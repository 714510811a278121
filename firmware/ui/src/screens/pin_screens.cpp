#include "tavla/ui/chrome.hpp"
#include "tavla/ui/input_views.hpp"
#include "tavla/ui/screens.hpp"
#include "tavla/ui/theme.hpp"

namespace tavla::ui {
namespace {

// The pad under the header, with the reason the last attempt failed. Calls
// `submit` with the digits when OK is tapped; the caller turns them into an
// intent. While PINs are locked the pad is replaced by the time they open.
template <class Submit>
void pin_body(Ui& ui, const kiosk::Snapshot& snap, PinView& view, Submit submit) {
  const auto& m = ui.metrics;
  const float width = ImGui::GetWindowWidth() - 2 * m.margin();
  if (snap.pins_locked_until && *snap.pins_locked_until > ui.now) {
    const auto text =
        ui.text.format(T::pin_locked_until, {{"time", hh_mm(ui, *snap.pins_locked_until)}});
    text_with_id(ui, "pin.locked", text, ui.fonts.large, IM_COL32(255, 150, 150, 255));
    ui.redraw_at_wall(*snap.pins_locked_until);
    return;
  }
  const float message_height = ui.fonts.bold->FontSize + m.px(4);
  if (view.wrong) {
    ImGui::SetCursorPosX(
        m.margin() +
        (width - ImGui::CalcTextSize(std::string(ui.text(T::pin_wrong)).c_str()).x) / 2);
    text_with_id(ui, "pin.wrong", "\u2717 " + std::string(ui.text(T::pin_wrong)), ui.fonts.bold,
                 IM_COL32(255, 150, 150, 255));
  } else {
    ImGui::Dummy({0, message_height});
  }
  const float height = ImGui::GetWindowHeight() - m.margin() - ImGui::GetCursorPosY();
  const float pad_width = std::min(width, m.px(420));
  ImGui::SetCursorPosX(m.margin() + (width - pad_width) / 2);
  const auto result = pin_pad_view(ui, view.pin, {pad_width, height});
  if (result == PinPadResult::changed) {
    view.wrong = false;
  } else if (result == PinPadResult::submit) {
    submit(view.pin.digits);
  }
}

}  // namespace

void member_pin_screen(Ui& ui, const kiosk::Snapshot& snap, const kiosk::SessionView& session,
                       const kiosk::RosterEntry& member, PinView& view, Intents& out) {
  if (header(ui, ui.text(T::back),
             ui.text.format(T::pin_enter_for, {{"name", member.display_name}}))) {
    out.emplace_back(Go{{Screen::check_in, session.session, {}}});
  }
  pin_body(ui, snap, view, [&](const std::string& digits) {
    out.emplace_back(Execute{kiosk::CheckInByPin{session.session, member.participant, digits}});
  });
}

void leader_pin_screen(Ui& ui, const kiosk::Snapshot& snap, PinView& view, Intents& out) {
  if (header(ui, ui.text(T::back), ui.text(T::pin_leader_title))) {
    out.emplace_back(Go{{Screen::home, {}, {}}});
  }
  pin_body(ui, snap, view,
           [&](const std::string& digits) { out.emplace_back(VerifyLeaderPin{digits}); });
}

void admin_pin_screen(Ui& ui, const kiosk::Snapshot& snap, PinView& view, Intents& out) {
  if (header(ui, ui.text(T::back), ui.text(T::pin_admin_title))) {
    out.emplace_back(Go{{Screen::home, {}, {}}});
  }
  pin_body(ui, snap, view,
           [&](const std::string& digits) { out.emplace_back(VerifyAdminPin{digits}); });
}

}  // namespace tavla::ui
