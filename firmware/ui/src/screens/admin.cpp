#include <array>

#include "tavla/ui/chrome.hpp"
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

}  // namespace

void admin_screen(Ui& ui, const kiosk::Snapshot& snap, const AdminFacts& facts, Intents& out) {
  const auto& m = ui.metrics;
  if (header(ui, ui.text(T::done), ui.text(T::admin_title))) {
    out.emplace_back(Go{{Screen::home, {}, {}}});
  }
  const float name_width = m.margin() + m.px(300);
  const T broker_text = snap.broker == kiosk::BrokerState::connected      ? T::sync_connected
                        : snap.broker == kiosk::BrokerState::disconnected ? T::sync_disconnected
                                                                          : T::sync_connecting;
  const std::string broker = std::string(ui.text(broker_text));
  std::string config =
      snap.has_config ? std::to_string(snap.config_rev) : std::string(ui.text(T::admin_no_config));
  if (snap.config_rejected) {
    config += "  \u00B7  " +
              ui.text.format(T::admin_config_rejected, {{"reason", *snap.config_rejected}});
  }
  fact(ui, "device", ui.text(T::admin_device), snap.device, name_width);
  fact(ui, "site", ui.text(T::admin_site), snap.site, name_width);
  fact(ui, "firmware", ui.text(T::admin_firmware), snap.firmware, name_width);
  fact(ui, "broker", ui.text(T::admin_broker), broker, name_width);
  fact(ui, "outbox", ui.text(T::admin_outbox), std::to_string(snap.outbox), name_width);
  fact(ui, "last_ack", ui.text(T::admin_last_ack),
       snap.last_ack
           ? short_date(ui.text, ui.zone.date(*snap.last_ack)) + " " + hh_mm(ui, *snap.last_ack)
           : std::string(ui.text(T::admin_never)),
       name_width);
  fact(ui, "config", ui.text(T::admin_config_rev), config, name_width);
  fact(ui, "clock", ui.text(T::admin_clock),
       hh_mm(ui, ui.now) + "  " +
           (snap.clock_ok ? std::string(ui.text(T::admin_clock_ok))
                          : "\u25B2 " + std::string(ui.text(T::sync_clock_wrong))),
       name_width);
  fact(ui, "display", ui.text(T::admin_display), facts.display, name_width);
  ui.redraw_at_wall(ui.zone.next_minute(ui.now));

  ImGui::Dummy({0, m.gap()});
  text_line(ui, ui.text(T::admin_language), ui.fonts.bold, theme::kTextDim);
  struct Choice {
    Language language;
    T name;
  };
  constexpr std::array languages{Choice{Language::nb, T::language_nb},
                                 Choice{Language::nn, T::language_nn},
                                 Choice{Language::en, T::language_en}};
  for (const auto& entry : languages) {
    const bool current = ui.text.language() == entry.language;
    if (button(ui, "admin.language." + std::string(code_of(entry.language)),
               (current ? "\u2713 " : "") + std::string(ui.text(entry.name)),
               {m.px(170), m.touch_min()}, {.tone = current ? Tone::accent : Tone::neutral})) {
      out.emplace_back(SetLanguage{entry.language});
    }
    ImGui::SameLine(0, m.gap());
  }
  ImGui::NewLine();
  ImGui::SetCursorPos({ImGui::GetWindowWidth() - m.margin() - m.px(280),
                       ImGui::GetWindowHeight() - m.margin() - m.touch_min()});
  if (button(ui, "admin.quit", ui.text(T::admin_quit), {m.px(280), m.touch_min()},
             {.tone = Tone::danger})) {
    out.emplace_back(QuitApp{});
  }
}

}  // namespace tavla::ui
