#include <algorithm>

#include "tavla/kiosk/pin_lockout.hpp"
#include "tavla/ui/chrome.hpp"
#include "tavla/ui/input_views.hpp"
#include "tavla/ui/screens.hpp"
#include "tavla/ui/theme.hpp"

namespace tavla::ui {
namespace {

// The pad under the header, with the reason the last attempt failed and the
// tries `person` has left. Calls `submit` with the digits when OK is tapped;
// the caller turns them into an intent. While that person's PIN is locked
// the pad is replaced by the time it opens.
template <class Submit>
void pin_body(Ui& ui, const kiosk::Snapshot& snap, const std::string& person, PinView& view,
              Submit submit) {
  const auto& m = ui.metrics;
  const float width = ImGui::GetWindowWidth() - 2 * m.margin();
  const auto state = snap.pin_state(person);
  if (state.locked_until && *state.locked_until > ui.now) {
    const auto text =
        ui.text.format(T::pin_locked_until, {{"time", hh_mm(ui, *state.locked_until)}});
    text_with_id(ui, "pin.locked", text, ui.fonts.large, IM_COL32(255, 150, 150, 255));
    ui.redraw_at_wall(*state.locked_until);
    return;
  }
  const float message_height = ui.fonts.bold->FontSize + m.px(4);
  if (view.wrong) {
    // The tries left are said with every wrong PIN, so nobody is surprised
    // by the lock.
    const std::string wrong =
        "\u2717 " + std::string(ui.text(T::pin_wrong)) + " " +
        ui.text.format(T::pin_tries_left, {{"n", std::to_string(state.tries_left)}});
    ImGui::SetCursorPosX(m.margin() +
                         std::max(0.0F, (width - ImGui::CalcTextSize(wrong.c_str()).x) / 2));
    text_with_id(ui, "pin.wrong", wrong, ui.fonts.bold, IM_COL32(255, 150, 150, 255));
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

// The room's leaders as tiles, display names only.
void leader_tiles(Ui& ui, const kiosk::Snapshot& snap, PinView& view) {
  const auto& m = ui.metrics;
  const float width = ImGui::GetWindowWidth() - 2 * m.margin();
  const int columns = std::max(1, static_cast<int>((width + m.gap()) / (m.px(220) + m.gap())));
  const float tile_width = (width - static_cast<float>(columns - 1) * m.gap()) / columns;
  int column = 0;
  for (const auto& leader : snap.leaders) {
    if (column > 0) {
      ImGui::SameLine(0, m.gap());
    }
    if (button(ui, "pin.leader." + leader.id, leader.name, {tile_width, m.px(72)},
               {.font = ui.fonts.large})) {
      view = PinView{};
      view.person = leader.id;
    }
    column = (column + 1) % columns;
  }
}

}  // namespace

void member_pin_screen(Ui& ui, const kiosk::Snapshot& snap, const kiosk::SessionView& session,
                       const kiosk::RosterEntry& member, PinView& view, Intents& out) {
  if (header(ui, ui.text(T::back),
             ui.text.format(T::pin_enter_for, {{"name", member.display_name}}))) {
    out.emplace_back(Go{{Screen::check_in, session.session, {}}});
  }
  pin_body(ui, snap, member.participant, view, [&](const std::string& digits) {
    out.emplace_back(Execute{kiosk::CheckInByPin{session.session, member.participant, digits}});
  });
}

// A leader names themself first (a tile per leader of the room), then types
// the PIN: each attempt checks that one person's verifier and counts towards
// that person's lockout only.
void leader_pin_screen(Ui& ui, const kiosk::Snapshot& snap, PinView& view, Intents& out) {
  const auto chosen = std::ranges::find(snap.leaders, view.person, &kiosk::NamedRef::id);
  if (chosen == snap.leaders.end()) {
    if (header(ui, ui.text(T::back), ui.text(T::pin_choose_leader))) {
      out.emplace_back(Go{{Screen::home, {}, {}}});
    }
    leader_tiles(ui, snap, view);
    return;
  }
  if (header(ui, ui.text(T::back), ui.text.format(T::pin_enter_for, {{"name", chosen->name}}))) {
    view = PinView{};
    return;
  }
  pin_body(ui, snap, chosen->id, view, [&](const std::string& digits) {
    out.emplace_back(VerifyLeaderPin{chosen->id, digits});
  });
}

void admin_pin_screen(Ui& ui, const kiosk::Snapshot& snap, PinView& view, Intents& out) {
  if (header(ui, ui.text(T::back), ui.text(T::pin_admin_title))) {
    out.emplace_back(Go{{Screen::home, {}, {}}});
  }
  pin_body(ui, snap, kiosk::PinLockout::kAdminKey, view,
           [&](const std::string& digits) { out.emplace_back(VerifyAdminPin{digits}); });
}

}  // namespace tavla::ui
