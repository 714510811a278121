// The meeting's time box (meeting_parts.hpp).
#include "meeting_parts.hpp"
#include "tavla/ui/agenda_logic.hpp"
#include "tavla/ui/local_time.hpp"
#include "tavla/ui/theme.hpp"
#include "tavla/ui/widgets.hpp"

namespace tavla::ui::meeting {
namespace {

// How the time box looks in each phase: never by colour alone.
struct CountdownLook {
  ImU32 fill = theme::kAccent;
  float border = 0;
  std::string figures;
  std::string words;
  std::string phase_id;  // "meeting.countdown.<phase_id>"
};

CountdownLook look_of(const Ui& ui, const Countdown& c) {
  const auto& m = ui.metrics;
  CountdownLook look;
  look.figures = clock_duration(c.remaining);
  switch (c.phase) {
    case CountdownPhase::running:
      look.words = ui.text.format(T::meeting_remaining, {{"time", look.figures}});
      look.phase_id = "running";
      break;
    case CountdownPhase::near_end:
      look.fill = theme::kWarning;
      look.border = m.px(3);
      look.words = ui.text.format(T::meeting_near_end, {{"time", look.figures}});
      look.phase_id = "near_end";
      break;
    case CountdownPhase::over:
      look.fill = theme::kDanger;
      look.border = m.px(6);
      look.figures = "+" + clock_duration(-c.remaining);
      look.words = ui.text.format(T::meeting_over, {{"time", clock_duration(-c.remaining)}});
      look.phase_id = "over";
      break;
    case CountdownPhase::open:
      look.fill = theme::kSurface;
      look.figures = clock_duration(c.elapsed);
      look.words = ui.text(T::meeting_item_running);
      look.phase_id = "open";
      break;
  }
  return look;
}

// The shape: ● within time, ▲ near the end, ■ over, ○ open-ended.
void countdown_shape(const Ui& ui, ImDrawList* draw, ImVec2 centre, float shape,
                     CountdownPhase phase) {
  switch (phase) {
    case CountdownPhase::running:
      draw->AddCircleFilled(centre, shape, theme::kText);
      break;
    case CountdownPhase::near_end:
      draw->AddTriangleFilled({centre.x, centre.y - shape}, {centre.x + shape, centre.y + shape},
                              {centre.x - shape, centre.y + shape}, theme::kText);
      break;
    case CountdownPhase::over:
      draw->AddRectFilled({centre.x - shape, centre.y - shape},
                          {centre.x + shape, centre.y + shape}, theme::kText);
      break;
    case CountdownPhase::open:
      draw->AddCircle(centre, shape, theme::kText, 0, ui.metrics.px(4));
      break;
  }
}

// The time box while no item runs.
void no_countdown(Ui& ui, ImVec2 size) {
  const auto& m = ui.metrics;
  const ImVec2 min = ImGui::GetCursorScreenPos();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(min, {min.x + size.x, min.y + size.y}, theme::kSurface, m.rounding());
  const auto text = ui.text(T::meeting_no_item);
  draw->AddText(ui.fonts.large, ui.fonts.large->FontSize,
                {min.x + m.px(16), min.y + (size.y - ui.fonts.large->FontSize) / 2},
                theme::kTextDim, text.data(), text.data() + text.size());
  ImGui::Dummy(size);
  register_item(ui, "meeting.countdown", text);
}

}  // namespace

void countdown_box(Ui& ui, const kiosk::AgendaItemView* item, ImVec2 size) {
  if (item == nullptr) {
    no_countdown(ui, size);
    return;
  }
  const auto& m = ui.metrics;
  const ImVec2 min = ImGui::GetCursorScreenPos();
  const ImVec2 max{min.x + size.x, min.y + size.y};
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const auto c = countdown_for(*item, ui.now);
  const auto look = look_of(ui, c);
  draw->AddRectFilled(min, max, look.fill, m.rounding());
  if (look.border > 0) {
    const float b = look.border;
    draw->AddRect({min.x + b / 2, min.y + b / 2}, {max.x - b / 2, max.y - b / 2}, theme::kText,
                  m.rounding(), 0, b);
  }
  const float shape = m.px(22);
  const ImVec2 centre{min.x + m.px(20) + shape, min.y + m.px(12) + ui.fonts.huge->FontSize / 2};
  countdown_shape(ui, draw, centre, shape, c.phase);
  const float text_x = centre.x + shape + m.px(18);
  draw->AddText(ui.fonts.huge, ui.fonts.huge->FontSize, {text_x, min.y + m.px(8)}, theme::kText,
                look.figures.c_str());
  const std::string shown = fit_text(ui.fonts.bold, look.words, size.x - m.px(32));
  draw->AddText(ui.fonts.bold, ui.fonts.bold->FontSize,
                {min.x + m.px(16), max.y - ui.fonts.bold->FontSize - m.px(10)}, theme::kText,
                shown.c_str());
  ImGui::Dummy(size);
  register_item(ui, "meeting.countdown", look.words);
  register_item(ui, "meeting.countdown." + look.phase_id, look.words);
  // The figures change every second.
  const auto ms = ui.now.time_since_epoch().count() % 1000;
  ui.redraw_at_wall(ui.now + std::chrono::milliseconds(1000 - ms));
}

}  // namespace tavla::ui::meeting
