#include <algorithm>

#include "tavla/ui/chrome.hpp"
#include "tavla/ui/screens.hpp"
#include "tavla/ui/theme.hpp"

namespace tavla::ui {
namespace {

std::string name_of(const std::vector<kiosk::NamedRef>& refs, const std::string& id) {
  const auto it = std::ranges::find(refs, id, &kiosk::NamedRef::id);
  return it == refs.end() ? id : it->name;
}

// A group's kind when the room's schedule or an open session tells it; a
// group never seen there may be either.
std::optional<protocol::SessionKind> kind_of_group(const kiosk::Snapshot& snap,
                                                   const std::string& group) {
  for (const auto& s : snap.open_sessions) {
    if (s.group == group) {
      return s.kind;
    }
  }
  for (const auto& e : snap.today) {
    if (e.group == group) {
      return e.kind;
    }
  }
  return std::nullopt;
}

std::string attendee_label(const Ui& ui, const kiosk::Snapshot& snap, const kiosk::Attendee& a) {
  if (a.guest_affiliation) {
    const auto& refs = a.guest_affiliation->kind == protocol::Affiliation::Kind::municipality
                           ? snap.municipalities
                           : snap.orgs;
    return ui.text.format(T::guest_label, {{"place", name_of(refs, a.guest_affiliation->id)}});
  }
  return a.display_name;
}

void main_mode(Ui& ui, const kiosk::Snapshot& snap, LeaderView& view, Intents& out) {
  const auto& m = ui.metrics;
  const float width = ImGui::GetWindowWidth() - 2 * m.margin();
  const float footer = m.touch_min();
  const float list_height =
      ImGui::GetWindowHeight() - m.margin() - footer - m.gap() - ImGui::GetCursorPosY();
  text_line(ui, ui.text(T::leader_open_sessions), ui.fonts.bold, theme::kTextDim);
  begin_touch_scroll("##leader.sessions", {width, list_height - ui.fonts.bold->FontSize});
  // Only the groups this person leads: never another group's attendance.
  std::vector<const kiosk::SessionView*> own;
  for (const auto& s : snap.open_sessions) {
    if (std::ranges::find(view.leader->groups, s.group) != view.leader->groups.end()) {
      own.push_back(&s);
    }
  }
  if (own.empty()) {
    text_line(ui, ui.text(T::leader_none_open), ui.fonts.large, theme::kTextDim);
  }
  const float button_width = (width - 2 * m.gap()) / 3;
  for (const auto* own_session : own) {
    const auto& s = *own_session;
    text_line(
        ui,
        s.title + "  \u00B7  " +
            ui.text.format(T::checkin_present_count, {{"n", std::to_string(s.present.size())}}),
        ui.fonts.large, theme::kText);
    if (button(ui, "leader.who." + s.session, ui.text(T::leader_who_is_here),
               {button_width, m.touch_min()})) {
      view.mode = LeaderView::Mode::who_is_here;
      view.session = s.session;
    }
    ImGui::SameLine(0, m.gap());
    if (button(ui, "leader.walk_in." + s.session, ui.text(T::leader_add_walk_in),
               {button_width, m.touch_min()}, {.tone = Tone::accent})) {
      out.emplace_back(Go{{Screen::guest, s.session, {}, Screen::leader}});
    }
    ImGui::SameLine(0, m.gap());
    if (button(ui, "leader.close." + s.session, ui.text(T::leader_close_session),
               {button_width, m.touch_min()}, {.tone = Tone::danger})) {
      view.mode = LeaderView::Mode::confirm_close;
      view.session = s.session;
    }
    ImGui::Dummy({0, m.gap()});
  }
  end_touch_scroll(ui);
  ImGui::SetCursorPos({m.margin(), ImGui::GetWindowHeight() - m.margin() - footer});
  if (button(ui, "leader.open", "+ " + std::string(ui.text(T::leader_open_session)),
             {m.px(320), footer}, {.tone = Tone::primary, .font = ui.fonts.large})) {
    view.mode = LeaderView::Mode::choose_group;
  }
}

void choose_group(Ui& ui, const kiosk::Snapshot& snap, LeaderView& view) {
  const auto& m = ui.metrics;
  text_line(ui, ui.text(T::leader_choose_group), ui.fonts.bold, theme::kTextDim);
  const float width = ImGui::GetWindowWidth() - 2 * m.margin();
  for (const auto& group : view.leader->groups) {
    if (button(ui, "leader.group." + group, name_of(snap.groups, group), {width, m.px(64)},
               {.font = ui.fonts.large})) {
      const auto kind = kind_of_group(snap, group);
      const bool may_have_agenda =
          !snap.agendas.empty() && kind != protocol::SessionKind::group_guidance;
      view.group = group;
      view.agenda.reset();
      view.mode =
          may_have_agenda ? LeaderView::Mode::choose_agenda : LeaderView::Mode::choose_length;
    }
  }
}

void choose_agenda(Ui& ui, const kiosk::Snapshot& snap, LeaderView& view) {
  const auto& m = ui.metrics;
  text_line(ui, ui.text(T::leader_choose_agenda), ui.fonts.bold, theme::kTextDim);
  const float width = ImGui::GetWindowWidth() - 2 * m.margin();
  for (const auto& agenda : snap.agendas) {
    if (button(ui, "leader.agenda." + agenda.id, agenda.name, {width, m.px(64)},
               {.font = ui.fonts.large})) {
      view.agenda = agenda.id;
      view.mode = LeaderView::Mode::choose_length;
    }
  }
  if (button(ui, "leader.agenda.none", ui.text(T::leader_no_agenda), {width, m.px(64)},
             {.tone = Tone::quiet, .font = ui.fonts.large})) {
    view.agenda.reset();
    view.mode = LeaderView::Mode::choose_length;
  }
}

// A session opened by hand asks its length; it closes after that plus the
// grace period, like a scheduled one. Two hours is the usual one.
void choose_length(Ui& ui, LeaderView& view, Intents& out) {
  const auto& m = ui.metrics;
  text_line(ui, ui.text(T::leader_choose_length), ui.fonts.bold, theme::kTextDim);
  const float width = ImGui::GetWindowWidth() - 2 * m.margin();
  const float each = (width - 3 * m.gap()) / 4;
  for (const std::uint64_t hours : {1U, 2U, 3U, 4U}) {
    if (hours > 1) {
      ImGui::SameLine(0, m.gap());
    }
    const std::uint64_t minutes = hours * 60;
    if (button(
            ui, "leader.length." + std::to_string(minutes),
            ui.text.format(T::leader_length_hours, {{"n", std::to_string(hours)}}),
            {each, m.px(72)},
            {.tone = minutes == kiosk::OpenSession::kDefaultMinutes ? Tone::primary : Tone::neutral,
             .font = ui.fonts.large})) {
      out.emplace_back(Execute{kiosk::OpenSession{
          view.group, view.leader->participant, view.pin, {}, view.agenda, minutes}});
    }
  }
}

void confirm_close(Ui& ui, const kiosk::SessionView& session, LeaderView& view, Intents& out) {
  const auto& m = ui.metrics;
  text_wrapped(ui, ui.text.format(T::leader_confirm_close, {{"title", session.title}}),
               ui.fonts.title, theme::kText);
  ImGui::Dummy({0, m.px(20)});
  if (button(ui, "leader.close.confirm", ui.text(T::leader_close_session), {m.px(260), m.px(72)},
             {.tone = Tone::danger, .font = ui.fonts.large})) {
    out.emplace_back(
        Execute{kiosk::CloseSession{session.session, view.leader->participant, view.pin}});
  }
  ImGui::SameLine(0, m.px(20));
  if (button(ui, "leader.close.cancel", ui.text(T::cancel), {m.px(260), m.px(72)},
             {.font = ui.fonts.large})) {
    view.mode = LeaderView::Mode::main;
  }
}

// The leader's correction of one person: out if present, in if not
// (members only: a guest who left is only taken out).
void correct_button(Ui& ui, const kiosk::SessionView& session, const std::string& participant,
                    bool present, const LeaderView& view, Intents& out) {
  const auto& m = ui.metrics;
  const std::string id =
      std::string(present ? "leader.correct.out." : "leader.correct.in.") + participant;
  ImGui::SameLine(ImGui::GetContentRegionAvail().x + ImGui::GetCursorPosX() - m.px(170));
  if (button(ui, id, ui.text(present ? T::leader_correct_out : T::leader_correct_in),
             {m.px(170), m.touch_min()}, {.tone = present ? Tone::neutral : Tone::accent})) {
    out.emplace_back(Execute{kiosk::CorrectAttendance{session.session, participant, !present,
                                                      view.leader->participant, view.pin}});
  }
}

void who_is_here(Ui& ui, const kiosk::Snapshot& snap, const kiosk::SessionView& session,
                 const LeaderView& view, Intents& out) {
  const auto& m = ui.metrics;
  text_line(
      ui,
      session.title + "  \u00B7  " +
          ui.text.format(T::checkin_present_count, {{"n", std::to_string(session.present.size())}}),
      ui.fonts.bold, theme::kTextDim);
  const float width = ImGui::GetWindowWidth() - 2 * m.margin();
  begin_touch_scroll("##leader.who",
                     {width, ImGui::GetWindowHeight() - m.margin() - ImGui::GetCursorPosY()});
  if (session.present.empty()) {
    text_line(ui, ui.text(T::leader_nobody_here), ui.fonts.large, theme::kTextDim);
  }
  for (const auto& a : session.present) {
    const std::string line = hh_mm(ui, a.checked_in_at) + "   " + attendee_label(ui, snap, a);
    text_with_id(ui, "leader.present." + a.participant, line, ui.fonts.large, theme::kText);
    correct_button(ui, session, a.participant, true, view, out);
  }
  // Members not here: the leader can check them in after the fact.
  for (const auto& member : session.roster) {
    const bool here = std::ranges::find(session.present, member.participant,
                                        &kiosk::Attendee::participant) != session.present.end();
    if (!here) {
      text_with_id(ui, "leader.absent." + member.participant, member.display_name, ui.fonts.large,
                   theme::kTextDim);
      correct_button(ui, session, member.participant, false, view, out);
    }
  }
  end_touch_scroll(ui);
}

}  // namespace

void leader_screen(Ui& ui, const kiosk::Snapshot& snap, LeaderView& view, Intents& out) {
  if (!view.leader) {
    out.emplace_back(Go{{Screen::home, {}, {}}});
    return;
  }
  const bool in_main = view.mode == LeaderView::Mode::main;
  if (header(ui, in_main ? ui.text(T::done) : ui.text(T::back),
             ui.text.format(T::leader_title, {{"name", view.leader->display_name}}))) {
    if (in_main) {
      out.emplace_back(Go{{Screen::home, {}, {}}});
    } else {
      view.mode = LeaderView::Mode::main;
    }
  }
  const auto* session = snap.session(view.session);
  if (session != nullptr &&
      std::ranges::find(view.leader->groups, session->group) == view.leader->groups.end()) {
    session = nullptr;  // another group's session: not this leader's to see
  }
  switch (view.mode) {
    case LeaderView::Mode::main:
      main_mode(ui, snap, view, out);
      break;
    case LeaderView::Mode::choose_group:
      choose_group(ui, snap, view);
      break;
    case LeaderView::Mode::choose_agenda:
      choose_agenda(ui, snap, view);
      break;
    case LeaderView::Mode::choose_length:
      choose_length(ui, view, out);
      break;
    case LeaderView::Mode::confirm_close:
      if (session != nullptr) {
        confirm_close(ui, *session, view, out);
      } else {
        view.mode = LeaderView::Mode::main;
      }
      break;
    case LeaderView::Mode::who_is_here:
      if (session != nullptr) {
        who_is_here(ui, snap, *session, view, out);
      } else {
        view.mode = LeaderView::Mode::main;
      }
      break;
  }
}

}  // namespace tavla::ui
