#include <algorithm>

#include "tavla/ui/chrome.hpp"
#include "tavla/ui/screens.hpp"
#include "tavla/ui/theme.hpp"

namespace tavla::ui {
namespace {

void choices(Ui& ui, const std::vector<kiosk::NamedRef>& entries, protocol::Affiliation::Kind kind,
             const kiosk::SessionView& session, Intents& out) {
  const auto& m = ui.metrics;
  const float inner = ImGui::GetContentRegionAvail().x;
  const int columns = std::max(2, static_cast<int>((inner + m.gap()) / (m.px(230) + m.gap())));
  const float width =
      (inner - static_cast<float>(columns - 1) * m.gap()) / static_cast<float>(columns);
  int column = 0;
  const std::string prefix =
      kind == protocol::Affiliation::Kind::municipality ? "guest.municipality." : "guest.org.";
  for (const auto& entry : entries) {
    if (column > 0) {
      ImGui::SameLine(0, m.gap());
    }
    if (button(ui, prefix + entry.id, entry.name, {width, m.px(64)}, {.font = ui.fonts.large})) {
      out.emplace_back(
          Execute{kiosk::CheckInGuest{session.session, protocol::Affiliation{kind, entry.id}}});
    }
    column = (column + 1) % columns;
  }
}

}  // namespace

void guest_screen(Ui& ui, const kiosk::Snapshot& snap, const kiosk::SessionView& session,
                  Screen back, Intents& out) {
  if (header(ui, ui.text(T::back), ui.text(T::guest_title), session.title)) {
    out.emplace_back(Go{{back, session.session, {}}});
  }
  const auto& m = ui.metrics;
  const float width = ImGui::GetWindowWidth() - 2 * m.margin();
  const float height = ImGui::GetWindowHeight() - m.margin() - ImGui::GetCursorPosY();
  begin_touch_scroll("##guest", {width, height});
  choices(ui, snap.municipalities, protocol::Affiliation::Kind::municipality, session, out);
  // Organisations (Bufetat, the county governor, KS) attend network meetings.
  if (session.kind == protocol::SessionKind::network_meeting && !snap.orgs.empty()) {
    ImGui::Dummy({0, m.gap()});
    text_line(ui, ui.text(T::guest_orgs), ui.fonts.bold, theme::kTextDim);
    choices(ui, snap.orgs, protocol::Affiliation::Kind::org, session, out);
  }
  end_touch_scroll(ui);
}

}  // namespace tavla::ui
