// KioskUi::apply: intents to the core and to the UI's own state, and what
// the user sees afterwards (a welcome with undo, a refusal in words).
#include "tavla/protocol/overloaded.hpp"
#include "tavla/ui/chrome.hpp"
#include "tavla/ui/kiosk_ui.hpp"

namespace tavla::ui {
namespace {

std::string display_name_of(const kiosk::Snapshot& snap, const std::string& session,
                            const std::string& participant) {
  if (const auto* s = snap.session(session)) {
    for (const auto& member : s->roster) {
      if (member.participant == participant) {
        return member.display_name;
      }
    }
  }
  return {};
}

std::string title_of(const kiosk::Snapshot& snap, const std::string& session) {
  const auto* s = snap.session(session);
  return s != nullptr ? s->title : std::string();
}

}  // namespace

void KioskUi::forget_secrets() {
  state_.pin.pin.clear();
  state_.pin.wrong = false;
  std::fill(state_.leader.pin.begin(), state_.leader.pin.end(), '\0');
  state_.leader = LeaderView{};
  state_.meeting.lead_pin.clear();
}

void KioskUi::go(const Route& route) {
  const auto from = state_.route.screen;
  state_.route = route;
  // A welcome or an error belongs to the screen it was shown on.
  state_.banner.reset();
  // Every screen starts fresh; PINs never outlive the screen they were typed on.
  state_.pin.pin.clear();
  state_.pin.wrong = false;
  state_.pin.person.clear();  // the next leader names themself again
  if (route.screen != Screen::leader && route.screen != Screen::guest) {
    forget_secrets();
  }
  if (route.screen == Screen::check_in && from != Screen::member_pin && from != Screen::guest) {
    state_.check_in = CheckInView{};
  }
  if (route.screen == Screen::meeting && from != Screen::meeting) {
    state_.meeting = MeetingView{};
  }
  if (route.screen == Screen::admin && from != Screen::admin) {
    state_.admin = AdminView{};
  }
}

void KioskUi::show(Banner::Kind kind, std::string text, SteadyTime now,
                   std::optional<kiosk::UndoCheckIn> undo) {
  state_.banner = Banner{kind, std::move(text), now + options_.banner_time, std::move(undo)};
}

void KioskUi::apply(const Intent& intent, SteadyTime now) {
  std::visit(
      protocol::Overloaded{
          [&](const Go& go_to) { go(go_to.route); },
          [&](const Execute& execute) { run(execute.command, now); },
          [&](const VerifyLeaderPin& verify) { enter_leader_pin(verify.leader, verify.pin); },
          [&](const VerifyAdminPin& verify) { enter_admin_pin(verify.pin); },
          [&](const SetLanguage& set) { set_language(set.language); },
          [&](const DismissBanner&) { state_.banner.reset(); },
          [&](const QuitApp&) { quit_ = true; },
      },
      intent);
}

// The admin's choice of language is the device's: kept in the kiosk's
// database, so a restart keeps it.
void KioskUi::set_language(Language language) {
  state_.language_override = language;
  switch (language) {
    case Language::nb:
      kiosk_.set_locale_override(protocol::Locale::nb);
      break;
    case Language::nn:
      kiosk_.set_locale_override(protocol::Locale::nn);
      break;
    case Language::en:
      kiosk_.set_locale_override(protocol::Locale::en);
      break;
  }
}

void KioskUi::run(const kiosk::Command& command, SteadyTime now) {
  std::visit(protocol::Overloaded{
                 [&](const kiosk::Done& done) { after_done(command, done, now); },
                 [&](const kiosk::Refusal& refusal) { after_refusal(command, refusal, now); },
             },
             kiosk_.execute(command));
}

void KioskUi::enter_leader_pin(const std::string& participant, const std::string& pin) {
  auto result = kiosk_.verify_leader(participant, pin);
  if (auto* leader = std::get_if<kiosk::LeaderInfo>(&result)) {
    go({Screen::leader, {}, {}});
    state_.leader.leader = std::move(*leader);
    state_.leader.pin = pin;
  } else {
    state_.pin.pin.clear();
    state_.pin.wrong = true;
  }
}

void KioskUi::enter_admin_pin(const std::string& pin) {
  if (kiosk_.admin_pin_refusal(pin)) {
    state_.pin.pin.clear();
    state_.pin.wrong = true;
  } else {
    go({Screen::admin, {}, {}});
  }
}

void KioskUi::back_to_meeting() {
  state_.meeting.mode = MeetingView::Mode::main;
  state_.meeting.text.clear();
}

void KioskUi::after_done(const kiosk::Command& command, const kiosk::Done& done, SteadyTime now) {
  const auto snap = kiosk_.snapshot();
  const auto& text = catalogue(*snap);
  // The next person starts with an empty search, never the last one's.
  if (std::holds_alternative<kiosk::CheckIn>(command) ||
      std::holds_alternative<kiosk::CheckInByPin>(command) ||
      std::holds_alternative<kiosk::CheckInGuest>(command)) {
    state_.check_in = CheckInView{};
  }
  std::visit(
      protocol::Overloaded{
          [&](const kiosk::CheckIn& c) {
            show(Banner::Kind::welcome,
                 text.format(T::checkin_welcome,
                             {{"name", display_name_of(*snap, c.session, c.participant)}}),
                 now, kiosk::UndoCheckIn{c.session, c.participant});
          },
          [&](const kiosk::CheckInByPin& c) {
            go({Screen::check_in, c.session, {}});
            show(Banner::Kind::welcome,
                 text.format(T::checkin_welcome,
                             {{"name", display_name_of(*snap, c.session, c.participant)}}),
                 now, kiosk::UndoCheckIn{c.session, c.participant});
          },
          [&](const kiosk::CheckInGuest& c) {
            const auto back =
                state_.route.back == Screen::leader ? Screen::leader : Screen::check_in;
            // Back to the leader's screen keeps the leader signed in.
            state_.route = Route{back, back == Screen::leader ? std::string() : c.session, {}};
            show(Banner::Kind::welcome, std::string(text(T::checkin_welcome_guest)), now,
                 kiosk::UndoCheckIn{c.session, done.subject});
          },
          [&](const kiosk::UndoCheckIn&) {
            show(Banner::Kind::info, std::string(text(T::checkin_undone)), now);
          },
          [&](const kiosk::OpenSession&) {
            state_.leader.mode = LeaderView::Mode::main;
            show(Banner::Kind::info,
                 text.format(T::leader_opened, {{"title", title_of(*snap, done.subject)}}), now);
          },
          [&](const kiosk::CloseSession& c) {
            state_.leader.mode = LeaderView::Mode::main;
            show(Banner::Kind::info,
                 text.format(T::leader_closed, {{"title", title_of(*snapshot_, c.session)}}), now);
          },
          // Agenda and minutes: back to the meeting's main view.
          [&](const kiosk::AddAgendaItem&) { back_to_meeting(); },
          [&](const kiosk::StartItem&) { back_to_meeting(); },
          [&](const kiosk::NextItem&) { back_to_meeting(); },
          [&](const kiosk::FinishItem&) { back_to_meeting(); },
          [&](const kiosk::ExtendItem&) { back_to_meeting(); },
          [&](const kiosk::PauseMeeting&) { back_to_meeting(); },
          [&](const kiosk::ResumeMeeting&) { back_to_meeting(); },
          [&](const kiosk::LeadMeeting&) { back_to_meeting(); },
          [&](const kiosk::UndoActionDone&) {},
          [&](const kiosk::CorrectAttendance&) {},
          [&](const kiosk::RecordDecision&) { back_to_meeting(); },
          [&](const kiosk::RecordAction&) { back_to_meeting(); },
          [&](const kiosk::Retract&) { back_to_meeting(); },
          // Stays on the list of open actions, where its undo is.
          [&](const kiosk::MarkActionDone&) {},
      },
      command);
}

void KioskUi::after_refusal(const kiosk::Command& command, const kiosk::Refusal& refusal,
                            SteadyTime now) {
  if (std::holds_alternative<kiosk::CheckInByPin>(command) &&
      refusal.code == kiosk::RefusalCode::wrong_pin) {
    state_.pin.pin.clear();
    state_.pin.wrong = true;
    return;
  }
  if (std::holds_alternative<kiosk::LeadMeeting>(command)) {
    state_.meeting.lead_pin.clear();  // a wrong PIN: the pad again, empty
  }
  // A second quick tap on "next" names the item the first one finished:
  // nothing to say, the screen already shows the next item.
  if (std::holds_alternative<kiosk::NextItem>(command) &&
      refusal.code == kiosk::RefusalCode::item_not_running) {
    return;
  }
  state_.pin.pin.clear();
  show(Banner::Kind::error, refusal_text(catalogue(*kiosk_.snapshot()), zone_, refusal), now);
}

}  // namespace tavla::ui
