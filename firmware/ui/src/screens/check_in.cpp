#include <algorithm>

#include "tavla/ui/chrome.hpp"
#include "tavla/ui/input_views.hpp"
#include "tavla/ui/roster_filter.hpp"
#include "tavla/ui/screens.hpp"
#include "tavla/ui/theme.hpp"

namespace tavla::ui {
namespace {

bool is_present(const kiosk::SessionView& session, const std::string& participant) {
  return std::ranges::any_of(
      session.present, [&](const kiosk::Attendee& a) { return a.participant == participant; });
}

// The roster as tiles: display_name only, never the municipality.
void roster_tiles(Ui& ui, const kiosk::SessionView& session, const CheckInView& view, ImVec2 size,
                  Intents& out) {
  const auto& m = ui.metrics;
  const auto members = visible_roster(session.roster, view.searching ? view.search.text : "");
  begin_touch_scroll("##roster", size);
  const float min_tile = m.px(180);
  const float inner = ImGui::GetContentRegionAvail().x;
  const int columns = std::max(2, static_cast<int>((inner + m.gap()) / (min_tile + m.gap())));
  const float tile_width =
      (inner - static_cast<float>(columns - 1) * m.gap()) / static_cast<float>(columns);
  const float tile_height = m.px(64);
  int column = 0;
  for (const auto* member : members) {
    if (column > 0) {
      ImGui::SameLine(0, m.gap());
    }
    const bool present = is_present(session, member->participant);
    ButtonOptions options{.tone = present ? Tone::done : Tone::neutral, .font = ui.fonts.large};
    std::string sub;
    if (present) {
      sub = "\u2713 " + std::string(ui.text(T::checkin_checked_in));
      options.enabled = false;
    } else if (member->has_pin) {
      sub = ui.text(T::checkin_has_pin);
    }
    options.sublabel = sub;
    if (button(ui, "checkin.member." + member->participant, member->display_name,
               {tile_width, tile_height}, options)) {
      if (member->has_pin) {
        out.emplace_back(Go{{Screen::member_pin, session.session, member->participant}});
      } else {
        out.emplace_back(Execute{kiosk::CheckIn{session.session, member->participant}});
      }
    }
    if (present) {
      register_item(ui, "checkin.present." + member->participant, member->display_name);
    }
    column = (column + 1) % columns;
  }
  if (members.empty()) {
    text_line(ui, ui.text(T::checkin_no_match), ui.fonts.large, theme::kTextDim);
    register_item(ui, "checkin.no_match");
  }
  end_touch_scroll(ui);
}

}  // namespace

void check_in_screen(Ui& ui, const kiosk::Snapshot& snap, const kiosk::SessionView& session,
                     CheckInView& view, Intents& out) {
  (void)snap;
  const auto& m = ui.metrics;
  const float width = ImGui::GetWindowWidth() - 2 * m.margin();
  const float bottom = ImGui::GetWindowHeight() - m.margin();
  const float footer = m.touch_min();

  if (view.searching) {
    // The field takes the header's place: matches and the keyboard need the room.
    const float close_width = m.px(150);
    if (button(ui, "checkin.search.close", "\u2039 " + std::string(ui.text(T::close)),
               {close_width, m.touch_min()}, {.tone = Tone::quiet})) {
      view.searching = false;
      view.search.clear();
    }
    ImGui::SameLine(0, m.gap());
    text_field_view(ui, "checkin.search", view.search, ui.text(T::checkin_search_hint),
                    {width - close_width - m.gap(), m.touch_min()});
    const float keyboard = keyboard_height(ui);
    const float tiles_height = bottom - keyboard - m.gap() - ImGui::GetCursorPosY();
    roster_tiles(ui, session, view, {width, tiles_height}, out);
    ImGui::SetCursorPos({m.margin(), bottom - keyboard});
    keyboard_view(ui, norwegian_layout(false), view.keyboard, view.search, {width, keyboard});
    return;
  }

  const std::string count =
      ui.text.format(T::checkin_present_count, {{"n", std::to_string(session.present.size())}});
  if (header(ui, ui.text(T::back), session.title,
             std::string(ui.text(T::checkin_tap_name)) + "  \u00B7  " + count)) {
    out.emplace_back(Go{{Screen::home, {}, {}}});
  }
  const float tiles_height = bottom - footer - m.gap() - ImGui::GetCursorPosY();
  roster_tiles(ui, session, view, {width, tiles_height}, out);
  ImGui::SetCursorPos({m.margin(), bottom - footer});
  if (button(ui, "checkin.guest", ui.text(T::checkin_guest), {m.px(220), footer},
             {.tone = Tone::accent})) {
    out.emplace_back(Go{{Screen::guest, session.session, {}, Screen::check_in}});
  }
  ImGui::SameLine(0, m.gap());
  if (button(ui, "checkin.search.open", ui.text(T::checkin_search), {m.px(170), footer})) {
    view.searching = true;
  }
  ImGui::SameLine(0, m.gap());
  if (button(ui, "checkin.privacy", ui.text(T::privacy_button), {m.px(170), footer},
             {.tone = Tone::quiet})) {
    out.emplace_back(Go{{Screen::privacy, {}, {}}});
  }
}

}  // namespace tavla::ui
