// The domain's rules, without I/O: every command's events and refusals.
#include "tavla/kiosk/domain.hpp"

#include <gtest/gtest.h>

#include "domain_fixture.hpp"

namespace tavla::kiosk {
namespace {

// A session opened by hand lasts the length its leader chose (two hours by
// default) and closes after that plus the grace period, like a scheduled one.
TEST_F(DomainTest, LeaderOpensAnUnscheduledSessionThatLastsItsChosenLength) {
  const auto t = ok(OpenSession{"gv", "p-lead", kLeaderPin, {}, {}});
  ASSERT_EQ(t.events.size(), 1U);
  const auto& opened = std::get<protocol::SessionOpened>(t.events[0]);
  EXPECT_EQ(opened.session, t.subject);
  EXPECT_EQ(opened.group, "gv");
  EXPECT_EQ(opened.title, "Gruppeveiledning høst");
  EXPECT_FALSE(opened.planned_start.has_value());
  EXPECT_EQ(opened.planned_end, at("2026-11-27T10:00:00.000Z"));
  EXPECT_EQ(state_.open.at(0).closes_at, at("2026-11-27T10:30:00.000Z"));
  ok(CloseSession{t.subject, "p-lead", kLeaderPin});
  const auto longer = ok(OpenSession{"gv", "p-lead", kLeaderPin, {}, {}, 45});
  EXPECT_EQ(std::get<protocol::SessionOpened>(longer.events.at(0)).planned_end,
            at("2026-11-27T08:45:00.000Z"));
  EXPECT_EQ(state_.open.at(0).closes_at, at("2026-11-27T09:15:00.000Z"));
  ok(CloseSession{longer.subject, "p-lead", kLeaderPin});
  EXPECT_EQ(refused(OpenSession{"gv", "p-lead", kLeaderPin, {}, {}, 0}),
            RefusalCode::invalid_minutes);
}

TEST_F(DomainTest, OpeningNeedsALeaderOfThatGroup) {
  EXPECT_EQ(refused(OpenSession{"gv", "p-lead", "0000", {}, {}}), RefusalCode::wrong_pin);
  EXPECT_EQ(refused(OpenSession{"gv", "p-2", kMemberPin, {}, {}}), RefusalCode::not_a_leader);
  EXPECT_EQ(refused(OpenSession{"gv", "p-nl", kNetworkLeaderPin, {}, {}}),
            RefusalCode::not_a_leader);
  // The leader named first: another leader's PIN is simply wrong for them.
  EXPECT_EQ(refused(OpenSession{"gv", "p-lead", kNetworkLeaderPin, {}, {}}),
            RefusalCode::wrong_pin);
  EXPECT_EQ(refused(OpenSession{"nope", "p-lead", kLeaderPin, {}, {}}), RefusalCode::unknown_group);
  EXPECT_TRUE(state_.open.empty());
}

TEST_F(DomainTest, OneOpenSessionPerGroup) {
  open_gv();
  EXPECT_EQ(refused(OpenSession{"gv", "p-lead", kLeaderPin, {}, {}}),
            RefusalCode::session_already_open);
}

TEST_F(DomainTest, OnlyALeaderOfTheSessionsGroupClosesItAndOnlyOnce) {
  const auto session = open_gv();
  EXPECT_EQ(refused(CloseSession{session, "p-nl", kNetworkLeaderPin}), RefusalCode::not_a_leader);
  const auto t = ok(CloseSession{session, "p-lead", kLeaderPin});
  EXPECT_TRUE(std::holds_alternative<protocol::SessionClosed>(t.events.at(0)));
  EXPECT_EQ(refused(CloseSession{session, "p-lead", kLeaderPin}), RefusalCode::unknown_session);
  EXPECT_EQ(refused(CloseSession{"nope", "p-lead", kLeaderPin}), RefusalCode::unknown_session);
}

TEST_F(DomainTest, CheckInFromTheRosterCarriesTheMembersAffiliation) {
  const auto session = open_gv();
  const auto t = ok(CheckIn{session, "p-1"});
  const auto& in = std::get<protocol::CheckedIn>(t.events.at(0));
  EXPECT_EQ(in.participant, "p-1");
  EXPECT_EQ(in.method, protocol::CheckInMethod::roster);
  EXPECT_EQ(in.affiliation.id, "nannestad");
  EXPECT_EQ(in.foster_home, "fh-1");
}

TEST_F(DomainTest, IllegalCheckInsAreRefused) {
  const auto session = open_gv();
  ok(CheckIn{session, "p-1"});
  EXPECT_EQ(refused(CheckIn{session, "p-1"}), RefusalCode::already_checked_in);
  EXPECT_EQ(refused(CheckIn{session, "p-nl"}), RefusalCode::not_in_roster);
  EXPECT_EQ(refused(CheckIn{"nope", "p-2"}), RefusalCode::unknown_session);
  EXPECT_EQ(refused(CheckInByPin{session, "p-3", "1111"}), RefusalCode::no_pin);
  EXPECT_EQ(refused(CheckInByPin{session, "p-2", "1111"}), RefusalCode::wrong_pin);
  EXPECT_EQ(state_.open.at(0).present.size(), 1U);
}

TEST_F(DomainTest, CheckInByPin) {
  const auto session = open_gv();
  const auto t = ok(CheckInByPin{session, "p-2", kMemberPin});
  EXPECT_EQ(std::get<protocol::CheckedIn>(t.events.at(0)).method, protocol::CheckInMethod::pin);
}

// Config version 2: the member's PIN is a verifier keyed by the device
// secret (the keyed vector of protocol/vectors/keyed/pin_verifiers.json).
TEST_F(DomainTest, CheckInByPinWithAVerifierNeedsTheDeviceSecret) {
  const auto session = open_gv();
  protocol::Member member{"p-0043", "Ola V.", config_.groups[0].members[1].affiliation,
                          {},       {},       false};
  member.pin_verifier =
      "$argon2id$v=19$m=19456,t=2,p=1$dGF2bGEtdGVzdC1zYWx0MA$"
      "xiL2smkoR2KW/ZHBDgCT5uTUPWbUkNYr8kXPumF8wbw";
  config_.groups[0].members.push_back(member);
  std::string secret;
  for (int i = 0; i < 32; ++i) {
    secret += static_cast<char>(i);
  }
  DomainContext without{clock_.now(), ids_, tuning_, zone_};
  auto refused_result = apply(config_, state_, CheckInByPin{session, "p-0043", "4321"}, without);
  ASSERT_TRUE(std::holds_alternative<Refusal>(refused_result));
  EXPECT_EQ(std::get<Refusal>(refused_result).code, RefusalCode::wrong_pin);
  DomainContext with{clock_.now(), ids_, tuning_, zone_, secret};
  auto wrong = apply(config_, state_, CheckInByPin{session, "p-0043", "1234"}, with);
  ASSERT_TRUE(std::holds_alternative<Refusal>(wrong));
  EXPECT_EQ(std::get<Refusal>(wrong).code, RefusalCode::wrong_pin);
  auto right = apply(config_, state_, CheckInByPin{session, "p-0043", "4321"}, with);
  ASSERT_TRUE(std::holds_alternative<Transition>(right));
  EXPECT_EQ(std::get<protocol::CheckedIn>(std::get<Transition>(right).events.at(0)).participant,
            "p-0043");
}

TEST_F(DomainTest, GuestsGetAGuestIdAndMustNameAKnownMunicipality) {
  const auto session = open_gv();
  const protocol::Affiliation hurdal{protocol::Affiliation::Kind::municipality, "hurdal"};
  const auto t = ok(CheckInGuest{session, hurdal});
  EXPECT_TRUE(t.subject.starts_with("guest-"));
  const auto& in = std::get<protocol::CheckedIn>(t.events.at(0));
  EXPECT_EQ(in.method, protocol::CheckInMethod::guest);
  EXPECT_EQ(in.affiliation, hurdal);
  EXPECT_EQ(refused(CheckInGuest{session, {protocol::Affiliation::Kind::municipality, "oslo"}}),
            RefusalCode::unknown_affiliation);
  // Two guests are two participants.
  EXPECT_NE(ok(CheckInGuest{session, hurdal}).subject, t.subject);
}

TEST_F(DomainTest, UndoWithinTheWindowEmitsCheckedOut) {
  const auto session = open_gv();
  ok(CheckIn{session, "p-1"});
  clock_.advance(std::chrono::seconds(59));
  const auto t = ok(UndoCheckIn{session, "p-1"});
  EXPECT_EQ(std::get<protocol::CheckedOut>(t.events.at(0)).participant, "p-1");
  EXPECT_TRUE(state_.open.at(0).present.empty());
  EXPECT_EQ(refused(UndoCheckIn{session, "p-1"}), RefusalCode::not_checked_in);
  ok(CheckIn{session, "p-1"});  // may check in again after an undo
}

TEST_F(DomainTest, UndoAfterTheWindowIsRefusedWithItsEnd) {
  const auto session = open_gv();
  ok(CheckIn{session, "p-1"});
  const auto checked_in = clock_.now();
  clock_.advance(std::chrono::seconds(60));
  auto result = run(UndoCheckIn{session, "p-1"});
  const auto& refusal = std::get<Refusal>(result);
  EXPECT_EQ(refusal.code, RefusalCode::undo_window_passed);
  EXPECT_EQ(refusal.until, checked_in + std::chrono::seconds(60));
}

TEST_F(DomainTest, NetworkMeetingFollowsItsAgenda) {
  const auto session = open_nm();
  ok(CheckIn{session, "p-buf"});
  EXPECT_EQ(state_.open.at(0).agenda.size(), 2U);
  auto t = ok(StartItem{session, "sak-1"});
  const auto& started = std::get<protocol::ItemStarted>(t.events.at(0));
  EXPECT_EQ(started.title, "Velkommen");
  EXPECT_EQ(started.planned_minutes, 15U);
  clock_.advance(std::chrono::seconds(125));
  t = ok(NextItem{session, "sak-1"});  // finishes sak-1, starts sak-2
  ASSERT_EQ(t.events.size(), 2U);
  EXPECT_EQ(std::get<protocol::ItemFinished>(t.events[0]).elapsed_seconds, 125U);
  EXPECT_EQ(std::get<protocol::ItemStarted>(t.events[1]).item, "sak-2");
  EXPECT_EQ(refused(StartItem{session, "sak-2"}), RefusalCode::item_already_running);
  EXPECT_EQ(refused(FinishItem{session, "sak-1"}), RefusalCode::item_not_running);
  EXPECT_EQ(refused(StartItem{session, "nope"}), RefusalCode::unknown_item);
  clock_.advance(std::chrono::seconds(10));
  t = ok(FinishItem{session, "sak-2"});
  EXPECT_EQ(std::get<protocol::ItemFinished>(t.events.at(0)).elapsed_seconds, 10U);
  EXPECT_FALSE(state_.open.at(0).current_item.has_value());
}

TEST_F(DomainTest, ItemsAddedOnTheDayRunLikeOthers) {
  const auto session = open_nm();
  const auto item = ok(AddAgendaItem{session, "Eventuelt", 10}).subject;
  EXPECT_TRUE(state_.open.at(0).agenda.back().added_on_the_day);
  const auto t = ok(StartItem{session, item});
  EXPECT_EQ(std::get<protocol::ItemStarted>(t.events.at(0)).title, "Eventuelt");
  EXPECT_EQ(refused(AddAgendaItem{session, "", 10}), RefusalCode::invalid_text);
  EXPECT_EQ(refused(AddAgendaItem{session, "Lang", 1441}), RefusalCode::invalid_minutes);
}

TEST_F(DomainTest, DecisionsAndActionsGoUnderTheRunningItem) {
  const auto session = open_nm();
  EXPECT_EQ(refused(RecordDecision{session, {}, "Vedtak"}), RefusalCode::no_current_item);
  ok(StartItem{session, "sak-1"});
  auto t = ok(RecordDecision{session, {}, "Vedtak"});
  EXPECT_EQ(std::get<protocol::DecisionRecorded>(t.events.at(0)).item, "sak-1");
  t = ok(RecordAction{session, "sak-2", "Sende invitasjon", "p-buf",
                      protocol::parse_date("2026-12-15")});
  const auto& action = std::get<protocol::ActionRecorded>(t.events.at(0));
  EXPECT_EQ(action.item, "sak-2");
  EXPECT_EQ(action.owner, "p-buf");
  EXPECT_EQ(refused(RecordAction{session, {}, "x", "p-1", {}}), RefusalCode::unknown_owner);
  EXPECT_EQ(refused(RecordDecision{session, {}, std::string(2001, 'x')}),
            RefusalCode::invalid_text);
}

TEST_F(DomainTest, RetractOnceOnly) {
  const auto session = open_nm();
  ok(StartItem{session, "sak-1"});
  const auto decision = ok(RecordDecision{session, {}, "Feil"}).subject;
  const auto t = ok(Retract{session, decision, "Ført under feil sak"});
  EXPECT_EQ(std::get<protocol::Retracted>(t.events.at(0)).target, decision);
  EXPECT_TRUE(state_.open.at(0).decisions.at(0).retracted);
  EXPECT_EQ(refused(Retract{session, decision, {}}), RefusalCode::already_retracted);
  EXPECT_EQ(refused(Retract{session, "nope", {}}), RefusalCode::unknown_target);
}

TEST_F(DomainTest, CarriedOverActionsAreMarkedDoneOnce) {
  const auto session = open_nm();
  ok(MarkActionDone{session, testing::kCarriedAction});
  EXPECT_EQ(refused(MarkActionDone{session, testing::kCarriedAction}),
            RefusalCode::action_already_done);
  EXPECT_EQ(refused(MarkActionDone{session, "nope"}), RefusalCode::unknown_action);
}

TEST_F(DomainTest, MinutesBelongToNetworkMeetings) {
  const auto session = open_gv();
  EXPECT_EQ(refused(RecordDecision{session, "sak-1", "x"}), RefusalCode::wrong_session_kind);
  EXPECT_EQ(refused(StartItem{session, "sak-1"}), RefusalCode::wrong_session_kind);
}

TEST_F(DomainTest, ClosingAMeetingFinishesTheRunningItem) {
  const auto session = open_nm();
  ok(StartItem{session, "sak-1"});
  clock_.advance(std::chrono::seconds(30));
  const auto t = ok(CloseSession{session, "p-nl", kNetworkLeaderPin});
  ASSERT_EQ(t.events.size(), 2U);
  EXPECT_EQ(std::get<protocol::ItemFinished>(t.events[0]).elapsed_seconds, 30U);
  EXPECT_TRUE(std::holds_alternative<protocol::SessionClosed>(t.events[1]));
}

// A leader checks a member in or out of their own group's session after the
// member's undo has passed; the host is told who corrected it.
TEST_F(DomainTest, ALeaderCorrectsAttendanceOfTheirOwnSession) {
  const auto session = open_gv();
  ok(CheckIn{session, "p-1"});
  clock_.advance(std::chrono::minutes(5));
  EXPECT_EQ(refused(UndoCheckIn{session, "p-1"}), RefusalCode::undo_window_passed);
  auto t = ok(CorrectAttendance{session, "p-1", false, "p-lead", kLeaderPin});
  EXPECT_EQ(std::get<protocol::CheckedOut>(t.events.at(0)).corrected_by, "p-lead");
  t = ok(CorrectAttendance{session, "p-3", true, "p-lead", kLeaderPin});
  const auto& in = std::get<protocol::CheckedIn>(t.events.at(0));
  EXPECT_EQ(in.corrected_by, "p-lead");
  EXPECT_EQ(in.participant, "p-3");
  EXPECT_EQ(state_.open.at(0).present.size(), 1U);
  EXPECT_EQ(refused(CorrectAttendance{session, "p-3", true, "p-lead", kLeaderPin}),
            RefusalCode::already_checked_in);
  EXPECT_EQ(refused(CorrectAttendance{session, "p-1", false, "p-lead", kLeaderPin}),
            RefusalCode::not_checked_in);
  EXPECT_EQ(refused(CorrectAttendance{session, "p-nl", true, "p-lead", kLeaderPin}),
            RefusalCode::not_in_roster);
  EXPECT_EQ(refused(CorrectAttendance{session, "p-2", true, "p-lead", "0000"}),
            RefusalCode::wrong_pin);
}

// Another group's leader never touches this group's attendance.
TEST_F(DomainTest, ALeaderOfAnotherGroupCannotCorrect) {
  const auto session = open_gv();
  EXPECT_EQ(refused(CorrectAttendance{session, "p-1", true, "p-nl", kNetworkLeaderPin}),
            RefusalCode::not_a_leader);
  EXPECT_EQ(refused(CorrectAttendance{session, "p-1", true, "p-2", kMemberPin}),
            RefusalCode::not_a_leader);
}

// Minutes with a national identity number are refused and say why; the
// refusal's detail never repeats the number.
TEST_F(DomainTest, MinutesWithANationalIdentityNumberAreRefused) {
  const auto session = open_nm();
  ok(StartItem{session, "sak-1"});
  const std::string number = "Barnet 01019010046 flytter";  // a valid fødselsnummer
  auto result = run(RecordDecision{session, {}, number});
  ASSERT_TRUE(std::holds_alternative<Refusal>(result));
  const auto& refusal = std::get<Refusal>(result);
  EXPECT_EQ(refusal.code, RefusalCode::national_id);
  EXPECT_EQ(refusal.subject, "text");
  EXPECT_EQ(refusal.detail.find("01019010046"), std::string::npos);
  EXPECT_EQ(refused(RecordAction{session, {}, number, "p-buf", {}}), RefusalCode::national_id);
  EXPECT_EQ(refused(Retract{session, "x", number}), RefusalCode::national_id);
  // An account number (11 digits that fail the check) is ordinary text.
  ok(RecordDecision{session, {}, "Konto 12345678903"});
}

// Running a meeting needs its leader once on this screen; a meeting nobody
// has run for the tuning's meeting_lock needs the leader again.
TEST_F(DomainTest, RunningAMeetingNeedsItsLeaderAndLocksWhenIdle) {
  const auto session = ok(OpenSession{"nm", "p-nl", kNetworkLeaderPin, {}, "fast"}).subject;
  EXPECT_EQ(refused(StartItem{session, "sak-1"}), RefusalCode::meeting_locked);
  EXPECT_EQ(refused(RecordDecision{session, {}, "x"}), RefusalCode::meeting_locked);
  EXPECT_EQ(refused(MarkActionDone{session, testing::kCarriedAction}), RefusalCode::meeting_locked);
  EXPECT_EQ(refused(LeadMeeting{session, "p-lead", kLeaderPin}), RefusalCode::not_a_leader);
  EXPECT_EQ(refused(LeadMeeting{session, "p-nl", "0000"}), RefusalCode::wrong_pin);
  const auto lead = ok(LeadMeeting{session, "p-nl", kNetworkLeaderPin});
  EXPECT_TRUE(lead.events.empty());
  EXPECT_EQ(state_.open.at(0).led_by, "p-nl");
  ok(StartItem{session, "sak-1"});
  clock_.advance(tuning_.meeting_lock - std::chrono::seconds(1));
  ok(RecordDecision{session, {}, "Vedtak"});  // each command renews the lead
  clock_.advance(tuning_.meeting_lock - std::chrono::seconds(1));
  ok(RecordDecision{session, {}, "Vedtak 2"});
  clock_.advance(tuning_.meeting_lock);
  EXPECT_EQ(refused(NextItem{session, "sak-1"}), RefusalCode::meeting_locked);
  // Check-in stays open to everyone.
  ok(CheckIn{session, "p-buf"});
}

// "Utført" on a carried-over action can be undone within the undo window.
TEST_F(DomainTest, MarkingAnActionDoneCanBeUndoneInTheWindow) {
  const auto session = open_nm();
  ok(MarkActionDone{session, testing::kCarriedAction});
  clock_.advance(std::chrono::seconds(30));
  const auto t = ok(UndoActionDone{session, testing::kCarriedAction});
  EXPECT_EQ(std::get<protocol::ActionReopened>(t.events.at(0)).action, testing::kCarriedAction);
  EXPECT_TRUE(state_.carried_done.empty());
  EXPECT_EQ(refused(UndoActionDone{session, testing::kCarriedAction}),
            RefusalCode::nothing_to_undo);
  ok(MarkActionDone{session, testing::kCarriedAction});  // done again, for real
  clock_.advance(tuning_.undo_window);
  EXPECT_EQ(refused(UndoActionDone{session, testing::kCarriedAction}),
            RefusalCode::nothing_to_undo);
}

class SchedulerTest : public DomainTest {
 protected:
  SchedulerTest() {
    config_.schedule.push_back(protocol::ScheduledSession{
        "sched-gv-1", "gv", protocol::SessionKind::group_guidance, "Samling 4",
        at("2026-11-27T09:00:00.000Z"), at("2026-11-27T11:00:00.000Z"), std::nullopt});
  }
  std::vector<SchedulerStep> due() { return due_steps(config_, state_, clock_.now(), tuning_); }
};

TEST_F(SchedulerTest, OpensFifteenMinutesBeforeTheStart) {
  clock_.set(at("2026-11-27T08:44:59.999Z"));
  EXPECT_TRUE(due().empty());
  clock_.set(at("2026-11-27T08:45:00.000Z"));
  const auto steps = due();
  ASSERT_EQ(steps.size(), 1U);
  DomainContext ctx{clock_.now(), ids_, tuning_, zone_};
  auto result = apply(config_, state_, steps[0], ctx);
  auto& t = std::get<Transition>(result);
  const auto& opened = std::get<protocol::SessionOpened>(t.events.at(0));
  EXPECT_EQ(opened.session, "sched-gv-1");
  EXPECT_EQ(opened.planned_start, at("2026-11-27T09:00:00.000Z"));
  state_ = t.next;
  EXPECT_TRUE(due().empty());
}

TEST_F(SchedulerTest, ClosesAForgottenSessionAtEndPlusGraceAndNeverReopensIt) {
  clock_.set(at("2026-11-27T08:50:00.000Z"));
  DomainContext ctx{clock_.now(), ids_, tuning_, zone_};
  state_ = std::get<Transition>(apply(config_, state_, due().at(0), ctx)).next;
  clock_.set(at("2026-11-27T11:29:59.999Z"));
  EXPECT_TRUE(due().empty());
  clock_.set(at("2026-11-27T11:30:00.000Z"));
  const auto steps = due();
  ASSERT_EQ(steps.size(), 1U);
  EXPECT_EQ(std::get<AutoClose>(steps[0]).session, "sched-gv-1");
  DomainContext later{clock_.now(), ids_, tuning_, zone_};
  state_ = std::get<Transition>(apply(config_, state_, steps[0], later)).next;
  EXPECT_TRUE(state_.open.empty());
  EXPECT_TRUE(due().empty());
}

TEST_F(SchedulerTest, ALeaderMayCloseEarlyAndItStaysClosed) {
  clock_.set(at("2026-11-27T09:00:00.000Z"));
  DomainContext ctx{clock_.now(), ids_, tuning_, zone_};
  state_ = std::get<Transition>(apply(config_, state_, due().at(0), ctx)).next;
  ok(CloseSession{"sched-gv-1", "p-lead", kLeaderPin});
  EXPECT_TRUE(due().empty());
  EXPECT_EQ(refused(CheckIn{"sched-gv-1", "p-1"}), RefusalCode::session_not_open);
}

// A session the host cancelled is never opened, is closed if it was open,
// and leaves a notice on the screen for the day.
TEST_F(SchedulerTest, ACancelledSessionIsNotOpenedAndAnOpenOneIsClosed) {
  config_.cancelled.push_back({"sched-gv-1", "Veilederen er syk"});
  clock_.set(at("2026-11-27T09:00:00.000Z"));
  auto steps = due();
  ASSERT_EQ(steps.size(), 1U);
  ASSERT_TRUE(std::holds_alternative<CancelSession>(steps[0]));
  DomainContext ctx{clock_.now(), ids_, tuning_, zone_};
  auto t = std::get<Transition>(apply(config_, state_, steps[0], ctx));
  EXPECT_TRUE(t.events.empty());
  state_ = t.next;
  EXPECT_TRUE(state_.open.empty());
  ASSERT_EQ(state_.notices.size(), 1U);
  EXPECT_EQ(state_.notices[0].reason, "Veilederen er syk");
  EXPECT_EQ(state_.notices[0].title, "Samling 4");
  EXPECT_TRUE(due().empty());

  // Cancelled while it was open: closed.
  state_ = {};
  config_.cancelled.clear();
  state_ = std::get<Transition>(apply(config_, state_, due().at(0), ctx)).next;
  ASSERT_EQ(state_.open.size(), 1U);
  config_.cancelled.push_back({"sched-gv-1", ""});
  steps = due();
  ASSERT_EQ(steps.size(), 1U);
  t = std::get<Transition>(apply(config_, state_, steps[0], ctx));
  EXPECT_TRUE(std::holds_alternative<protocol::SessionClosed>(t.events.at(0)));
  EXPECT_TRUE(t.next.open.empty());
  EXPECT_TRUE(tidy(t.next, at("2026-11-27T23:00:00.000Z")).notices.empty());
}

TEST_F(SchedulerTest, NothingOpensAfterTheEnd) {
  clock_.set(at("2026-11-27T11:00:00.000Z"));
  EXPECT_TRUE(due().empty());
}

TEST_F(SchedulerTest, TidyForgetsOldMarks) {
  state_.handled.push_back(HandledSchedule{"old", at("2026-11-20T10:00:00.000Z")});
  state_.handled.push_back(HandledSchedule{"recent", at("2026-11-27T07:00:00.000Z")});
  const auto tidied = tidy(state_, clock_.now());
  ASSERT_EQ(tidied.handled.size(), 1U);
  EXPECT_EQ(tidied.handled[0].session, "recent");
}

}  // namespace
}  // namespace tavla::kiosk
