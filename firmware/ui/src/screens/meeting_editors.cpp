// The meeting screen's editors: typing a decision or an action (with the
// public-minutes reminder above the field), the action's owner and due
// date, an item added on the day, retracting, and earlier open actions.
#include <algorithm>

#include "meeting_parts.hpp"
#include "tavla/ui/agenda_logic.hpp"
#include "tavla/ui/chrome.hpp"
#include "tavla/ui/due_date.hpp"
#include "tavla/ui/input_views.hpp"
#include "tavla/ui/theme.hpp"

namespace tavla::ui::meeting {
namespace {

std::string item_title(const kiosk::SessionView& session, const std::string& item) {
  const auto* found = find_item(session, item);
  return found != nullptr ? found->title : item;
}

// Header, reminder, the field with its confirm button, the keyboard.
// Returns true when the confirm button was tapped with text in the field.
bool text_editor_confirmed(Ui& ui, const std::string& title, std::string_view confirm,
                           MeetingView& view, Intents& out, bool reminder = true) {
  (void)out;
  const auto& m = ui.metrics;
  if (header(ui, ui.text(T::cancel), title)) {
    view.mode = MeetingView::Mode::main;
    return false;
  }
  if (reminder) {
    public_reminder(ui);
  }
  const float width = ImGui::GetWindowWidth() - 2 * m.margin();
  const float keyboard = keyboard_height(ui);
  const float bottom = ImGui::GetWindowHeight() - m.margin();
  const float confirm_width = m.px(150);
  // A multi-line field takes the room the keyboard leaves; one line is one line.
  const float field_height =
      view.text.multiline
          ? std::max(m.touch_min(), bottom - keyboard - m.gap() - ImGui::GetCursorPosY())
          : m.touch_min();
  text_field_view(ui, "meeting.text", view.text, {},
                  {width - confirm_width - m.gap(), field_height});
  ImGui::SameLine(0, m.gap());
  const bool confirmed =
      button(ui, "meeting.text.confirm", confirm, {confirm_width, field_height},
             {.tone = Tone::primary, .font = ui.fonts.large, .enabled = !view.text.is_blank()});
  if (view.mode == MeetingView::Mode::add_item) {
    const float row_y = ImGui::GetCursorPosY();
    ImGui::SetCursorPosY(row_y + (m.touch_min() - ui.fonts.bold->FontSize) / 2);
    text_line(ui, ui.text(T::meeting_item_minutes), ui.fonts.bold, theme::kTextDim);
    ImGui::SameLine(0, m.px(16));
    ImGui::SetCursorPosY(row_y);
    for (const std::uint64_t minutes : {5, 10, 15, 30, 45}) {
      const bool chosen = view.minutes == minutes;
      if (button(ui, "meeting.minutes." + std::to_string(minutes),
                 ui.text.format(T::minutes_short, {{"n", std::to_string(minutes)}}),
                 {m.px(104), m.touch_min()}, {.tone = chosen ? Tone::accent : Tone::neutral})) {
        view.minutes = minutes;
      }
      ImGui::SameLine(0, m.gap());
    }
    ImGui::NewLine();
  }
  ImGui::SetCursorPos({m.margin(), bottom - keyboard});
  keyboard_view(ui, norwegian_layout(view.text.multiline), view.keyboard, view.text,
                {width, keyboard});
  return confirmed && !view.text.is_blank();
}

void owner_and_due(Ui& ui, const kiosk::SessionView& session, MeetingView& view, Intents& out) {
  const auto& m = ui.metrics;
  if (header(ui, ui.text(T::back),
             std::string(ui.text(T::meeting_owner)) + " \u00B7 " +
                 std::string(ui.text(T::meeting_due)))) {
    view.mode = MeetingView::Mode::action_text;
    return;
  }
  const ImVec2 origin = ImGui::GetCursorPos();
  const float width = ImGui::GetWindowWidth() - 2 * m.margin();
  const float height = ImGui::GetWindowHeight() - m.margin() - origin.y;
  const float left = width * 0.5F;
  const float right = width - left - m.px(16);

  // The owner: one of the meeting's members, by display name.
  ImGui::BeginChild("##owner", {left, height}, false, kLayoutChild);
  text_line(ui, ui.text(T::meeting_owner), ui.fonts.bold, theme::kTextDim);
  begin_touch_scroll("##owners", {left, height - ImGui::GetCursorPosY()});
  const float tile = (left - m.gap()) / 2;
  int column = 0;
  for (const auto& member : session.roster) {
    if (column > 0) {
      ImGui::SameLine(0, m.gap());
    }
    const bool chosen = view.owner == member.participant;
    if (button(ui, "meeting.owner." + member.participant,
               (chosen ? "\u2713 " : "") + member.display_name, {tile, m.px(60)},
               {.tone = chosen ? Tone::accent : Tone::neutral, .font = ui.fonts.large})) {
      view.owner = member.participant;
    }
    column = (column + 1) % 2;
  }
  end_touch_scroll(ui);
  ImGui::EndChild();

  // The due date: presets, a day either way, or none.
  ImGui::SetCursorPos({origin.x + left + m.px(16), origin.y});
  ImGui::BeginChild("##due", {right, height}, false, kLayoutChild);
  const auto today = ui.zone.date(ui.now);
  text_line(ui, ui.text(T::meeting_due), ui.fonts.bold, theme::kTextDim);
  const std::string due_text =
      view.due ? short_date(ui.text, *view.due) : std::string(ui.text(T::meeting_no_due));
  text_with_id(ui, "meeting.due", due_text, ui.fonts.title, theme::kText);
  const float half = (right - m.gap()) / 2;
  const ImVec2 size{half, m.px(52)};
  if (button(ui, "meeting.due.week", ui.text(T::meeting_due_week), size)) {
    view.due = add_days(today, 7);
  }
  ImGui::SameLine(0, m.gap());
  if (button(ui, "meeting.due.two_weeks", ui.text(T::meeting_due_two_weeks), size)) {
    view.due = add_days(today, 14);
  }
  if (button(ui, "meeting.due.month", ui.text(T::meeting_due_month), size)) {
    view.due = add_month(today);
  }
  ImGui::SameLine(0, m.gap());
  if (button(ui, "meeting.due.none", ui.text(T::meeting_no_due), size, {.tone = Tone::quiet})) {
    view.due.reset();
  }
  if (button(ui, "meeting.due.earlier",
             "\u2212 " + std::string(ui.text(T::meeting_due_day_earlier)), size,
             {.enabled = view.due.has_value()})) {
    view.due = step_due(*view.due, -1, today);
  }
  ImGui::SameLine(0, m.gap());
  if (button(ui, "meeting.due.later", "+ " + std::string(ui.text(T::meeting_due_day_later)),
             size)) {
    view.due = step_due(view.due.value_or(today), 1, today);
  }
  ImGui::SetCursorPosY(height - m.touch_min());
  if (button(ui, "meeting.action.save", ui.text(T::save), {right, m.touch_min()},
             {.tone = Tone::primary, .font = ui.fonts.large, .enabled = !view.owner.empty()})) {
    out.emplace_back(Execute{
        kiosk::RecordAction{session.session, view.item, view.text.text, view.owner, view.due}});
  }
  ImGui::EndChild();
}

void confirm_retract(Ui& ui, const kiosk::SessionView& session, MeetingView& view, Intents& out) {
  const auto& m = ui.metrics;
  std::string text;
  for (const auto& d : session.decisions) {
    if (d.decision == view.target) {
      text = d.text;
    }
  }
  for (const auto& a : session.actions) {
    if (a.action == view.target) {
      text = a.text;
    }
  }
  if (header(ui, ui.text(T::cancel), ui.text(T::meeting_retract))) {
    view.mode = MeetingView::Mode::main;
    return;
  }
  text_wrapped(ui, "\u00AB" + text + "\u00BB", ui.fonts.large, theme::kText);
  ImGui::Dummy({0, m.gap()});
  text_wrapped(ui, ui.text(T::meeting_confirm_retract), ui.fonts.body, theme::kTextDim);
  ImGui::Dummy({0, m.px(20)});
  if (button(ui, "meeting.retract.confirm", ui.text(T::yes_retract), {m.px(300), m.px(72)},
             {.tone = Tone::danger, .font = ui.fonts.large})) {
    out.emplace_back(Execute{kiosk::Retract{session.session, view.target, {}}});
  }
  ImGui::SameLine(0, m.px(20));
  if (button(ui, "meeting.retract.cancel", ui.text(T::cancel), {m.px(220), m.px(72)},
             {.font = ui.fonts.large})) {
    view.mode = MeetingView::Mode::main;
  }
}

// A row tap past pending items: going there marks them skipped (not done).
void confirm_skip(Ui& ui, const kiosk::SessionView& session, MeetingView& view, Intents& out) {
  const auto& m = ui.metrics;
  if (header(ui, ui.text(T::cancel), item_title(session, view.item))) {
    view.mode = MeetingView::Mode::main;
    return;
  }
  text_wrapped(ui, ui.text(T::meeting_confirm_skip), ui.fonts.large, theme::kText);
  ImGui::Dummy({0, m.px(20)});
  if (button(ui, "meeting.skip.confirm", ui.text(T::meeting_skip), {m.px(300), m.px(72)},
             {.tone = Tone::primary, .font = ui.fonts.large})) {
    out.emplace_back(Execute{kiosk::StartItem{session.session, view.item, true}});
  }
  ImGui::SameLine(0, m.px(20));
  if (button(ui, "meeting.skip.cancel", ui.text(T::cancel), {m.px(220), m.px(72)},
             {.font = ui.fonts.large})) {
    view.mode = MeetingView::Mode::main;
  }
}

void open_actions(Ui& ui, const kiosk::Snapshot& snap, const kiosk::SessionView& session,
                  MeetingView& view, Intents& out) {
  const auto& m = ui.metrics;
  if (header(ui, ui.text(T::back), ui.text(T::meeting_open_actions))) {
    view.mode = MeetingView::Mode::main;
    return;
  }
  const float width = ImGui::GetWindowWidth() - 2 * m.margin();
  begin_touch_scroll("##carried",
                     {width, ImGui::GetWindowHeight() - m.margin() - ImGui::GetCursorPosY()});
  if (snap.carried_actions.empty()) {
    text_line(ui, ui.text(T::meeting_no_open_actions), ui.fonts.large, theme::kTextDim);
  }
  const float button_width = m.px(150);
  for (const auto& a : snap.carried_actions) {
    ImGui::BeginGroup();
    text_wrapped(ui, a.text, ui.fonts.bold, a.done ? theme::kTextDim : theme::kText,
                 width - button_width - m.gap());
    const std::string due =
        a.due ? short_date(ui.text, *a.due) : std::string(ui.text(T::meeting_no_due));
    const std::string owner = a.owner_display_name.empty() ? a.owner : a.owner_display_name;
    text_line(ui, ui.text.format(T::meeting_owner_due, {{"owner", owner}, {"due", due}}),
              ui.fonts.small, theme::kTextDim);
    ImGui::EndGroup();
    ImGui::SameLine(width - button_width);
    // The latest "done" of this meeting can be undone for a while, as a
    // check-in can.
    const bool undoable = a.done && session.last_done == a.action && session.last_done_undo_until &&
                          ui.now < *session.last_done_undo_until;
    if (undoable) {
      if (button(ui, "meeting.carried.undo." + a.action, ui.text(T::undo),
                 {button_width, m.px(52)})) {
        out.emplace_back(Execute{kiosk::UndoActionDone{session.session, a.action}});
      }
      ui.redraw_at_wall(*session.last_done_undo_until);
    } else if (a.done) {
      text_with_id(ui, "meeting.carried.done." + a.action,
                   "\u2713 " + std::string(ui.text(T::meeting_marked_done)), ui.fonts.bold,
                   IM_COL32(110, 210, 140, 255));
    } else if (button(ui, "meeting.carried.done." + a.action, ui.text(T::meeting_mark_done),
                      {button_width, m.px(52)}, {.tone = Tone::primary})) {
      out.emplace_back(Execute{kiosk::MarkActionDone{session.session, a.action}});
    }
    ImGui::Dummy({0, m.gap()});
  }
  end_touch_scroll(ui);
}

}  // namespace

bool editor_shown(Ui& ui, const kiosk::Snapshot& snap, const kiosk::SessionView& session,
                  MeetingView& view, Intents& out) {
  switch (view.mode) {
    case MeetingView::Mode::main:
      return false;
    case MeetingView::Mode::decision:
      if (text_editor_confirmed(ui,
                                ui.text.format(T::meeting_decision_prompt,
                                               {{"item", item_title(session, view.item)}}),
                                ui.text(T::save), view, out)) {
        out.emplace_back(
            Execute{kiosk::RecordDecision{session.session, view.item, view.text.text}});
      }
      return true;
    case MeetingView::Mode::action_text:
      if (text_editor_confirmed(
              ui,
              ui.text.format(T::meeting_action_prompt, {{"item", item_title(session, view.item)}}),
              std::string(ui.text(T::next)) + " \u203A", view, out)) {
        view.mode = MeetingView::Mode::action_owner;
      }
      return true;
    case MeetingView::Mode::action_owner:
      owner_and_due(ui, session, view, out);
      return true;
    case MeetingView::Mode::add_item:
      if (text_editor_confirmed(ui, std::string(ui.text(T::meeting_item_title)), ui.text(T::save),
                                view, out, false)) {
        out.emplace_back(
            Execute{kiosk::AddAgendaItem{session.session, view.text.text, view.minutes}});
      }
      return true;
    case MeetingView::Mode::confirm_retract:
      confirm_retract(ui, session, view, out);
      return true;
    case MeetingView::Mode::open_actions:
      open_actions(ui, snap, session, view, out);
      return true;
    case MeetingView::Mode::confirm_skip:
      confirm_skip(ui, session, view, out);
      return true;
  }
  return false;
}

}  // namespace tavla::ui::meeting
