// The Kiosk facade without a broker: restart recovery, the scheduler on an
// injected clock, PIN lockout and what the snapshot shows.
#include "tavla/kiosk/kiosk.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <set>
#include <thread>

#include "tavla/kiosk/local_store.hpp"
#include "tavla/kiosk/pin.hpp"
#include "tavla/protocol/codec.hpp"
#include "tavla/testing/kiosk_fixtures.hpp"
#include "tavla/testing/temp_dir.hpp"

namespace tavla::kiosk {
namespace {

using namespace std::chrono_literals;

Timestamp at(const char* text) {
  return protocol::parse_timestamp(text).value();
}

class KioskTest : public ::testing::Test {
 protected:
  KioskTest() : clock_(at("2026-11-27T08:00:00.000Z")), random_(11) {
    config_ = testing::kiosk_config(dir_.path(), "tcp://127.0.0.1:1");
    room_.schedule.push_back(protocol::ScheduledSession{
        "sched-gv-1", "gv", protocol::SessionKind::group_guidance, "Samling 4",
        at("2026-11-27T09:00:00.000Z"), at("2026-11-27T11:00:00.000Z"), std::nullopt});
    room_.schedule.push_back(protocol::ScheduledSession{
        "sched-nm-1", "nm", protocol::SessionKind::network_meeting, "Nettverksmøte",
        at("2026-11-27T12:00:00.000Z"), at("2026-11-27T14:00:00.000Z"), "fast"});
  }

  // The room config as sync would have persisted it.
  void provision() {
    LocalStore store(config_.data_dir / "kiosk.db", config_.device, "EPOCH-0000000001");
    store.save_config(StoredConfig{room_.rev, protocol::encode(room_)});
  }

  std::unique_ptr<Kiosk> make() {
    return std::make_unique<Kiosk>(config_, Kiosk::Dependencies{clock_, random_, nullptr, {}});
  }

  static const Done& done(const Outcome& outcome) {
    if (const auto* refusal = std::get_if<Refusal>(&outcome)) {
      throw std::runtime_error("refused: " + std::string(to_string(refusal->code)));
    }
    return std::get<Done>(outcome);
  }

  testing::TempDir dir_;
  ManualClock clock_;
  SeededRandom random_;
  KioskConfig config_;
  protocol::RoomConfig room_ = testing::room_config(3);
};

TEST_F(KioskTest, WithoutARoomConfigItRunsAndSaysSo) {
  auto kiosk = make();
  const auto snap = kiosk->snapshot();
  EXPECT_FALSE(snap->has_config);
  EXPECT_EQ(snap->device, testing::kDevice);
  const auto outcome = kiosk->execute(CheckIn{"s", "p-1"});
  EXPECT_EQ(std::get<Refusal>(outcome).code, RefusalCode::no_config);
}

TEST_F(KioskTest, ComesBackInTheSameStateAfterARestart) {
  provision();
  std::string session;
  std::uint64_t seq = 0;
  {
    auto kiosk = make();
    session =
        done(kiosk->execute(OpenSession{"gv", "p-lead", testing::kLeaderPin, {}, {}})).subject;
    done(kiosk->execute(CheckIn{session, "p-1"}));
    seq = done(kiosk->execute(
                   CheckInGuest{session, {protocol::Affiliation::Kind::municipality, "hurdal"}}))
              .last_seq;
  }
  auto kiosk = make();
  const auto snap = kiosk->snapshot();
  EXPECT_TRUE(snap->has_config);
  EXPECT_EQ(snap->config_rev, 3U);
  const auto* view = snap->session(session);
  ASSERT_NE(view, nullptr);
  ASSERT_EQ(view->present.size(), 2U);
  EXPECT_EQ(view->present[0].participant, "p-1");
  EXPECT_EQ(view->present[0].display_name, "Kari N.");
  EXPECT_EQ(snap->outbox, 3U);
  EXPECT_EQ(std::get<Refusal>(kiosk->execute(CheckIn{session, "p-1"})).code,
            RefusalCode::already_checked_in);
  EXPECT_EQ(done(kiosk->execute(CheckIn{session, "p-2"})).last_seq, seq + 1);
}

TEST_F(KioskTest, ScheduledSessionsOpenAndCloseThemselves) {
  provision();
  auto kiosk = make();
  EXPECT_TRUE(kiosk->tick().empty());
  EXPECT_EQ(kiosk->snapshot()->today.size(), 2U);
  EXPECT_EQ(kiosk->snapshot()->today[0].state, ScheduleState::upcoming);

  clock_.set(at("2026-11-27T08:45:00.000Z"));
  ASSERT_EQ(kiosk->tick().size(), 1U);
  auto snap = kiosk->snapshot();
  ASSERT_EQ(snap->open_sessions.size(), 1U);
  EXPECT_EQ(snap->open_sessions[0].session, "sched-gv-1");
  EXPECT_TRUE(snap->open_sessions[0].scheduled);
  EXPECT_EQ(snap->open_sessions[0].closes_at, at("2026-11-27T11:30:00.000Z"));
  EXPECT_EQ(snap->today[0].state, ScheduleState::open);
  done(kiosk->execute(CheckIn{"sched-gv-1", "p-1"}));

  clock_.set(at("2026-11-27T11:30:00.000Z"));
  ASSERT_EQ(kiosk->tick().size(), 1U);  // the forgotten group session closes
  snap = kiosk->snapshot();
  EXPECT_TRUE(snap->open_sessions.empty());
  EXPECT_EQ(snap->today[0].state, ScheduleState::closed);

  clock_.set(at("2026-11-27T11:45:00.000Z"));  // the meeting, with its agenda
  ASSERT_EQ(kiosk->tick().size(), 1U);
  snap = kiosk->snapshot();
  ASSERT_EQ(snap->open_sessions.size(), 1U);
  EXPECT_EQ(snap->open_sessions[0].agenda.size(), 2U);
  EXPECT_TRUE(kiosk->tick().empty());
}

// A session opened by hand asks its length (two hours by default) and
// closes after it plus the grace period, as a scheduled one does.
TEST_F(KioskTest, UnscheduledSessionsCloseAfterTheirLengthAndGrace) {
  provision();
  auto kiosk = make();
  clock_.set(at("2026-11-27T18:00:00.000Z"));
  done(kiosk->execute(OpenSession{"gv", "p-lead", testing::kLeaderPin, {}, {}}));
  clock_.set(at("2026-11-27T20:29:59.999Z"));
  EXPECT_TRUE(kiosk->tick().empty());
  clock_.set(at("2026-11-27T20:30:00.000Z"));
  EXPECT_EQ(kiosk->tick().size(), 1U);
  EXPECT_TRUE(kiosk->snapshot()->open_sessions.empty());
}

// Wrong PINs lock only the person they were typed for, escalating, and the
// count survives a restart; the leader's PIN stays open meanwhile.
TEST_F(KioskTest, RepeatedWrongPinsLockThatPersonOnly) {
  provision();
  std::string session;
  {
    auto kiosk = make();
    session =
        done(kiosk->execute(OpenSession{"gv", "p-lead", testing::kLeaderPin, {}, {}})).subject;
    for (int i = 0; i < config_.tuning.pin_max_failures; ++i) {
      EXPECT_EQ(kiosk->snapshot()->pin_state("p-2").tries_left,
                config_.tuning.pin_max_failures - i);
      EXPECT_EQ(std::get<Refusal>(kiosk->execute(CheckInByPin{session, "p-2", "0000"})).code,
                RefusalCode::wrong_pin);
    }
    const auto locked = std::get<Refusal>(kiosk->execute(CheckInByPin{session, "p-2", "4321"}));
    EXPECT_EQ(locked.code, RefusalCode::pins_locked);
    EXPECT_EQ(locked.subject, "p-2");
    EXPECT_EQ(locked.until, clock_.now() + config_.tuning.pin_lockout);
    EXPECT_EQ(kiosk->snapshot()->pin_state("p-2").locked_until, locked.until);
    EXPECT_EQ(kiosk->snapshot()->pin_state("p-2").tries_left, 0);
    // The leader is not locked by a member's tries.
    EXPECT_TRUE(
        std::holds_alternative<LeaderInfo>(kiosk->verify_leader("p-lead", testing::kLeaderPin)));
    done(kiosk->execute(CheckIn{session, "p-1"}));  // tapping a tile needs no PIN
  }
  auto restarted = make();  // the count is in the local database
  EXPECT_EQ(std::get<Refusal>(restarted->execute(CheckInByPin{session, "p-2", "4321"})).code,
            RefusalCode::pins_locked);
  clock_.advance(config_.tuning.pin_lockout);
  // After a lock, one wrong try locks again, five times as long.
  EXPECT_EQ(std::get<Refusal>(restarted->execute(CheckInByPin{session, "p-2", "0000"})).code,
            RefusalCode::wrong_pin);
  EXPECT_EQ(restarted->snapshot()->pin_state("p-2").locked_until,
            clock_.now() + 5 * config_.tuning.pin_lockout);
  clock_.advance(5 * config_.tuning.pin_lockout);
  done(restarted->execute(CheckInByPin{session, "p-2", testing::kMemberPin}));
  EXPECT_EQ(restarted->snapshot()->pin_state("p-2").tries_left, config_.tuning.pin_max_failures);
}

// A leader's own wrong tries lock the leader; the admin PIN is counted apart.
TEST_F(KioskTest, ALeaderIsLockedOnlyByTheLeadersOwnTries) {
  config_.admin_pin_hash = make_pin_hash("0011223344556677", "2468");
  provision();
  auto kiosk = make();
  for (int i = 0; i < config_.tuning.pin_max_failures; ++i) {
    (void)kiosk->verify_leader("p-lead", "0000");
  }
  EXPECT_EQ(std::get<Refusal>(kiosk->verify_leader("p-lead", testing::kLeaderPin)).code,
            RefusalCode::pins_locked);
  EXPECT_TRUE(
      std::holds_alternative<LeaderInfo>(kiosk->verify_leader("p-nl", testing::kNetworkLeaderPin)));
  EXPECT_FALSE(kiosk->admin_pin_refusal("2468"));
}

TEST_F(KioskTest, VerifiesLeadersAndTheAdmin) {
  config_.admin_pin_hash = make_pin_hash("0011223344556677", "2468");
  provision();
  auto kiosk = make();
  const auto leader = std::get<LeaderInfo>(kiosk->verify_leader("p-lead", testing::kLeaderPin));
  EXPECT_EQ(leader.participant, "p-lead");
  EXPECT_EQ(leader.groups, (std::vector<std::string>{"gv"}));
  EXPECT_EQ(std::get<Refusal>(kiosk->verify_leader("p-lead", testing::kMemberPin)).code,
            RefusalCode::wrong_pin);
  EXPECT_EQ(std::get<Refusal>(kiosk->verify_leader("p-2", testing::kMemberPin)).code,
            RefusalCode::not_a_leader);
  EXPECT_FALSE(kiosk->admin_pin_refusal("2468"));
  EXPECT_EQ(kiosk->admin_pin_refusal("1357")->code, RefusalCode::wrong_pin);
}

// The language the admin chose is kept on the device across a restart.
TEST_F(KioskTest, TheChosenLanguageSurvivesARestart) {
  provision();
  {
    auto kiosk = make();
    EXPECT_FALSE(kiosk->snapshot()->locale_override);
    kiosk->set_locale_override(protocol::Locale::en);
    EXPECT_EQ(kiosk->snapshot()->locale_override, protocol::Locale::en);
  }
  auto restarted = make();
  EXPECT_EQ(restarted->snapshot()->locale_override, protocol::Locale::en);
  restarted->set_locale_override(std::nullopt);
  EXPECT_FALSE(make()->snapshot()->locale_override);
}

TEST_F(KioskTest, TheSnapshotServesTheScreens) {
  provision();
  auto kiosk = make();
  const auto session =
      done(kiosk->execute(OpenSession{"nm", "p-nl", testing::kNetworkLeaderPin, {}, "fast"}))
          .subject;
  done(kiosk->execute(LeadMeeting{session, "p-nl", testing::kNetworkLeaderPin}));
  done(kiosk->execute(CheckIn{session, "p-buf"}));
  const auto guest =
      done(kiosk->execute(CheckInGuest{session, {protocol::Affiliation::Kind::org, "bufetat"}}))
          .subject;
  done(kiosk->execute(StartItem{session, "sak-1"}));
  const auto decision = done(kiosk->execute(RecordDecision{session, {}, "Vedtak"})).subject;
  done(kiosk->execute(Retract{session, decision, {}}));
  done(kiosk->execute(RecordAction{session, {}, "Invitere", "p-nl", {}}));
  done(kiosk->execute(MarkActionDone{session, testing::kCarriedAction}));

  const auto snap = kiosk->snapshot();
  EXPECT_EQ(snap->room, "Møterom Nannestad");
  EXPECT_EQ(snap->municipalities.size(), 3U);
  EXPECT_EQ(snap->orgs.at(0).id, "bufetat");
  const auto& view = *snap->session(session);
  EXPECT_EQ(view.kind, protocol::SessionKind::network_meeting);
  EXPECT_EQ(view.group_name, "Læringsnettverk");
  ASSERT_EQ(view.roster.size(), 2U);
  EXPECT_TRUE(view.roster[0].leader);
  EXPECT_TRUE(view.roster[0].has_pin);
  EXPECT_FALSE(view.roster[1].has_pin);
  ASSERT_EQ(view.present.size(), 2U);
  EXPECT_FALSE(view.present[0].guest_affiliation.has_value());  // members' never shown
  EXPECT_EQ(view.present[1].guest_affiliation->id, "bufetat");
  ASSERT_TRUE(view.latest);
  EXPECT_EQ(view.latest->participant, guest);
  EXPECT_EQ(view.latest->undo_until, clock_.now() + config_.tuning.undo_window);
  EXPECT_EQ(view.current_item, "sak-1");
  EXPECT_EQ(view.agenda[0].state, ItemState::running);
  EXPECT_EQ(view.agenda[0].started_at, clock_.now());
  EXPECT_TRUE(view.decisions.at(0).retracted);
  EXPECT_EQ(view.actions.at(0).owner_display_name, "Nina S.");
  ASSERT_EQ(snap->carried_actions.size(), 1U);
  EXPECT_TRUE(snap->carried_actions[0].done);
  EXPECT_EQ(snap->carried_actions[0].owner_display_name, "Nina S.");
  EXPECT_EQ(snap->outbox, 8U);
}

// The host republishes the room config with every open action of its
// groups, including one just recorded in the meeting still open here: that
// one is the meeting's own, not carried over from an earlier one.
TEST_F(KioskTest, AnActionOfTheOpenMeetingIsNotShownAsCarriedOver) {
  provision();
  std::string session;
  std::string action;
  {
    auto kiosk = make();
    session =
        done(kiosk->execute(OpenSession{"nm", "p-nl", testing::kNetworkLeaderPin, {}, "fast"}))
            .subject;
    done(kiosk->execute(LeadMeeting{session, "p-nl", testing::kNetworkLeaderPin}));
    done(kiosk->execute(StartItem{session, "sak-1"}));
    action = done(kiosk->execute(RecordAction{session, {}, "Invitere", "p-nl", {}})).subject;
  }
  room_.rev += 1;
  room_.open_actions.push_back(protocol::OpenAction{action, "Invitere", "p-nl", {}, session});
  provision();
  auto kiosk = make();
  const auto snap = kiosk->snapshot();
  ASSERT_EQ(snap->config_rev, room_.rev);
  ASSERT_EQ(snap->carried_actions.size(), 1U);
  EXPECT_EQ(snap->carried_actions[0].action, testing::kCarriedAction);
  ASSERT_EQ(snap->session(session)->actions.size(), 1U);
  EXPECT_EQ(snap->session(session)->actions[0].action, action);
}

TEST_F(KioskTest, CommandsFromManyThreadsKeepSeqDenseAndSnapshotsWhole) {
  provision();
  auto kiosk = make();
  const auto session =
      done(kiosk->execute(OpenSession{"gv", "p-lead", testing::kLeaderPin, {}, {}})).subject;
  constexpr int kThreads = 4;
  constexpr int kEach = 25;
  std::vector<std::vector<std::uint64_t>> seqs(kThreads);
  std::vector<std::thread> threads;
  std::atomic<bool> stop{false};
  std::thread reader([&] {  // renders meanwhile: every snapshot is consistent
    while (!stop) {
      const auto snap = kiosk->snapshot();
      ASSERT_EQ(snap->outbox,
                1 + (snap->open_sessions.empty() ? 0 : snap->open_sessions[0].present.size()));
    }
  });
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kEach; ++i) {
        seqs[t].push_back(done(kiosk->execute(CheckInGuest{
                                   session, {protocol::Affiliation::Kind::municipality, "hurdal"}}))
                              .last_seq);
      }
    });
  }
  for (auto& thread : threads) {
    thread.join();
  }
  stop = true;
  reader.join();
  std::set<std::uint64_t> all;
  for (const auto& list : seqs) {
    EXPECT_TRUE(std::is_sorted(list.begin(), list.end()));
    all.insert(list.begin(), list.end());
  }
  EXPECT_EQ(all.size(), static_cast<std::size_t>(kThreads * kEach));
  EXPECT_EQ(*all.begin(), 2U);  // 1 is session.opened
  EXPECT_EQ(*all.rbegin(), static_cast<std::uint64_t>(kThreads * kEach + 1));
  EXPECT_EQ(kiosk->snapshot()->session(session)->present.size(),
            static_cast<std::size_t>(kThreads * kEach));
}

}  // namespace
}  // namespace tavla::kiosk
