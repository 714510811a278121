// Input → intent, without a window: each screen drawn from a hand-made
// snapshot, tapped by widget id, and checked for what it asks of the core.
#include <gtest/gtest.h>

#include <algorithm>

#include "tavla/protocol/timestamp.hpp"
#include "tavla/testing/screen_harness.hpp"
#include "tavla/ui/screens.hpp"

namespace tavla::ui {
namespace {

using namespace std::chrono_literals;
using testing::ScreenHarness;

kiosk::Snapshot snapshot() {
  kiosk::Snapshot s;
  s.has_config = true;
  s.room = "Møterom Nannestad";
  s.device = "kiosk-1";
  s.broker = kiosk::BrokerState::connected;
  s.municipalities = {{"nannestad", "Nannestad"}, {"eidsvoll", "Eidsvoll"}};
  s.orgs = {{"bufetat", "Bufetat"}};
  s.groups = {{"gv", "Gruppeveiledning"}, {"nm", "Læringsnettverk"}};
  s.agendas = {{"fast", "Fast agenda"}};

  kiosk::SessionView gv;
  gv.session = "s-gv";
  gv.kind = protocol::SessionKind::group_guidance;
  gv.group = "gv";
  gv.title = "Samling 4";
  gv.roster = {{"p-1", "Kari N.", false, false},
               {"p-2", "Ola H.", true, false},
               {"p-lead", "Åse E.", true, true}};
  s.open_sessions.push_back(gv);

  kiosk::SessionView nm;
  nm.session = "s-nm";
  nm.kind = protocol::SessionKind::network_meeting;
  nm.group = "nm";
  nm.title = "Nettverksmøte";
  nm.roster = {{"p-nl", "Nina S.", true, true}, {"p-buf", "Per B.", false, false}};
  for (const auto& [id, minutes] : {std::pair{"sak-1", 15}, std::pair{"sak-2", 30}}) {
    kiosk::AgendaItemView item;
    item.item = id;
    item.title = id == std::string("sak-1") ? "Velkommen" : "Status";
    item.planned_minutes = static_cast<std::uint64_t>(minutes);
    nm.agenda.push_back(item);
  }
  s.open_sessions.push_back(nm);
  s.carried_actions = {{"a-old", "Lage rutine", "p-nl", "Nina S.", std::nullopt, "s-old", false}};
  return s;
}

kiosk::SessionView& session(kiosk::Snapshot& s, const std::string& id) {
  return *std::ranges::find(s.open_sessions, id, &kiosk::SessionView::session);
}

// The one intent of kind T a tap produced (a copy: the intents are gone
// after the call).
template <class T>
std::optional<T> only(const Intents& intents) {
  if (intents.size() != 1) {
    ADD_FAILURE() << intents.size() << " intents, wanted one";
    return std::nullopt;
  }
  const T* value = std::get_if<T>(&intents[0]);
  EXPECT_NE(value, nullptr) << "intent of another kind";
  return value == nullptr ? std::nullopt : std::optional<T>(*value);
}

template <class C>
std::optional<C> command(const Intents& intents) {
  const auto execute = only<Execute>(intents);
  if (!execute) {
    return std::nullopt;
  }
  const C* c = std::get_if<C>(&execute->command);
  EXPECT_NE(c, nullptr) << "command " << kiosk::name_of(execute->command);
  return c == nullptr ? std::nullopt : std::optional<C>(*c);
}

TEST(HomeScreen, OffersCheckInPerOpenSessionAndTheAgendaForAMeeting) {
  ScreenHarness h;
  const auto snap = snapshot();
  const auto draw = [&](Ui& ui, Intents& out) { home_screen(ui, snap, out); };
  auto go = only<Go>(h.tap("home.checkin.s-gv", draw));
  ASSERT_TRUE(go);
  EXPECT_EQ(go->route, (Route{Screen::check_in, "s-gv", {}}));
  EXPECT_EQ(h.label("home.checkin.s-gv"), "Sjekk inn");
  EXPECT_FALSE(h.shows("home.meeting.s-gv"));
  go = only<Go>(h.tap("home.meeting.s-nm", draw));
  ASSERT_TRUE(go);
  EXPECT_EQ(go->route.screen, Screen::meeting);
  // The privacy notice is one tap away.
  go = only<Go>(h.tap("home.privacy", draw));
  ASSERT_TRUE(go);
  EXPECT_EQ(go->route.screen, Screen::privacy);
  EXPECT_EQ(h.label("home.room"), "Møterom Nannestad");
  EXPECT_EQ(h.label("home.clock"), "10:00");
  EXPECT_TRUE(h.shows("sync.idle"));
}

TEST(HomeScreen, SaysSoWhileWaitingForTheRoomConfig) {
  ScreenHarness h;
  kiosk::Snapshot empty;
  empty.outbox = 3;
  empty.device = "kiosk-7";
  h.frame([&](Ui& ui, Intents& out) { home_screen(ui, empty, out); });
  EXPECT_EQ(h.label("home.room"), "Tavla");
  EXPECT_EQ(h.label("home.device"), "Enhet: kiosk-7");  // to provision it by its id
  EXPECT_NE(h.label("sync").find("\u00B7 3 venter på sending"), std::string::npos)
      << h.label("sync");
  EXPECT_FALSE(h.shows("sync.idle"));
  EXPECT_TRUE(std::ranges::none_of(
      h.widgets().all(), [](const WidgetInfo& w) { return w.id.starts_with("home.checkin"); }));
}

TEST(HomeScreen, WhatTheHostRefusedShowsBesideAllSent) {
  ScreenHarness h;
  auto snap = snapshot();
  snap.rejected.count = 2;
  h.frame([&](Ui& ui, Intents& out) { home_screen(ui, snap, out); });
  EXPECT_NE(h.label("sync").find("Avvist av verten: 2"), std::string::npos) << h.label("sync");
}

TEST(CheckInScreen, ATileChecksInOrAsksForThePin) {
  ScreenHarness h;
  auto snap = snapshot();
  CheckInView view;
  const auto draw = [&](Ui& ui, Intents& out) {
    check_in_screen(ui, snap, session(snap, "s-gv"), view, out);
  };
  const auto check_in = command<kiosk::CheckIn>(h.tap("checkin.member.p-1", draw));
  ASSERT_TRUE(check_in);
  EXPECT_EQ(check_in->session, "s-gv");
  EXPECT_EQ(check_in->participant, "p-1");
  auto go = only<Go>(h.tap("checkin.member.p-2", draw));
  ASSERT_TRUE(go);
  EXPECT_EQ(go->route, (Route{Screen::member_pin, "s-gv", "p-2"}));
}

TEST(CheckInScreen, TilesShowTheDisplayNameOnlyAndPresentOnesAreNotTappable) {
  ScreenHarness h;
  auto snap = snapshot();
  session(snap, "s-gv")
      .present.push_back(
          {"p-1", "Kari N.", protocol::CheckInMethod::roster, std::nullopt, h.now, h.now + 60s});
  CheckInView view;
  const auto draw = [&](Ui& ui, Intents& out) {
    check_in_screen(ui, snap, session(snap, "s-gv"), view, out);
  };
  h.frame(draw);
  EXPECT_EQ(h.label("checkin.member.p-2"), "Ola H.");
  EXPECT_TRUE(h.shows("checkin.present.p-1"));
  EXPECT_FALSE(h.shows("checkin.member.p-1"));
  // Privacy: nothing on the screen names a municipality.
  for (const auto& w : h.widgets().all()) {
    EXPECT_EQ(w.label.find("Nannestad"), std::string::npos) << w.id;
    EXPECT_EQ(w.label.find("Eidsvoll"), std::string::npos) << w.id;
  }
}

TEST(CheckInScreen, TypingOnTheKeyboardFiltersTheRoster) {
  ScreenHarness h;
  auto snap = snapshot();
  CheckInView view;
  const auto draw = [&](Ui& ui, Intents& out) {
    check_in_screen(ui, snap, session(snap, "s-gv"), view, out);
  };
  EXPECT_TRUE(h.tap("checkin.search.open", draw).empty());
  h.type("Ås", draw);
  h.frame(draw);
  EXPECT_EQ(view.search.text, "Ås");  // shift is one-shot
  EXPECT_TRUE(h.shows("checkin.member.p-lead"));
  EXPECT_FALSE(h.shows("checkin.member.p-1"));
  h.tap("osk.backspace", draw);
  h.tap("osk.backspace", draw);
  h.type("xyz", draw);
  h.frame(draw);
  EXPECT_TRUE(h.shows("checkin.no_match"));
  EXPECT_TRUE(h.tap("checkin.search.close", draw).empty());
  auto go = only<Go>(h.tap("checkin.guest", draw));
  ASSERT_TRUE(go);
  EXPECT_EQ(go->route.screen, Screen::guest);
}

TEST(MemberPinScreen, DigitsThenOkCheckInByPin) {
  ScreenHarness h;
  auto snap = snapshot();
  auto& gv = session(snap, "s-gv");
  PinView view;
  const auto draw = [&](Ui& ui, Intents& out) {
    member_pin_screen(ui, snap, gv, gv.roster[1], view, out);
  };
  h.frame(draw);
  EXPECT_FALSE(h.shows("pin.ok"));  // not before four digits
  for (const char* digit : {"pin.4", "pin.3", "pin.2", "pin.9", "pin.back", "pin.1"}) {
    EXPECT_TRUE(h.tap(digit, draw).empty());
  }
  h.frame(draw);
  EXPECT_EQ(h.label("pin.dots"), "4");  // dots, never the digits
  const auto by_pin = command<kiosk::CheckInByPin>(h.tap("pin.ok", draw));
  ASSERT_TRUE(by_pin);
  EXPECT_EQ(by_pin->participant, "p-2");
  EXPECT_EQ(by_pin->pin, "4321");
}

TEST(MemberPinScreen, ShowsTheLockout) {
  ScreenHarness h;
  auto snap = snapshot();
  snap.pin_states.emplace_back("p-2", kiosk::PinState{0, h.now + 45s});
  auto& gv = session(snap, "s-gv");
  PinView view;
  h.frame([&](Ui& ui, Intents& out) { member_pin_screen(ui, snap, gv, gv.roster[1], view, out); });
  EXPECT_EQ(h.label("pin.locked"), "For mange forsøk. Prøv igjen etter kl. 10:00.");
  EXPECT_FALSE(h.shows("pin.1"));
  // Another member's lockout is not this one's.
  h.frame([&](Ui& ui, Intents& out) { member_pin_screen(ui, snap, gv, gv.roster[0], view, out); });
  EXPECT_FALSE(h.shows("pin.locked"));
  EXPECT_TRUE(h.shows("pin.1"));
}

// A wrong PIN says how many tries are left before the lock.
TEST(MemberPinScreen, AWrongPinSaysHowManyTriesRemain) {
  ScreenHarness h;
  auto snap = snapshot();
  snap.pin_states.emplace_back("p-2", kiosk::PinState{3, std::nullopt});
  auto& gv = session(snap, "s-gv");
  PinView view;
  view.wrong = true;
  h.frame([&](Ui& ui, Intents& out) { member_pin_screen(ui, snap, gv, gv.roster[1], view, out); });
  EXPECT_EQ(h.label("pin.wrong"), "\u2717 Feil PIN-kode. Prøv igjen. 3 forsøk igjen");
}

// The leader names themself first: a tile per leader, then the pad, and the
// verification names that leader.
TEST(LeaderPinScreen, TheLeaderTapsTheirNameThenThePin) {
  ScreenHarness h;
  auto snap = snapshot();
  snap.leaders = {{"p-lead", "Åse E."}, {"p-nl", "Nina S."}};
  PinView view;
  const auto draw = [&](Ui& ui, Intents& out) { leader_pin_screen(ui, snap, view, out); };
  h.frame(draw);
  EXPECT_FALSE(h.shows("pin.1"));
  EXPECT_EQ(h.label("pin.leader.p-nl"), "Nina S.");
  EXPECT_TRUE(h.tap("pin.leader.p-lead", draw).empty());
  h.frame(draw);
  EXPECT_EQ(h.label("screen.title"), "Åse E.: skriv PIN-koden din");
  for (const char* digit : {"pin.1", "pin.2", "pin.3", "pin.4"}) {
    EXPECT_TRUE(h.tap(digit, draw).empty());
  }
  const auto verify = only<VerifyLeaderPin>(h.tap("pin.ok", draw));
  ASSERT_TRUE(verify);
  EXPECT_EQ(verify->leader, "p-lead");
  EXPECT_EQ(verify->pin, "1234");
}

TEST(GuestScreen, AMunicipalityChecksInAGuestAndMeetingsOfferOrgs) {
  ScreenHarness h;
  auto snap = snapshot();
  const auto gv = [&](Ui& ui, Intents& out) {
    guest_screen(ui, snap, session(snap, "s-gv"), Screen::check_in, out);
  };
  auto guest = command<kiosk::CheckInGuest>(h.tap("guest.municipality.eidsvoll", gv));
  ASSERT_TRUE(guest);
  EXPECT_EQ(guest->affiliation.id, "eidsvoll");
  EXPECT_FALSE(h.shows("guest.org.bufetat"));
  const auto nm = [&](Ui& ui, Intents& out) {
    guest_screen(ui, snap, session(snap, "s-nm"), Screen::check_in, out);
  };
  guest = command<kiosk::CheckInGuest>(h.tap("guest.org.bufetat", nm));
  ASSERT_TRUE(guest);
  EXPECT_EQ(guest->affiliation.kind, protocol::Affiliation::Kind::org);
}

TEST(LeaderScreen, OpensACloseAndListsWithTheLeadersPin) {
  ScreenHarness h;
  auto snap = snapshot();
  LeaderView view;
  view.leader = kiosk::LeaderInfo{"p-lead", "Åse E.", {"gv"}};
  view.pin = "1234";
  const auto draw = [&](Ui& ui, Intents& out) { leader_screen(ui, snap, view, out); };
  EXPECT_TRUE(h.tap("leader.open", draw).empty());
  // A group-guidance group gets no agenda question.
  EXPECT_TRUE(h.tap("leader.group.gv", draw).empty());
  h.frame(draw);
  // Then its length: two hours unless the leader says otherwise.
  EXPECT_TRUE(h.shows("leader.length.120"));
  const auto open = command<kiosk::OpenSession>(h.tap("leader.length.180", draw));
  ASSERT_TRUE(open);
  EXPECT_EQ(open->group, "gv");
  EXPECT_EQ(open->minutes, 180U);
  EXPECT_FALSE(open->agenda.has_value());
  EXPECT_EQ(open->leader, "p-lead");
  EXPECT_EQ(open->leader_pin, "1234");
  view.mode = LeaderView::Mode::main;
  EXPECT_TRUE(h.tap("leader.close.s-gv", draw).empty());
  const auto close = command<kiosk::CloseSession>(h.tap("leader.close.confirm", draw));
  ASSERT_TRUE(close);
  EXPECT_EQ(close->session, "s-gv");
  EXPECT_EQ(close->leader, "p-lead");
  view.mode = LeaderView::Mode::main;
  auto go = only<Go>(h.tap("leader.walk_in.s-gv", draw));
  ASSERT_TRUE(go);
  EXPECT_EQ(go->route, (Route{Screen::guest, "s-gv", {}, Screen::leader}));
}

// A leader sees the open sessions of the groups they lead, never another
// group's (its attendance, its close button).
TEST(LeaderScreen, ShowsOnlyTheLeadersOwnGroups) {
  ScreenHarness h;
  auto snap = snapshot();
  LeaderView view;
  view.leader = kiosk::LeaderInfo{"p-lead", "Åse E.", {"gv"}};
  view.pin = "1234";
  const auto draw = [&](Ui& ui, Intents& out) { leader_screen(ui, snap, view, out); };
  h.frame(draw);
  EXPECT_TRUE(h.shows("leader.who.s-gv"));
  EXPECT_FALSE(h.shows("leader.who.s-nm"));
  EXPECT_FALSE(h.shows("leader.close.s-nm"));
  kiosk::Attendee per;
  per.participant = "p-buf";
  per.display_name = "Per B.";
  per.checked_in_at = h.now;
  session(snap, "s-nm").present.push_back(per);
  session(snap, "s-gv").present.push_back(per);
  view.mode = LeaderView::Mode::who_is_here;
  view.session = "s-gv";
  h.frame(draw);
  EXPECT_TRUE(h.shows("leader.present.p-buf"));  // the check can see someone
  // The leader corrects their own session: Per out, Kari in.
  const auto out = command<kiosk::CorrectAttendance>(h.tap("leader.correct.out.p-buf", draw));
  ASSERT_TRUE(out);
  EXPECT_EQ(out->session, "s-gv");
  EXPECT_FALSE(out->present);
  EXPECT_EQ(out->leader, "p-lead");
  EXPECT_EQ(out->leader_pin, "1234");
  const auto in = command<kiosk::CorrectAttendance>(h.tap("leader.correct.in.p-1", draw));
  ASSERT_TRUE(in);
  EXPECT_EQ(in->participant, "p-1");
  EXPECT_TRUE(in->present);
  view.mode = LeaderView::Mode::who_is_here;
  view.session = "s-nm";  // even asked for directly, nothing of it is drawn
  h.frame(draw);
  EXPECT_FALSE(h.shows("leader.present.p-buf"));
  EXPECT_FALSE(h.shows("leader.correct.in.p-nl"));
}

class MeetingScreen : public ::testing::Test {
 protected:
  kiosk::Snapshot snap = snapshot();
  MeetingView view;
  ScreenHarness h;
  ScreenHarness::Draw draw = [this](Ui& ui, Intents& out) {
    meeting_screen(ui, snap, session(snap, "s-nm"), view, out);
  };
  kiosk::SessionView& meeting() { return session(snap, "s-nm"); }
  // Nina S. has taken the meeting on this screen (LeadMeeting).
  void SetUp() override {
    meeting().led_by = "p-nl";
    meeting().led_by_name = "Nina S.";
    meeting().led_until = h.now + 15min;
  }
  void run_first_item(kiosk::Timestamp started) {
    meeting().agenda[0].state = kiosk::ItemState::running;
    meeting().agenda[0].started_at = started;
  }
};

// Until its leader takes it here, the meeting asks for that leader: a tile,
// then the PIN; nothing of the agenda or the minutes can be touched.
TEST_F(MeetingScreen, NotLedItAsksForItsLeaderFirst) {
  meeting().led_until = h.now;  // the lock has come
  h.frame(draw);
  EXPECT_FALSE(h.shows("meeting.start"));
  EXPECT_FALSE(h.shows("meeting.add_decision"));
  EXPECT_FALSE(h.shows("meeting.lead.p-buf"));  // not a leader
  EXPECT_TRUE(h.tap("meeting.lead.p-nl", draw).empty());
  for (const char* digit : {"pin.9", "pin.9", "pin.9", "pin.9"}) {
    EXPECT_TRUE(h.tap(digit, draw).empty());
  }
  const auto lead = command<kiosk::LeadMeeting>(h.tap("pin.ok", draw));
  ASSERT_TRUE(lead);
  EXPECT_EQ(lead->session, "s-nm");
  EXPECT_EQ(lead->leader, "p-nl");
  EXPECT_EQ(lead->leader_pin, "9999");
  meeting().led_until = h.now + 15min;
  h.frame(draw);
  EXPECT_TRUE(h.shows("meeting.start"));
  EXPECT_NE(h.label("screen.title").find("Nettverksmøte"), std::string::npos);
}

TEST_F(MeetingScreen, StartsNextAndPrevious) {
  const auto start = command<kiosk::StartItem>(h.tap("meeting.start", draw));
  ASSERT_TRUE(start);
  EXPECT_EQ(start->item, "sak-1");
  run_first_item(h.now);
  // "Next" names the running item it finishes: a second tap from the same
  // picture is refused by the core instead of finishing another item.
  const auto next = command<kiosk::NextItem>(h.tap("meeting.next", draw));
  ASSERT_TRUE(next);
  EXPECT_EQ(next->from, "sak-1");
  meeting().agenda[0].state = kiosk::ItemState::finished;
  meeting().agenda[1].state = kiosk::ItemState::running;
  meeting().agenda[1].started_at = h.now;
  const auto finish = command<kiosk::FinishItem>(h.tap("meeting.finish", draw));
  ASSERT_TRUE(finish);
  EXPECT_EQ(finish->item, "sak-2");
  const auto previous = command<kiosk::StartItem>(h.tap("meeting.previous", draw));
  ASSERT_TRUE(previous);
  EXPECT_EQ(previous->item, "sak-1");
}

TEST_F(MeetingScreen, TheCountdownChangesNearTheEndAndWhenOverInWordsToo) {
  run_first_item(h.now - 5min);
  h.frame(draw);
  EXPECT_TRUE(h.shows("meeting.countdown.running"));
  EXPECT_EQ(h.label("meeting.countdown"), "10:00 igjen");
  EXPECT_EQ(h.label("meeting.item.running"), "Velkommen");
  run_first_item(h.now - 13min);
  h.frame(draw);
  EXPECT_EQ(h.label("meeting.countdown.near_end"), "Snart slutt: 2:00 igjen");
  run_first_item(h.now - 17min - 30s);
  h.frame(draw);
  EXPECT_EQ(h.label("meeting.countdown.over"), "Over tiden med 2:30");
  EXPECT_EQ(h.label("meeting.reminder").find("Referatet kan bli offentlig"), 4U);  // after "▲ "
}

TEST_F(MeetingScreen, RecordsADecisionTypedOnTheKeyboard) {
  run_first_item(h.now);
  EXPECT_TRUE(h.tap("meeting.add_decision", draw).empty());
  EXPECT_TRUE(h.shows("meeting.reminder"));  // above the field, while typing
  h.type("Vedtatt: ny gruppe i Årnes", draw);
  const auto decision = command<kiosk::RecordDecision>(h.tap("meeting.text.confirm", draw));
  ASSERT_TRUE(decision);
  EXPECT_EQ(decision->item, "sak-1");
  EXPECT_EQ(decision->text, "Vedtatt: ny gruppe i Årnes");
}

TEST_F(MeetingScreen, RecordsAnActionWithOwnerAndDueDate) {
  run_first_item(h.now);
  h.tap("meeting.add_action", draw);
  h.type("Sende invitasjon", draw);
  EXPECT_TRUE(h.tap("meeting.text.confirm", draw).empty());
  h.frame(draw);
  EXPECT_FALSE(h.shows("meeting.action.save"));  // an owner first
  h.tap("meeting.owner.p-buf", draw);
  h.tap("meeting.due.week", draw);
  h.tap("meeting.due.later", draw);
  const auto action = command<kiosk::RecordAction>(h.tap("meeting.action.save", draw));
  ASSERT_TRUE(action);
  EXPECT_EQ(action->text, "Sende invitasjon");
  EXPECT_EQ(action->owner, "p-buf");
  EXPECT_EQ(action->due, protocol::parse_date("2026-12-05"));  // 27 Nov + 7 + 1
}

TEST_F(MeetingScreen, RetractsAfterConfirmingAndShowsItStruck) {
  run_first_item(h.now);
  meeting().decisions.push_back({"d-1", "sak-1", "Feil vedtak", h.now, false});
  EXPECT_TRUE(h.tap("meeting.retract.#1", draw).empty());
  const auto retract = command<kiosk::Retract>(h.tap("meeting.retract.confirm", draw));
  ASSERT_TRUE(retract);
  EXPECT_EQ(retract->target, "d-1");
  view.mode = MeetingView::Mode::main;
  meeting().decisions[0].retracted = true;
  h.frame(draw);
  EXPECT_TRUE(h.shows("meeting.retracted.d-1"));
  EXPECT_FALSE(h.shows("meeting.retract.d-1"));
}

TEST_F(MeetingScreen, AddsAnItemAndMarksEarlierActionsDone) {
  h.tap("meeting.add_item", draw);
  h.tap("meeting.minutes.15", draw);
  const auto add = command<kiosk::AddAgendaItem>(h.tap("meeting.text.confirm", draw));
  ASSERT_TRUE(add);
  EXPECT_EQ(add->title, "Eventuelt");
  EXPECT_EQ(add->planned_minutes, 15U);
  view.mode = MeetingView::Mode::main;
  h.frame(draw);
  EXPECT_EQ(h.label("meeting.open_actions"), "Oppfølging fra før (1)");
  h.tap("meeting.open_actions", draw);
  const auto done = command<kiosk::MarkActionDone>(h.tap("meeting.carried.done.a-old", draw));
  ASSERT_TRUE(done);
  EXPECT_EQ(done->action, "a-old");
  // Marked done: "Angre" while its undo lasts, then the mark only.
  snap.carried_actions[0].done = true;
  meeting().last_done = "a-old";
  meeting().last_done_undo_until = h.now + 60s;
  const auto undo = command<kiosk::UndoActionDone>(h.tap("meeting.carried.undo.a-old", draw));
  ASSERT_TRUE(undo);
  EXPECT_EQ(undo->action, "a-old");
  meeting().last_done_undo_until = h.now;
  h.frame(draw);
  EXPECT_FALSE(h.shows("meeting.carried.undo.a-old"));
  EXPECT_TRUE(h.shows("meeting.carried.done.a-old"));
}

// A tap on an agenda row takes that item up; past a pending item only
// after confirming that it is skipped.
TEST_F(MeetingScreen, ARowTapTakesUpItsItemAndSkippingIsConfirmed) {
  auto& agenda = meeting().agenda;
  kiosk::AgendaItemView third;
  third.item = "sak-3";
  third.title = "Eventuelt";
  third.planned_minutes = 10;
  agenda.push_back(third);
  run_first_item(h.now);
  const auto to_second = command<kiosk::StartItem>(h.tap("meeting.item.sak-2", draw));
  ASSERT_TRUE(to_second);
  EXPECT_EQ(to_second->item, "sak-2");
  EXPECT_FALSE(to_second->skip_passed);
  EXPECT_TRUE(h.tap("meeting.item.sak-3", draw).empty());  // sak-2 is still pending
  EXPECT_EQ(view.mode, MeetingView::Mode::confirm_skip);
  const auto skip = command<kiosk::StartItem>(h.tap("meeting.skip.confirm", draw));
  ASSERT_TRUE(skip);
  EXPECT_EQ(skip->item, "sak-3");
  EXPECT_TRUE(skip->skip_passed);
  view.mode = MeetingView::Mode::main;
  EXPECT_TRUE(h.tap("meeting.item.sak-1", draw).empty());  // the running one: nothing
}

TEST_F(MeetingScreen, PausesResumesAndExtends) {
  run_first_item(h.now);
  const auto extend = command<kiosk::ExtendItem>(h.tap("meeting.extend", draw));
  ASSERT_TRUE(extend);
  EXPECT_EQ(extend->item, "sak-1");
  EXPECT_EQ(extend->minutes, 5U);
  ASSERT_TRUE(command<kiosk::PauseMeeting>(h.tap("meeting.pause", draw)));
  meeting().paused_at = h.now;
  meeting().agenda[0].state = kiosk::ItemState::paused;
  meeting().agenda[0].started_at.reset();
  h.frame(draw);
  EXPECT_FALSE(h.shows("meeting.pause"));
  EXPECT_FALSE(h.shows("meeting.extend"));  // disabled: nothing runs while paused
  ASSERT_TRUE(command<kiosk::ResumeMeeting>(h.tap("meeting.resume", draw)));
}

TEST(AdminScreen, SwitchesLanguageAndQuits) {
  ScreenHarness h;
  const auto snap = snapshot();
  AdminView view;
  const auto draw = [&](Ui& ui, Intents& out) {
    admin_screen(ui, snap, {"test display"}, view, out);
  };
  const auto language = only<SetLanguage>(h.tap("admin.language.nn", draw));
  ASSERT_TRUE(language);
  EXPECT_EQ(language->language, Language::nn);
  EXPECT_EQ(h.label("admin.device"), "kiosk-1");
  EXPECT_EQ(h.label("admin.broker"), "Tilkoblet");
  EXPECT_TRUE(only<QuitApp>(h.tap("admin.quit", draw)));
}

TEST(AdminScreen, ListsWhatTheHostRefusedWhenAndWhy) {
  ScreenHarness h;
  auto snap = snapshot();
  const auto at = [&](std::chrono::minutes ago) { return h.now - ago; };
  snap.rejected = {
      3,
      {{"01JD0Z8X4C5N8E2Q7T9V3W6Y03", "some_new_rule", "payments.refunded", at(5min), at(1min)},
       {"01JD0Z8X4C5N8E2Q7T9V3W6Y02", "not_a_member", "attendance.checked_in", at(40min),
        at(30min)}}};
  AdminView view;
  const auto draw = [&](Ui& ui, Intents& out) {
    admin_screen(ui, snap, {"test display"}, view, out);
  };
  EXPECT_TRUE(h.tap("admin.rejected", draw).empty());
  EXPECT_EQ(h.label("admin.rejected"), "Avvist av verten: 3 \u203A");
  EXPECT_EQ(view.mode, AdminView::Mode::rejected);
  h.frame(draw);
  EXPECT_EQ(h.label("screen.title"), "Avvist av verten: 3");
  // Newest first: when, what kind of event, why; a newer host's code and
  // a newer build's event family as they are.
  EXPECT_EQ(h.label("admin.rejected.#1"),
            "27.11.2026 09:55 · Hendelse (payments.refunded): Ukjent grunn (some_new_rule).");
  EXPECT_EQ(h.label("admin.rejected.#2"),
            "27.11.2026 09:20 · Oppmøte: Personen er ikke med i gruppen.");
  EXPECT_FALSE(h.shows("admin.rejected.#3"));  // only the latest are in the snapshot
  EXPECT_FALSE(h.shows("admin.quit"));
  EXPECT_TRUE(h.tap("nav.back", draw).empty());
  EXPECT_EQ(view.mode, AdminView::Mode::facts);
  h.frame(draw);
  EXPECT_TRUE(h.shows("admin.quit"));
}

TEST(AdminScreen, SaysSoWhenTheHostRefusedNothing) {
  ScreenHarness h;
  const auto snap = snapshot();
  AdminView view{AdminView::Mode::rejected};
  h.frame([&](Ui& ui, Intents& out) { admin_screen(ui, snap, {"test display"}, view, out); });
  EXPECT_EQ(h.label("screen.title"), "Avvist av verten: 0");
  EXPECT_EQ(h.label("admin.rejected.none"), "Verten har ikke avvist noe.");
  EXPECT_FALSE(h.shows("admin.rejected.#1"));
}

TEST(Screens, FitAt800x480AndAt1280x800) {
  for (const Size size : {Size{800, 480}, Size{1280, 800}}) {
    ScreenHarness h(size);
    auto snap = snapshot();
    CheckInView view;
    h.frame(
        [&](Ui& ui, Intents& out) { check_in_screen(ui, snap, session(snap, "s-gv"), view, out); });
    // Every tappable thing is within the display and at least touch-sized.
    const auto m = metrics_for(size);
    std::size_t checked = 0;
    for (const auto& w : h.widgets().all()) {
      if (!w.id.starts_with("checkin.") && w.id != "nav.back") {
        continue;
      }
      ++checked;
      EXPECT_GE(w.rect.height, m.touch_min() - 1) << w.id;
      EXPECT_LE(w.rect.x + w.rect.width, static_cast<float>(size.width)) << w.id;
      EXPECT_LE(w.rect.y + w.rect.height, static_cast<float>(size.height)) << w.id;
    }
    // The tiles, search, guest and back were all there to check.
    EXPECT_GE(checked, 6U) << size.width << "x" << size.height;
  }
}

}  // namespace
}  // namespace tavla::ui
