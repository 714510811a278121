#include <algorithm>
#include <cmath>

#include "meeting_parts.hpp"
#include "tavla/ui/agenda_logic.hpp"
#include "tavla/ui/chrome.hpp"
#include "tavla/ui/theme.hpp"

namespace tavla::ui {
namespace {

using std::chrono::seconds;

const kiosk::AgendaItemView* running_item(const kiosk::SessionView& session) {
  const auto it =
      std::ranges::find(session.agenda, kiosk::ItemState::running, &kiosk::AgendaItemView::state);
  return it == session.agenda.end() ? nullptr : &*it;
}

float widest_word(ImFont* font, const std::string& text) {
  float widest = 0;
  std::size_t start = 0;
  while (start < text.size()) {
    auto end = text.find(' ', start);
    if (end == std::string::npos) {
      end = text.size();
    }
    widest = std::max(
        widest,
        font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, text.data() + start, text.data() + end).x);
    start = end + 1;
  }
  return widest;
}

// The agenda: the running item filled, with a bar and ▶ (never colour
// alone); finished items ✓; titles wrap to a second line rather than vanish.
// Pending items between the one worked on last and `target`: a tap on
// `target` passes over them, which the leader confirms first.
bool passes_pending(const kiosk::SessionView& session, const std::string& target) {
  std::ptrdiff_t anchor = -1;
  std::ptrdiff_t to = -1;
  for (std::size_t i = 0; i < session.agenda.size(); ++i) {
    const auto& item = session.agenda[i];
    if (item.state != kiosk::ItemState::pending && item.state != kiosk::ItemState::skipped) {
      anchor = static_cast<std::ptrdiff_t>(i);
    }
    if (item.item == target) {
      to = static_cast<std::ptrdiff_t>(i);
    }
  }
  for (auto i = anchor + 1; i < to; ++i) {
    if (session.agenda[static_cast<std::size_t>(i)].state == kiosk::ItemState::pending) {
      return true;
    }
  }
  return false;
}

void agenda_list(Ui& ui, const kiosk::SessionView& session, MeetingView& view, ImVec2 size,
                 Intents& out) {
  const auto& m = ui.metrics;
  begin_touch_scroll("##agenda", size);
  const float width = ImGui::GetContentRegionAvail().x;
  // One size for the whole list: the small one when a word of any title
  // (Norwegian compounds) would not fit the column whole.
  const float title_room = width - m.px(8) * 3 - m.px(26) - m.px(52);
  const bool small_titles = std::ranges::any_of(session.agenda, [&](const auto& item) {
    return widest_word(ui.fonts.bold, item.title) > title_room;
  });
  for (const auto& item : session.agenda) {
    const bool running = item.state == kiosk::ItemState::running;
    const bool finished = item.state == kiosk::ItemState::finished;
    const bool skipped = item.state == kiosk::ItemState::skipped;
    const bool paused = item.state == kiosk::ItemState::paused;
    // ▶ running, ‖ paused (will run again), ✓ finished, ↷ skipped, ○ pending.
    const std::string symbol = running    ? "\u25B6"
                               : paused   ? "\u2016"
                               : finished ? "\u2713"
                               : skipped  ? "\u21B7"
                                          : "\u25CB";
    const std::string minutes =
        ui.text.format(T::minutes_short, {{"n", std::to_string(item.planned_minutes)}});
    ImFont* small = ui.fonts.small;
    ImFont* font = small_titles ? ui.fonts.small : running ? ui.fonts.bold : ui.fonts.body;
    const ImU32 color = finished || skipped ? theme::kTextDim : theme::kText;
    const float pad = m.px(8);
    const float symbol_width = m.px(26);
    const float minutes_width =
        small->CalcTextSizeA(small->FontSize, FLT_MAX, 0, minutes.c_str()).x;
    const float title_width = width - pad - symbol_width - minutes_width - 2 * pad;
    const ImVec2 title_size =
        font->CalcTextSizeA(font->FontSize, FLT_MAX, title_width, item.title.c_str());
    const float row_height =
        std::max(m.px(44), std::min(title_size.y, font->FontSize * 2.4F) + m.px(12));
    const ImVec2 min = ImGui::GetCursorScreenPos();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    if (running) {
      draw->AddRectFilled(min, {min.x + width, min.y + row_height}, theme::kAccent, m.rounding());
      draw->AddRectFilled(min, {min.x + m.px(5), min.y + row_height}, theme::kText);
    }
    const float top = min.y + (row_height - title_size.y) / 2;
    draw->AddText(font, font->FontSize, {min.x + pad + m.px(2), top}, color, symbol.c_str());
    const ImVec4 clip{min.x, min.y, min.x + width, min.y + row_height};
    draw->AddText(font, font->FontSize, {min.x + pad + symbol_width, top}, color,
                  item.title.c_str(), nullptr, title_width, &clip);
    draw->AddText(small, small->FontSize,
                  {min.x + width - minutes_width - pad, min.y + (row_height - small->FontSize) / 2},
                  color, minutes.c_str());
    // A tap on a row takes that item up (the running one pauses); past
    // pending items only after the leader confirms skipping them.
    const bool tapped = ImGui::InvisibleButton(("##row." + item.item).c_str(), {width, row_height});
    register_item(ui, "meeting.item." + item.item, item.title);
    if (tapped && !running && !session.paused_at) {
      if (passes_pending(session, item.item)) {
        view.mode = MeetingView::Mode::confirm_skip;
        view.item = item.item;
      } else {
        out.emplace_back(Execute{kiosk::StartItem{session.session, item.item}});
      }
    }
    if (running) {
      register_item(ui, "meeting.item.running", item.title);
    }
  }
  end_touch_scroll(ui);
}

// Next above previous, beside the countdown; "start" before the first
// item, "finish" on the last.
void navigation(Ui& ui, const kiosk::SessionView& session, const kiosk::AgendaItemView* running,
                ImVec2 size, Intents& out) {
  const auto& m = ui.metrics;
  const auto next = next_item(session);
  const auto previous = previous_item(session);
  const bool started = std::ranges::any_of(
      session.agenda, [](const auto& item) { return item.state != kiosk::ItemState::pending; });
  if (!started) {
    if (button(ui, "meeting.start", ui.text(T::meeting_start), size,
               {.tone = Tone::primary, .font = ui.fonts.large, .enabled = next.has_value()})) {
      out.emplace_back(Execute{kiosk::StartItem{session.session, *next}});
    }
    return;
  }
  const ImVec2 half{size.x, (size.y - m.gap()) / 2};
  const ImVec2 origin = ImGui::GetCursorPos();
  if (next) {
    if (button(ui, "meeting.next", std::string(ui.text(T::meeting_next)) + " \u203A", half,
               {.tone = Tone::primary})) {
      // Finishes the running item (named, so a second quick tap from this
      // same picture is refused), else takes up the next one.
      if (running != nullptr) {
        out.emplace_back(Execute{kiosk::NextItem{session.session, running->item}});
      } else {
        out.emplace_back(Execute{kiosk::StartItem{session.session, *next}});
      }
    }
  } else if (button(ui, "meeting.finish", ui.text(T::meeting_finish), half,
                    {.tone = Tone::primary, .enabled = running != nullptr})) {
    out.emplace_back(Execute{kiosk::FinishItem{session.session, running->item}});
  }
  ImGui::SetCursorPos({origin.x, origin.y + half.y + m.gap()});
  if (button(ui, "meeting.previous", "\u2039 " + std::string(ui.text(T::meeting_previous)), half,
             {.enabled = previous.has_value()})) {
    out.emplace_back(Execute{kiosk::StartItem{session.session, *previous}});
  }
}

// A struck-through line for what was retracted: dim, and crossed out.
// `row` (1-based, in the list's order) gives scripts a stable handle:
// "meeting.retract.#2" is the second row's retract button.
void minutes_row(Ui& ui, int row, const std::string& id, const std::string& kind,
                 const std::string& text, const std::string& detail, bool retracted,
                 MeetingView& view) {
  const auto& m = ui.metrics;
  const float width = ImGui::GetContentRegionAvail().x;
  const float button_width = retracted ? 0 : m.px(150);
  ImGui::BeginGroup();
  const ImU32 color = retracted ? theme::kTextDim : theme::kText;
  const float text_width = width - button_width - m.gap();
  text_line(ui, kind + (retracted ? "  (" + std::string(ui.text(T::meeting_retracted)) + ")" : ""),
            ui.fonts.small, theme::kTextDim);
  const ImVec2 text_min = ImGui::GetCursorScreenPos();
  text_wrapped(ui, text, ui.fonts.bold, color, text_width);
  const ImVec2 text_max{text_min.x + std::min(text_width, ImGui::GetItemRectSize().x),
                        ImGui::GetItemRectMax().y};
  if (retracted) {
    const float y = text_min.y + ui.fonts.bold->FontSize * 0.55F;
    ImGui::GetWindowDrawList()->AddLine({text_min.x, y}, {text_max.x, y}, theme::kTextDim, m.px(2));
  }
  if (!detail.empty()) {
    text_line(ui, detail, ui.fonts.small, theme::kTextDim);
  }
  ImGui::EndGroup();
  register_item(ui, "meeting.minutes." + id, text);
  if (retracted) {
    register_item(ui, "meeting.retracted." + id, text);
  } else {
    ImGui::SameLine(width - button_width);
    if (button(ui, "meeting.retract." + id, ui.text(T::meeting_retract), {button_width, m.px(44)},
               {.tone = Tone::quiet, .font = ui.fonts.small})) {
      view.mode = MeetingView::Mode::confirm_retract;
      view.target = id;
    }
    register_item(ui, "meeting.retract.#" + std::to_string(row), ui.text(T::meeting_retract));
  }
  ImGui::Dummy({0, m.px(2)});
}

void minutes_list(Ui& ui, const kiosk::SessionView& session, const std::string& item, ImVec2 size,
                  MeetingView& view) {
  begin_touch_scroll("##minutes", size);
  int row = 0;
  for (const auto& d : session.decisions) {
    if (item.empty() || d.item == item) {
      minutes_row(ui, ++row, d.decision, std::string(ui.text(T::meeting_decision)), d.text, {},
                  d.retracted, view);
    }
  }
  for (const auto& a : session.actions) {
    if (item.empty() || a.item == item) {
      const std::string due =
          a.due ? short_date(ui.text, *a.due) : std::string(ui.text(T::meeting_no_due));
      const std::string owner = a.owner_display_name.empty() ? a.owner : a.owner_display_name;
      minutes_row(ui, ++row, a.action, std::string(ui.text(T::meeting_action)), a.text,
                  ui.text.format(T::meeting_owner_due, {{"owner", owner}, {"due", due}}),
                  a.retracted, view);
    }
  }
  if (row == 0) {
    text_wrapped(ui, ui.text(T::meeting_nothing_recorded), ui.fonts.body, theme::kTextDim);
  }
  end_touch_scroll(ui);
}

// Under the agenda: the whole meeting's pause (or its resumption) and
// "+5 min" on the running item's time box.
void time_controls(Ui& ui, const kiosk::SessionView& session, const kiosk::AgendaItemView* running,
                   ImVec2 size, Intents& out) {
  const auto& m = ui.metrics;
  const ImVec2 half{(size.x - m.gap()) / 2, size.y};
  if (session.paused_at) {
    if (button(ui, "meeting.resume", ui.text(T::meeting_resume), half, {.tone = Tone::primary})) {
      out.emplace_back(Execute{kiosk::ResumeMeeting{session.session}});
    }
  } else if (button(ui, "meeting.pause", ui.text(T::meeting_pause), half)) {
    out.emplace_back(Execute{kiosk::PauseMeeting{session.session}});
  }
  ImGui::SameLine(0, m.gap());
  if (button(ui, "meeting.extend", ui.text(T::meeting_extend), half,
             {.enabled = running != nullptr})) {
    out.emplace_back(Execute{kiosk::ExtendItem{session.session, running->item}});
  }
}

// Left: the agenda, then adding an item and earlier meetings' actions.
void agenda_column(Ui& ui, const kiosk::Snapshot& snap, const kiosk::SessionView& session,
                   MeetingView& view, ImVec2 size, Intents& out) {
  const auto& m = ui.metrics;
  const float button_height = m.touch_min();
  agenda_list(ui, session, view, {size.x, size.y - 3 * (button_height + m.gap())}, out);
  ImGui::SetCursorPosY(size.y - 3 * button_height - 2 * m.gap());
  time_controls(ui, session, running_item(session), {size.x, button_height}, out);
  ImGui::SetCursorPosY(size.y - 2 * button_height - m.gap());
  if (button(ui, "meeting.add_item", "+ " + std::string(ui.text(T::meeting_add_item)),
             {size.x, button_height})) {
    view.mode = MeetingView::Mode::add_item;
    view.text = TextField{.max_bytes = 200, .multiline = false};
    view.text.insert(ui.text(T::meeting_item_default_title));
    view.minutes = 10;
    view.keyboard = {};
  }
  const auto open =
      std::ranges::count_if(snap.carried_actions, [](const auto& a) { return !a.done; });
  if (button(ui, "meeting.open_actions",
             ui.text.format(T::meeting_open_actions_short, {{"n", std::to_string(open)}}),
             {size.x, button_height}, {.font = ui.fonts.bold})) {
    view.mode = MeetingView::Mode::open_actions;
  }
}

// Right: the running item, its countdown and the way on, its minutes, and
// recording a decision or an action under it.
void running_item_column(Ui& ui, const kiosk::SessionView& session, MeetingView& view, ImVec2 size,
                         Intents& out) {
  const auto& m = ui.metrics;
  const float button_height = m.touch_min();
  const auto* running = running_item(session);
  text_line(ui,
            running != nullptr  ? running->title
            : session.paused_at ? "\u2016 " + std::string(ui.text(T::meeting_paused))
                                : std::string(" "),
            ui.fonts.large, theme::kText);
  const float box_height = ui.fonts.huge->FontSize + ui.fonts.bold->FontSize + m.px(26);
  const float nav_width = m.px(170);
  const ImVec2 row = ImGui::GetCursorPos();
  meeting::countdown_box(ui, running, {size.x - nav_width - m.gap(), box_height});
  ImGui::SetCursorPos({row.x + size.x - nav_width, row.y});
  navigation(ui, session, running, {nav_width, box_height}, out);
  ImGui::SetCursorPos({row.x, row.y + box_height + m.gap()});
  const float list_height = size.y - ImGui::GetCursorPosY() - button_height - m.gap();
  minutes_list(ui, session, running != nullptr ? running->item : std::string(),
               {size.x, list_height}, view);
  ImGui::SetCursorPosY(size.y - button_height);
  const float decision_width = (size.x - m.gap()) * 0.4F;
  if (button(ui, "meeting.add_decision", "+ " + std::string(ui.text(T::meeting_add_decision)),
             {decision_width, button_height},
             {.tone = Tone::accent, .enabled = running != nullptr})) {
    view.mode = MeetingView::Mode::decision;
    view.item = running->item;
    view.text = TextField{.max_bytes = 2000, .multiline = true};
    view.keyboard = {};
  }
  ImGui::SameLine(0, m.gap());
  if (button(ui, "meeting.add_action", "+ " + std::string(ui.text(T::meeting_add_action)),
             {size.x - decision_width - m.gap(), button_height},
             {.tone = Tone::accent, .enabled = running != nullptr})) {
    view.mode = MeetingView::Mode::action_text;
    view.item = running->item;
    view.text = TextField{.max_bytes = 2000, .multiline = true};
    view.keyboard = {};
    view.owner.clear();
    view.due.reset();
  }
}

}  // namespace

namespace meeting {

void public_reminder(Ui& ui) {
  text_with_id(ui, "meeting.reminder", "\u25B2 " + std::string(ui.text(T::meeting_public_reminder)),
               ui.fonts.small, IM_COL32(255, 200, 110, 255));
}

}  // namespace meeting

void meeting_screen(Ui& ui, const kiosk::Snapshot& snap, const kiosk::SessionView& session,
                    MeetingView& view, Intents& out) {
  const bool led = meeting::led_here(ui, session);
  if (!led) {
    view.mode = MeetingView::Mode::main;  // an editor open at the lock is dropped
  } else {
    view.lead_person.clear();
    ui.redraw_at_wall(*session.led_until);  // the lock shows on time
  }
  if (meeting::editor_shown(ui, snap, session, view, out)) {
    return;
  }
  const auto& m = ui.metrics;
  std::string subtitle = ui.text.format(T::meeting_projected_end,
                                        {{"time", hh_mm(ui, projected_end(session, ui.now))}}) +
                         "   \u00B7   " + hh_mm(ui, ui.now);
  if (led) {
    subtitle += "   \u00B7   " + ui.text.format(T::meeting_led_by, {{"name", session.led_by_name}});
  }
  if (header(ui, ui.text(T::back), session.title, subtitle)) {
    out.emplace_back(Go{{Screen::home, {}, {}}});
  }
  if (!led) {
    meeting::lead_view(ui, session, view, out);
    return;
  }
  const ImVec2 origin = ImGui::GetCursorPos();
  const float width = ImGui::GetWindowWidth() - 2 * m.margin();
  const float reminder = ui.fonts.small->FontSize + m.px(8);
  const float height = ImGui::GetWindowHeight() - m.margin() - origin.y - reminder;
  const float left = std::round(width * 0.34F);
  const float right = width - left - m.px(16);

  ImGui::BeginChild("##meeting.left", {left, height}, false, kLayoutChild);
  agenda_column(ui, snap, session, view, {left, height}, out);
  ImGui::EndChild();

  ImGui::SetCursorPos({origin.x + left + m.px(16), origin.y});
  ImGui::BeginChild("##meeting.right", {right, height}, false, kLayoutChild);
  running_item_column(ui, session, view, {right, height}, out);
  ImGui::EndChild();
  ImGui::SetCursorPos({origin.x, origin.y + height + m.px(6)});
  meeting::public_reminder(ui);
}

}  // namespace tavla::ui
