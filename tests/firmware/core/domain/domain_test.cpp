// The domain's rules, without I/O: every command's events and refusals.
#include "tavla/kiosk/domain.hpp"

#include <gtest/gtest.h>

#include "tavla/protocol/codec.hpp"
#include "tavla/testing/kiosk_fixtures.hpp"

namespace tavla::kiosk {
namespace {

using testing::kLeaderPin;
using testing::kMemberPin;
using testing::kNetworkLeaderPin;

Timestamp at(const char* text) {
  return protocol::parse_timestamp(text).value();
}

class DomainTest : public ::testing::Test {
 protected:
  DomainTest() : clock_(at("2026-11-27T08:00:00.000Z")), random_(7), ids_(clock_, random_) {}

  DomainResult run(const Command& command) {
    DomainContext ctx{clock_.now(), ids_, tuning_, zone_};
    auto result = apply(config_, state_, command, ctx);
    if (auto* t = std::get_if<Transition>(&result)) {
      state_ = t->next;
      for (const auto& body : t->events) {
        // Every event the domain makes is valid on the wire.
        protocol::Event e{
            "01JD0Z8X4C5N8E2Q7T9V3W6Y03", "kiosk-1", "epoch-0001", 1, clock_.now(), body};
        EXPECT_FALSE(protocol::validate(e).has_value()) << protocol::validate(e)->message();
      }
    }
    return result;
  }
  Transition ok(const Command& command) {
    auto result = run(command);
    if (auto* refusal = std::get_if<Refusal>(&result)) {
      ADD_FAILURE() << "refused: " << to_string(refusal->code) << " " << refusal->subject;
      return {};
    }
    return std::get<Transition>(result);
  }
  RefusalCode refused(const Command& command) {
    auto result = run(command);
    if (!std::holds_alternative<Refusal>(result)) {
      ADD_FAILURE() << "accepted " << name_of(command);
      return RefusalCode::storage_failed;
    }
    return std::get<Refusal>(result).code;
  }
  std::string open_gv() { return ok(OpenSession{"gv", kLeaderPin, {}, {}}).subject; }
  std::string open_nm() { return ok(OpenSession{"nm", kNetworkLeaderPin, {}, "fast"}).subject; }

  ManualClock clock_;
  SeededRandom random_;
  UlidFactory ids_;
  Tuning tuning_;
  TimeZone zone_{"Europe/Oslo"};
  protocol::RoomConfig config_ = testing::room_config();
  KioskState state_;
};

TEST_F(DomainTest, LeaderOpensAnUnscheduledSessionThatClosesAtLocalMidnight) {
  const auto t = ok(OpenSession{"gv", kLeaderPin, {}, {}});
  ASSERT_EQ(t.events.size(), 1U);
  const auto& opened = std::get<protocol::SessionOpened>(t.events[0]);
  EXPECT_EQ(opened.session, t.subject);
  EXPECT_EQ(opened.group, "gv");
  EXPECT_EQ(opened.title, "Gruppeveiledning høst");
  EXPECT_FALSE(opened.planned_start.has_value());
  // 27 November in Oslo is UTC+1: midnight is 23:00 UTC.
  EXPECT_EQ(state_.open.at(0).closes_at, at("2026-11-27T23:00:00.000Z"));
}

TEST_F(DomainTest, OpeningNeedsALeaderOfThatGroup) {
  EXPECT_EQ(refused(OpenSession{"gv", "0000", {}, {}}), RefusalCode::wrong_pin);
  EXPECT_EQ(refused(OpenSession{"gv", kMemberPin, {}, {}}), RefusalCode::not_a_leader);
  EXPECT_EQ(refused(OpenSession{"gv", kNetworkLeaderPin, {}, {}}), RefusalCode::not_a_leader);
  EXPECT_EQ(refused(OpenSession{"nope", kLeaderPin, {}, {}}), RefusalCode::unknown_group);
  EXPECT_TRUE(state_.open.empty());
}

TEST_F(DomainTest, OneOpenSessionPerGroup) {
  open_gv();
  EXPECT_EQ(refused(OpenSession{"gv", kLeaderPin, {}, {}}), RefusalCode::session_already_open);
}

TEST_F(DomainTest, ClosingAClosedSessionIsRefused) {
  const auto session = open_gv();
  const auto t = ok(CloseSession{session, kNetworkLeaderPin});  // any leader may close
  EXPECT_TRUE(std::holds_alternative<protocol::SessionClosed>(t.events.at(0)));
  EXPECT_EQ(refused(CloseSession{session, kLeaderPin}), RefusalCode::unknown_session);
  EXPECT_EQ(refused(CloseSession{"nope", kLeaderPin}), RefusalCode::unknown_session);
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
  t = ok(StartItem{session, "sak-2"});  // "next": finishes sak-1 first
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
  const auto t = ok(CloseSession{session, kNetworkLeaderPin});
  ASSERT_EQ(t.events.size(), 2U);
  EXPECT_EQ(std::get<protocol::ItemFinished>(t.events[0]).elapsed_seconds, 30U);
  EXPECT_TRUE(std::holds_alternative<protocol::SessionClosed>(t.events[1]));
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
  ok(CloseSession{"sched-gv-1", kLeaderPin});
  EXPECT_TRUE(due().empty());
  EXPECT_EQ(refused(CheckIn{"sched-gv-1", "p-1"}), RefusalCode::session_not_open);
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
