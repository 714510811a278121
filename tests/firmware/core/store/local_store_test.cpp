// The store against real SQLite files in a temporary directory.
#include "tavla/kiosk/local_store.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include "state_codec.hpp"
#include "tavla/protocol/codec.hpp"
#include "tavla/testing/temp_dir.hpp"

namespace tavla::kiosk {
namespace {

const Timestamp kT{Milliseconds{1'795'770'000'000}};

EventDraft checked_in(const std::string& id, const std::string& participant) {
  return EventDraft{id, protocol::CheckedIn{"s-1",
                                            participant,
                                            protocol::CheckInMethod::roster,
                                            {protocol::Affiliation::Kind::municipality, "hurdal"},
                                            {}}};
}

KioskState state_with(const std::string& participant) {
  KioskState s;
  SessionInProgress session;
  session.session = "s-1";
  session.group = "gv";
  session.title = "Samling";
  session.opened_at = kT;
  session.closes_at = kT + std::chrono::hours(2);
  session.present.push_back(AttendanceRecord{participant,
                                             protocol::CheckInMethod::roster,
                                             {protocol::Affiliation::Kind::municipality, "hurdal"},
                                             "fh-1",
                                             kT});
  session.agenda.push_back(ItemRecord{"sak-1", "Velkommen", 15, false, kT, 3, false});
  session.decisions.push_back(DecisionRecord{"d-1", "sak-1", "Vedtak\nlinje 2", kT, true});
  session.actions.push_back(ActionRecord{"a-1", "sak-1", "Gjøre", "p-1",
                                         protocol::parse_date("2026-12-01"), kT, false, true});
  session.carried_done.push_back("a-0");
  session.agenda.push_back(ItemRecord{.item = "sak-2",
                                      .title = "Status",
                                      .planned_minutes = 30,
                                      .elapsed_seconds = 40,
                                      .started = true,
                                      .skipped = false,
                                      .extra_minutes = 5});
  session.agenda.push_back(ItemRecord{.item = "sak-3", .title = "Eventuelt", .skipped = true});
  session.paused_at = kT + std::chrono::minutes(3);
  session.paused_item = "sak-2";
  session.led_by = "p-lead";
  session.led_until = kT + std::chrono::minutes(15);
  session.last_done = "a-0";
  session.last_done_at = kT;
  s.open.push_back(session);
  s.notices.push_back(CancelNotice{"s-2", "Samling 5", "Syk", kT + std::chrono::hours(8)});
  s.handled.push_back(HandledSchedule{"s-1", kT});
  s.carried_done.push_back("a-0");
  return s;
}

class LocalStoreTest : public ::testing::Test {
 protected:
  std::unique_ptr<LocalStore> open(const std::string& epoch = "EPOCH-0000000001") {
    return std::make_unique<LocalStore>(dir_ / "kiosk.db", "kiosk-1", epoch);
  }
  testing::TempDir dir_;
};

TEST_F(LocalStoreTest, TheEpochIsMadeOnceAtCreation) {
  EXPECT_EQ(open("EPOCH-AAAAAAAAAA")->epoch(), "EPOCH-AAAAAAAAAA");
  EXPECT_EQ(open("EPOCH-BBBBBBBBBB")->epoch(), "EPOCH-AAAAAAAAAA");
}

TEST_F(LocalStoreTest, RefusedConfigsAreCountedAcrossRestarts) {
  EXPECT_EQ(open()->configs_refused(), 0U);
  EXPECT_EQ(open()->count_refused_config(), 1U);
  auto store = open();
  EXPECT_EQ(store->count_refused_config(), 2U);
  EXPECT_EQ(open()->configs_refused(), 2U);
}

TEST_F(LocalStoreTest, AnotherDevicesDatabaseIsRefused) {
  open();
  EXPECT_THROW(LocalStore(dir_ / "kiosk.db", "kiosk-2", "EPOCH-0000000002"), LocalStoreError);
}

TEST_F(LocalStoreTest, SeqGrowsByOneAcrossRestarts) {
  {
    auto store = open();
    const std::vector drafts{checked_in("01JD0Z8X4C5N8E2Q7T9V3W6Y01", "p-1"),
                             checked_in("01JD0Z8X4C5N8E2Q7T9V3W6Y02", "p-2")};
    const auto events = store->commit(state_with("p-1"), drafts, kT);
    ASSERT_EQ(events.size(), 2U);
    EXPECT_EQ(events[0].seq, 1U);
    EXPECT_EQ(events[1].seq, 2U);
    EXPECT_EQ(events[1].epoch, store->epoch());
    EXPECT_EQ(events[1].device, "kiosk-1");
  }
  auto store = open();
  const std::vector drafts{checked_in("01JD0Z8X4C5N8E2Q7T9V3W6Y03", "p-3")};
  EXPECT_EQ(store->commit(state_with("p-3"), drafts, kT).at(0).seq, 3U);
  EXPECT_EQ(store->last_seq(), 3U);
  EXPECT_EQ(store->outbox_depth(), 3U);
}

TEST_F(LocalStoreTest, TheStateComesBackAfterARestart) {
  const auto state = state_with("p-1");
  open()->commit(state, {}, kT);
  EXPECT_EQ(open()->load_state(), state);
}

TEST_F(LocalStoreTest, StateAndEventsAreOneTransaction) {
  auto store = open();
  store->commit(state_with("p-1"), std::vector{checked_in("01JD0Z8X4C5N8E2Q7T9V3W6Y01", "p-1")},
                kT);
  // A duplicate event id violates UNIQUE half-way: nothing of it may stay.
  EXPECT_THROW(store->commit(state_with("p-2"),
                             std::vector{checked_in("01JD0Z8X4C5N8E2Q7T9V3W6Y02", "p-2"),
                                         checked_in("01JD0Z8X4C5N8E2Q7T9V3W6Y01", "p-3")},
                             kT),
               LocalStoreError);
  EXPECT_EQ(store->load_state(), state_with("p-1"));
  EXPECT_EQ(store->last_seq(), 1U);
  EXPECT_EQ(store->pending(0, 10).size(), 1U);
  // The next event still gets seq 2: no gap.
  EXPECT_EQ(store
                ->commit(state_with("p-2"),
                         std::vector{checked_in("01JD0Z8X4C5N8E2Q7T9V3W6Y02", "p-2")}, kT)
                .at(0)
                .seq,
            2U);
}

TEST_F(LocalStoreTest, AnInvalidEventIsRefusedBeforeWriting) {
  auto store = open();
  EXPECT_THROW(store->commit({}, std::vector{checked_in("short", "p-1")}, kT), LocalStoreError);
  EXPECT_EQ(store->last_seq(), 0U);
}

TEST_F(LocalStoreTest, PendingIsInSeqOrderAndAcksAreMarkedOnce) {
  auto store = open();
  std::vector<EventDraft> drafts;
  for (int i = 1; i <= 5; ++i) {
    drafts.push_back(
        checked_in("01JD0Z8X4C5N8E2Q7T9V3W6Y0" + std::to_string(i), "p-" + std::to_string(i)));
  }
  store->commit({}, drafts, kT);
  auto pending = store->pending(0, 3);
  ASSERT_EQ(pending.size(), 3U);
  EXPECT_EQ(pending[0].seq, 1U);
  EXPECT_EQ(pending[2].seq, 3U);
  EXPECT_TRUE(protocol::decode_event(pending[1].payload));
  EXPECT_EQ(store->pending(3, 10).size(), 2U);

  const std::vector<std::string> ack{"01JD0Z8X4C5N8E2Q7T9V3W6Y02", "unknown-id-000000",
                                     "01JD0Z8X4C5N8E2Q7T9V3W6Y04"};
  EXPECT_EQ(store->mark_acked(ack, kT), (std::vector<std::uint64_t>{2, 4}));
  EXPECT_TRUE(store->mark_acked(ack, kT).empty());  // already acked: ignored
  EXPECT_EQ(store->outbox_depth(), 3U);
  EXPECT_EQ(store->last_ack(), kT);
  pending = store->pending(0, 10);
  ASSERT_EQ(pending.size(), 3U);
  EXPECT_EQ(pending[1].seq, 3U);
  // Depth and last ack survive a restart.
  store.reset();
  store = open();
  EXPECT_EQ(store->outbox_depth(), 3U);
  EXPECT_EQ(store->last_ack(), kT);
}

TEST_F(LocalStoreTest, PruneDropsOnlyOldAcknowledgedEvents) {
  auto store = open();
  store->commit({},
                std::vector{checked_in("01JD0Z8X4C5N8E2Q7T9V3W6Y01", "p-1"),
                            checked_in("01JD0Z8X4C5N8E2Q7T9V3W6Y02", "p-2")},
                kT);
  store->mark_acked(std::vector<std::string>{"01JD0Z8X4C5N8E2Q7T9V3W6Y01"}, kT);
  EXPECT_EQ(store->prune(kT), 0U);
  EXPECT_EQ(store->prune(kT + Milliseconds(1)), 1U);
  EXPECT_EQ(store->pending(0, 10).size(), 1U);
  EXPECT_EQ(
      store->commit({}, std::vector{checked_in("01JD0Z8X4C5N8E2Q7T9V3W6Y03", "p-3")}, kT).at(0).seq,
      3U);
}

TEST_F(LocalStoreTest, TheHostsRejectionsAreKeptWithTheirAckMarks) {
  auto store = open();
  const std::string first = "01JD0Z8X4C5N8E2Q7T9V3W6Y01";
  const std::string second = "01JD0Z8X4C5N8E2Q7T9V3W6Y02";
  store->commit({}, std::vector{checked_in(first, "p-1"), checked_in(second, "p-2")}, kT);
  EXPECT_EQ(store->rejections(10), Rejections{});

  const Timestamp acked = kT + std::chrono::seconds(3);
  const std::vector<std::string> ids{first, second};
  const std::vector<protocol::Rejection> rejected{{second, "not_a_member"},
                                                  {"01ZZZZZZZZZZZZZZZZZZZZZZZZ", "unknown_type"}};
  EXPECT_EQ(store->mark_acked(ids, acked, rejected), (std::vector<std::uint64_t>{1, 2}));
  // Again (the host acks a resend): kept once.
  EXPECT_TRUE(store->mark_acked(ids, acked + Milliseconds(5), rejected).empty());
  const Rejections expected{
      1, {RejectedEvent{second, "not_a_member", "attendance.checked_in", kT, acked}}};
  EXPECT_EQ(store->rejections(10), expected);
  // Kept across a restart, and the limit holds.
  store.reset();
  store = open();
  EXPECT_EQ(store->rejections(10), expected);
  EXPECT_EQ(store->rejections(0), (Rejections{1, {}}));
}

TEST_F(LocalStoreTest, RejectionsAreForgottenWithTheAcknowledgedEvents) {
  auto store = open();
  const std::string id = "01JD0Z8X4C5N8E2Q7T9V3W6Y01";
  store->commit({}, std::vector{checked_in(id, "p-1")}, kT);
  store->mark_acked(std::vector{id}, kT, std::vector<protocol::Rejection>{{id, "unknown_type"}});
  EXPECT_EQ(store->prune(kT), 0U);
  EXPECT_EQ(store->rejections(10).count, 1U);
  EXPECT_EQ(store->prune(kT + Milliseconds(1)), 1U);
  EXPECT_EQ(store->rejections(10), Rejections{});
}

TEST_F(LocalStoreTest, TheLatestRejectionsComeFirst) {
  auto store = open();
  std::vector<std::string> ids;
  for (int i = 1; i <= 3; ++i) {
    ids.push_back("01JD0Z8X4C5N8E2Q7T9V3W6Y0" + std::to_string(i));
    store->commit({}, std::vector{checked_in(ids.back(), "p-1")}, kT + Milliseconds(i));
  }
  for (int i = 0; i < 3; ++i) {
    const auto& id = ids[static_cast<std::size_t>(i)];
    store->mark_acked(std::vector{id}, kT + std::chrono::seconds(i),
                      std::vector<protocol::Rejection>{{id, "code_" + std::to_string(i)}});
  }
  const auto latest = store->rejections(2);
  EXPECT_EQ(latest.count, 3U);
  ASSERT_EQ(latest.latest.size(), 2U);
  EXPECT_EQ(latest.latest[0].code, "code_2");
  EXPECT_EQ(latest.latest[0].event_ts, kT + Milliseconds(3));
  EXPECT_EQ(latest.latest[1].code, "code_1");
}

TEST_F(LocalStoreTest, TheRoomConfigIsReplacedAndKept) {
  EXPECT_FALSE(open()->load_config());
  open()->save_config(StoredConfig{3, "{\"rev\":3}"});
  open()->save_config(StoredConfig{4, "{\"rev\":4}"});
  const auto config = open()->load_config();
  ASSERT_TRUE(config);
  EXPECT_EQ(config->rev, 4U);
  EXPECT_EQ(config->payload, "{\"rev\":4}");
}

TEST_F(LocalStoreTest, TheFileIsInWalModeWithFullSync) {
  open()->commit({}, std::vector{checked_in("01JD0Z8X4C5N8E2Q7T9V3W6Y01", "p-1")}, kT);
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open((dir_ / "kiosk.db").c_str(), &db), SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &stmt, nullptr);
  ASSERT_EQ(sqlite3_step(stmt), SQLITE_ROW);
  EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)), "wal");
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  EXPECT_EQ(open()->integrity_check(), "ok");
}

// The PIN lockout counts and the device's own settings outlive the store.
TEST_F(LocalStoreTest, PinLockoutsAndPreferencesSurviveARestart) {
  {
    auto store = open();
    store->save_pin_lockout("p-2", LockoutEntry{0, 1, kT + std::chrono::minutes(1)});
    store->save_pin_lockout("p-3", LockoutEntry{2, 0, std::nullopt});
    store->save_pin_lockout("p-3", LockoutEntry{3, 0, std::nullopt});
    store->set_preference("locale", "nn");
  }
  auto store = open();
  const std::map<std::string, LockoutEntry> expected{
      {"p-2", LockoutEntry{0, 1, kT + std::chrono::minutes(1)}},
      {"p-3", LockoutEntry{3, 0, std::nullopt}}};
  EXPECT_EQ(store->load_pin_lockouts(), expected);
  EXPECT_EQ(store->preference("locale"), "nn");
  store->save_pin_lockout("p-2", std::nullopt);
  store->set_preference("locale", std::nullopt);
  EXPECT_EQ(open()->load_pin_lockouts().size(), 1U);
  EXPECT_FALSE(open()->preference("locale"));
}

// A state written before the agenda's pause/skip fields reads with defaults.
TEST(StateCodec, AnOlderStateReadsWithDefaults) {
  auto state = state_with("p-1");
  state.open[0].agenda.resize(1);
  state.open[0].agenda[0].started = true;  // it has run: read so from its time
  state.open[0].paused_at.reset();
  state.open[0].paused_item.reset();
  state.open[0].led_by.reset();
  state.open[0].led_until.reset();
  state.open[0].last_done.reset();
  state.open[0].last_done_at.reset();
  state.notices.clear();
  auto json = detail::encode_state(state);
  for (const char* key :
       {",\"started\":true", ",\"skipped\":false", ",\"extra_minutes\":0", ",\"notices\":[]"}) {
    const auto at = json.find(key);
    ASSERT_NE(at, std::string::npos) << key;
    json.erase(at, std::string(key).size());
  }
  EXPECT_EQ(detail::decode_state(json), state);
}

TEST(StateCodec, RoundTripsEveryField) {
  const auto state = state_with("p-1");
  EXPECT_EQ(detail::decode_state(detail::encode_state(state)), state);
  EXPECT_THROW((void)detail::decode_state("{\"v\":99}"), LocalStoreError);
  EXPECT_THROW((void)detail::decode_state("not json"), LocalStoreError);
}

}  // namespace
}  // namespace tavla::kiosk
