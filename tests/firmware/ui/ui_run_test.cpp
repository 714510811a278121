// The real tavla-kiosk under Xvfb, driven by UI scripts through SDL's event
// queue, with a real mosquitto and an acking host: each test checks the
// protocol events that came out of the taps (and the screenshots stay in
// build/test-artifacts/ui/<test>/).
#include <gtest/gtest.h>

#include <iostream>
#include <random>
#include <sstream>

#include "tavla/kiosk/time.hpp"
#include "tavla/testing/kiosk_fixtures.hpp"
#include "tavla/testing/ui_rig.hpp"

namespace tavla::testing {
namespace {

using protocol::CheckedIn;
using protocol::CheckedOut;
using protocol::CheckInMethod;

const std::string kStart = std::string("wait-for home.checkin.") + kGuidanceSession + " 20000\n";
// Back on the home screen, wait until the host has acked everything, quit.
const std::string kFinish = "wait-for sync.idle 20000\nquit\n";

std::string open_check_in() {
  return kStart + "tap home.checkin." + kGuidanceSession + "\n";
}

void expect_clean_exit(const UiRig::Result& result) {
  EXPECT_EQ(result.exit_code, 0) << result.log;
}

TEST(KioskUi, RosterCheckIn) {
  UiRig rig;
  const auto result = rig.run(open_check_in() +
                              "tap checkin.member.p-1\n"
                              "expect checkin.present.p-1\n"
                              "expect banner Velkommen, Kari N.!\n"
                              "shot roster-check-in.png\n"
                              "tap nav.back\n" +
                              kFinish);
  expect_clean_exit(result);
  const auto in = bodies_of<CheckedIn>(rig.events());
  ASSERT_EQ(in.size(), 1U);
  EXPECT_EQ(in[0].session, kGuidanceSession);
  EXPECT_EQ(in[0].participant, "p-1");
  EXPECT_EQ(in[0].method, CheckInMethod::roster);
  EXPECT_EQ(in[0].affiliation.id, "nannestad");
  EXPECT_TRUE(bodies_of<CheckedOut>(rig.events()).empty());
}

// The search a person typed is gone once they are checked in: the next
// person starts with the whole roster.
TEST(KioskUi, TheSearchClearsAfterACheckIn) {
  UiRig rig;
  const auto result = rig.run(open_check_in() +
                              "tap checkin.search.open\n"
                              "tap osk.key.k\n"
                              "expect-absent checkin.member.p-2\n"
                              "tap checkin.member.p-1\n"
                              "expect banner Velkommen, Kari N.!\n"
                              "expect-absent checkin.search.close\n"
                              "expect checkin.member.p-2\n"
                              "tap nav.back\n" +
                              kFinish);
  expect_clean_exit(result);
  EXPECT_EQ(bodies_of<CheckedIn>(rig.events()).size(), 1U);
}

TEST(KioskUi, PinCheckInAfterAWrongPin) {
  UiRig rig;
  const auto result = rig.run(open_check_in() +
                              "tap checkin.member.p-2\n"
                              "tap pin.1\ntap pin.1\ntap pin.1\ntap pin.1\ntap pin.ok\n"
                              "expect pin.wrong\n"
                              "expect pin.dots 0\n"
                              "shot pin-wrong.png\n"
                              "tap pin.4\ntap pin.3\ntap pin.2\ntap pin.1\ntap pin.ok\n"
                              "expect checkin.present.p-2\n"
                              "tap nav.back\n" +
                              kFinish);
  expect_clean_exit(result);
  const auto in = bodies_of<CheckedIn>(rig.events());
  ASSERT_EQ(in.size(), 1U);  // the wrong PIN checked in nobody
  EXPECT_EQ(in[0].participant, "p-2");
  EXPECT_EQ(in[0].method, CheckInMethod::pin);
}

TEST(KioskUi, GuestWithMunicipality) {
  UiRig rig;
  const auto result = rig.run(open_check_in() +
                              "tap checkin.guest\n"
                              "shot guest-picker.png\n"
                              "tap guest.municipality.hurdal\n"
                              "expect banner Velkommen! Du er sjekket inn som gjest.\n"
                              "tap nav.back\n" +
                              kFinish);
  expect_clean_exit(result);
  const auto in = bodies_of<CheckedIn>(rig.events());
  ASSERT_EQ(in.size(), 1U);
  EXPECT_EQ(in[0].method, CheckInMethod::guest);
  EXPECT_EQ(in[0].participant.rfind("guest-", 0), 0U) << in[0].participant;
  EXPECT_EQ(in[0].affiliation.kind, protocol::Affiliation::Kind::municipality);
  EXPECT_EQ(in[0].affiliation.id, "hurdal");
}

TEST(KioskUi, UndoWithdrawsTheCheckIn) {
  UiRig rig;
  const auto result = rig.run(open_check_in() +
                              "tap checkin.member.p-3\n"
                              "expect checkin.present.p-3\n"
                              "tap banner.undo\n"
                              "expect banner Innsjekkingen er angret.\n"
                              "expect checkin.member.p-3\n"
                              "expect-absent checkin.present.p-3\n"
                              "shot undone.png\n"
                              "tap nav.back\n" +
                              kFinish);
  expect_clean_exit(result);
  // The scheduler opened the room's sessions; the rest is the check-in and its undo.
  std::vector<protocol::Event> events;
  for (const auto& e : rig.events()) {
    if (!std::holds_alternative<protocol::SessionOpened>(e.body)) {
      events.push_back(e);
    }
  }
  ASSERT_EQ(events.size(), 2U);
  const auto* in = std::get_if<CheckedIn>(&events[0].body);
  const auto* out = std::get_if<CheckedOut>(&events[1].body);
  ASSERT_NE(in, nullptr);
  ASSERT_NE(out, nullptr);
  EXPECT_EQ(in->participant, "p-3");
  EXPECT_EQ(out->participant, "p-3");
  EXPECT_EQ(events[1].seq, events[0].seq + 1);
}

// Two decisions, one retracted, one action with owner and due date; on
// OpenGL ES (the Raspberry Pi's API) through EGL under Xvfb.
TEST(KioskUi, WholeMeetingOnGles) {
  UiRig rig({.extra_args = {"--graphics", "gles"}});
  const auto result = rig.run(kStart + "tap home.meeting." + kMeetingSession +
                              "\n"
                              "tap meeting.lead.p-nl\n"  // the meeting's leader takes it
                              "tap pin.9\ntap pin.9\ntap pin.9\ntap pin.9\ntap pin.ok\n"
                              "shot meeting-before.png\n"
                              "tap meeting.start\n"
                              "expect meeting.item.running Velkommen\n"
                              "tap meeting.add_decision\n"
                              "type Ny gruppe starter i februar. Lokaler på Årnes\n"
                              "tap meeting.text.confirm\n"
                              "tap meeting.add_decision\n"
                              "type Feil vedtak\n"
                              "tap meeting.text.confirm\n"
                              "tap meeting.retract.#2\n"
                              "tap meeting.retract.confirm\n"
                              "tap meeting.add_action\n"
                              "type Sende invitasjon\n"
                              "tap meeting.text.confirm\n"
                              "tap meeting.owner.p-nl\n"
                              "tap meeting.due.two_weeks\n"
                              "shot meeting-action.png\n"
                              "tap meeting.action.save\n"
                              "expect meeting.countdown.running\n"
                              "shot meeting-minutes.png\n"
                              "tap meeting.next\n"
                              "expect meeting.item.running Status\n"
                              "tap nav.back\n" +
                              kFinish);
  expect_clean_exit(result);
  EXPECT_NE(result.log.find("OpenGL ES"), std::string::npos) << result.log;

  const auto events = rig.events();
  const auto decisions = bodies_of<protocol::DecisionRecorded>(events);
  ASSERT_EQ(decisions.size(), 2U);
  EXPECT_EQ(decisions[0].text, "Ny gruppe starter i februar. Lokaler på Årnes");
  EXPECT_EQ(decisions[0].item, "sak-1");
  EXPECT_EQ(decisions[1].text, "Feil vedtak");
  const auto retracted = bodies_of<protocol::Retracted>(events);
  ASSERT_EQ(retracted.size(), 1U);
  EXPECT_EQ(retracted[0].target, decisions[1].decision);
  const auto actions = bodies_of<protocol::ActionRecorded>(events);
  ASSERT_EQ(actions.size(), 1U);
  EXPECT_EQ(actions[0].text, "Sende invitasjon");
  EXPECT_EQ(actions[0].owner, "p-nl");
  const kiosk::TimeZone oslo("Europe/Oslo");
  const auto today = oslo.local_date(
      std::chrono::time_point_cast<std::chrono::milliseconds>(std::chrono::system_clock::now()));
  ASSERT_TRUE(actions[0].due.has_value());
  EXPECT_EQ(std::chrono::sys_days{*actions[0].due} - std::chrono::sys_days{today},
            std::chrono::days{14});
  const auto started = bodies_of<protocol::ItemStarted>(events);
  ASSERT_EQ(started.size(), 2U);
  EXPECT_EQ(started[0].item, "sak-1");
  EXPECT_EQ(started[1].item, "sak-2");
  EXPECT_EQ(bodies_of<protocol::ItemFinished>(events).size(), 1U);
}

// A leader (by PIN) adds a walk-in guest, sees who is here, and closes the
// session; the leader's screen keeps the leader signed in across the guest
// picker and forgets them when left.
TEST(KioskUi, LeaderAddsAWalkInAndClosesTheSession) {
  UiRig rig;
  const std::string session = kGuidanceSession;
  const auto result = rig.run(kStart +
                              "tap home.leader\n"
                              "tap pin.leader.p-lead\n"  // named first, then the PIN
                              "tap pin.1\ntap pin.2\ntap pin.3\ntap pin.4\ntap pin.ok\n"
                              "expect screen.title Leder: Åse E.\n"
                              "tap leader.walk_in." +
                              session +
                              "\n"
                              "tap guest.municipality.eidsvoll\n"
                              "expect screen.title Leder: Åse E.\n"
                              "tap leader.who." +
                              session +
                              "\n"
                              "shot who-is-here.png\n"
                              "tap nav.back\n"
                              "tap leader.close." +
                              session +
                              "\n"
                              "tap leader.close.confirm\n"
                              "expect-absent leader.close." +
                              session +
                              "\n"
                              "tap nav.back\n"
                              "expect-absent home.checkin." +
                              session +
                              "\n"
                              "tap home.leader\n"
                              "expect pin.leader.p-lead Åse E.\n"  // signed out: choose again
                              "tap nav.back\n" +
                              kFinish);
  expect_clean_exit(result);
  const auto events = rig.events();
  const auto in = bodies_of<CheckedIn>(events);
  ASSERT_EQ(in.size(), 1U);
  EXPECT_EQ(in[0].method, CheckInMethod::guest);
  EXPECT_EQ(in[0].affiliation.id, "eidsvoll");
  const auto closed = bodies_of<protocol::SessionClosed>(events);
  ASSERT_EQ(closed.size(), 1U);
  EXPECT_EQ(closed[0].session, kGuidanceSession);
}

TEST(KioskUi, LanguageSwitchOnTheAdminScreen) {
  UiRig rig;
  const std::string admin_pin = "tap pin.2\ntap pin.4\ntap pin.6\ntap pin.8\ntap pin.ok\n";
  const auto result = rig.run(kStart + "expect home.checkin." + kGuidanceSession +
                              " Sjekk inn\n"
                              "tap home.admin\n" +
                              admin_pin +
                              "expect screen.title Administrasjon\n"
                              "expect admin.device kiosk-1\n"
                              "tap admin.language.en\n"
                              "expect screen.title Administration\n"
                              "shot admin-english.png\n"
                              "tap nav.back\n"
                              "expect home.checkin." +
                              kGuidanceSession +
                              " Check in\n"
                              "expect home.leader For leaders\n"
                              "tap home.admin\n" +
                              admin_pin +
                              "tap admin.language.nn\n"
                              "tap nav.back\n"
                              "expect home.leader For leiarar\n"
                              "shot home-nynorsk.png\n"
                              "quit\n");
  expect_clean_exit(result);
  // Looking and switching language records nothing (the scheduler's
  // session.opened events aside).
  for (const auto& e : rig.events()) {
    EXPECT_TRUE(std::holds_alternative<protocol::SessionOpened>(e.body))
        << protocol::type_of(e.body);
  }
}

// Outside the room's hours (no sessions today) the screen dims, then
// blanks; a touch wakes it without reaching the button under the finger.
TEST(KioskUi, BlanksOutsideHoursAndWakesOnTouch) {
  UiRig rig({.extra_args = {"--dim-after", "1", "--blank-after", "2"}, .room = room_config(1)});
  const auto result = rig.run(
      "wait-for home.privacy 20000\n"
      "wait 2600\n"
      "shot blank.png\n"
      "tap 100 440\n"  // where "Personvern" is: this touch only wakes
      "expect home.room Møterom Nannestad\n"
      "expect-absent privacy.body\n"
      "shot awake.png\n"
      "tap home.privacy\n"
      "expect privacy.body\n"
      "quit\n");
  expect_clean_exit(result);
  EXPECT_EQ(black_share(rig.shots() / "blank.png"), 1.0);
  EXPECT_LT(black_share(rig.shots() / "awake.png"), 0.5);
}

// 1 000 taps at random places (a fixed seed, so a failure replays): the
// app keeps running to the end of the script and its database is intact.
TEST(KioskUi, MonkeyThousandRandomTaps) {
  UiRig rig;
  std::mt19937 random(20261127);
  std::uniform_int_distribution<int> x(0, 799);
  std::uniform_int_distribution<int> y(0, 479);
  std::ostringstream script;
  script << kStart;
  for (int i = 0; i < 1000; ++i) {
    script << "tap " << x(random) << " " << y(random) << "\n";
  }
  script << "shot monkey-end.png\nquit\n";
  const auto result = rig.run(script.str());
  expect_clean_exit(result);
  // The last screenshot proves the script ran to its end (an admin "quit"
  // tapped by chance would have ended it early, also with code 0).
  EXPECT_NE(result.log.find("monkey-end.png"), std::string::npos) << result.log;
  EXPECT_EQ(integrity_check(rig.database()), "ok");
  std::cout << "the monkey's taps made " << rig.events().size() << " events\n";
}

}  // namespace
}  // namespace tavla::testing
