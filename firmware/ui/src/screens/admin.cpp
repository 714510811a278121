// The operator's screen: the device's facts, the language and "quit"; and,
// one tap away, what the host refused (count, and the latest: when, what
// kind of event, why).
#include <array>

#include "tavla/ui/chrome.hpp"
#include "tavla/ui/host_rejections.hpp"
#include "tavla/ui/screens.hpp"
#include "tavla/ui/theme.hpp"

namespace tavla::ui {
namespace {

void fact(Ui& ui, const std::string& id, std::string_view name, const std::string& value,
          float name_width) {
  text_line(ui, name, ui.fonts.body, theme::kTextDim);
  ImGui::SameLine(name_width);
  text_with_id(ui, "admin." + id, value, ui.fonts.bold, theme::kText);
}

std::string when(const Ui& ui, kiosk::Timestamp t) {
  return short_date(ui.text, ui.zone.date(t)) + " " + hh_mm(ui, t);
}

std::string broker_text(const Ui& ui, kiosk::BrokerState state) {
  switch (state) {
    case kiosk::BrokerState::connected:
      return std::string(ui.text(T::sync_connected));
    case kiosk::BrokerState::disconnected:
      return std::string(ui.text(T::sync_disconnected));
    case kiosk::BrokerState::connecting:
      break;
  }
  return std::string(ui.text(T::sync_connecting));
}

std::string config_text(const Ui& ui, const kiosk::Snapshot& snap) {
  std::string config =
      snap.has_config ? std::to_string(snap.config_rev) : std::string(ui.text(T::admin_no_config));
  if (snap.config_rejected) {
    config += "  \u00B7  " +
              ui.text.format(T::admin_config_rejected, {{"reason", *snap.config_rejected}});
  }
  return config;
}

void device_facts(Ui& ui, const kiosk::Snapshot& snap, const AdminFacts& facts) {
  const float name_width = ui.metrics.margin() + ui.metrics.px(300);
  fact(ui, "device", ui.text(T::admin_device), snap.device, name_width);
  fact(ui, "site", ui.text(T::admin_site), snap.site, name_width);
  fact(ui, "firmware", ui.text(T::admin_firmware), snap.firmware, name_width);
  fact(ui, "broker", ui.text(T::admin_broker), broker_text(ui, snap.broker), name_width);
  fact(ui, "outbox", ui.text(T::admin_outbox), std::to_string(snap.outbox), name_width);
  fact(ui, "last_ack", ui.text(T::admin_last_ack),
       snap.last_ack ? when(ui, *snap.last_ack) : std::string(ui.text(T::admin_never)), name_width);
  fact(ui, "config", ui.text(T::admin_config_rev), config_text(ui, snap), name_width);
  fact(ui, "clock", ui.text(T::admin_clock),
       hh_mm(ui, ui.now) + "  " +
           (snap.clock_ok ? std::string(ui.text(T::admin_clock_ok))
                          : "\u25B2 " + std::string(ui.text(T::sync_clock_wrong))),
       name_width);
  fact(ui, "display", ui.text(T::admin_display), facts.display, name_width);
  ui.redraw_at_wall(ui.zone.next_minute(ui.now));
}

// Three buttons that end left of "quit" at 800×480.
void language_choice(Ui& ui, Intents& out) {
  const auto& m = ui.metrics;
  text_line(ui, ui.text(T::admin_language), ui.fonts.bold, theme::kTextDim);
  struct Choice {
    Language language;
    T name;
  };
  constexpr std::array kChoices{Choice{Language::nb, T::language_nb},
                                Choice{Language::nn, T::language_nn},
                                Choice{Language::en, T::language_en}};
  for (const auto& entry : kChoices) {
    const bool current = ui.text.language() == entry.language;
    if (button(ui, "admin.language." + std::string(code_of(entry.language)),
               (current ? "\u2713 " : "") + std::string(ui.text(entry.name)),
               {m.px(150), m.touch_min()}, {.tone = current ? Tone::accent : Tone::neutral})) {
      out.emplace_back(SetLanguage{entry.language});
    }
    ImGui::SameLine(0, m.gap());
  }
  ImGui::NewLine();
}

void quit_button(Ui& ui, Intents& out) {
  const auto& m = ui.metrics;
  ImGui::SetCursorPos({ImGui::GetWindowWidth() - m.margin() - m.px(280),
                       ImGui::GetWindowHeight() - m.margin() - m.touch_min()});
  if (button(ui, "admin.quit", ui.text(T::admin_quit), {m.px(280), m.touch_min()},
             {.tone = Tone::danger})) {
    out.emplace_back(QuitApp{});
  }
}

// "Refused by the host: N" at the header's right end: opens the list.
void rejected_button(Ui& ui, const kiosk::Snapshot& snap, AdminView& view) {
  const auto& m = ui.metrics;
  const ImVec2 below_header = ImGui::GetCursorPos();
  const float width = m.px(290);
  ImGui::SetCursorPos({ImGui::GetWindowWidth() - m.margin() - width, m.margin()});
  std::string label =
      ui.text.format(T::admin_rejected, {{"n", std::to_string(snap.rejected.count)}});
  label.append(" \u203A");
  if (button(
          ui, "admin.rejected", label, {width, m.touch_min()},
          {.tone = snap.rejected.count > 0 ? Tone::warning : Tone::quiet, .font = ui.fonts.body})) {
    view.mode = AdminView::Mode::rejected;
  }
  ImGui::SetCursorPos(below_header);
}

// The latest refused events, newest first: when and what kind on a small
// line, why below. Row `n` is "admin.rejected.#n".
void rejected_list(Ui& ui, const kiosk::Snapshot& snap, AdminView& view) {
  const auto& m = ui.metrics;
  if (header(ui, ui.text(T::back),
             ui.text.format(T::admin_rejected, {{"n", std::to_string(snap.rejected.count)}}))) {
    view.mode = AdminView::Mode::facts;
  }
  if (snap.rejected.latest.empty()) {
    text_with_id(ui, "admin.rejected.none", ui.text(T::admin_rejected_none), ui.fonts.body,
                 theme::kTextDim);
    return;
  }
  const float width = ImGui::GetWindowWidth() - 2 * m.margin();
  begin_touch_scroll("##admin.rejected",
                     {width, ImGui::GetWindowHeight() - m.margin() - ImGui::GetCursorPosY()});
  int row = 0;
  for (const auto& r : snap.rejected.latest) {
    const std::string what = ui.text.format(
        T::admin_rejected_row,
        {{"when", when(ui, r.event_ts)}, {"event", event_type_text(ui.text, r.type)}});
    const std::string why = rejection_reason_text(ui.text, r.code);
    ImGui::BeginGroup();
    text_line(ui, what, ui.fonts.small, theme::kTextDim);
    text_wrapped(ui, why, ui.fonts.bold, theme::kText);
    ImGui::EndGroup();
    std::string label = what;
    label.append(": ").append(why);
    register_item(ui, "admin.rejected.#" + std::to_string(++row), label);
    ImGui::Dummy({0, m.px(6)});
  }
  end_touch_scroll(ui);
}

}  // namespace

void admin_screen(Ui& ui, const kiosk::Snapshot& snap, const AdminFacts& facts, AdminView& view,
                  Intents& out) {
  switch (view.mode) {
    case AdminView::Mode::rejected:
      rejected_list(ui, snap, view);
      return;
    case AdminView::Mode::facts:
      break;
  }
  if (header(ui, ui.text(T::done), ui.text(T::admin_title))) {
    out.emplace_back(Go{{Screen::home, {}, {}}});
  }
  rejected_button(ui, snap, view);
  device_facts(ui, snap, facts);
  ImGui::Dummy({0, ui.metrics.gap()});
  language_choice(ui, out);
  quit_button(ui, out);
}

}  // namespace tavla::ui
