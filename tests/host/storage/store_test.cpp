// The storage suite: every case runs against SQLite and a real PostgreSQL.
#include "tavla/host/storage/store.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "host_fixture.hpp"
#include "tavla/host/storage/migrations.hpp"

namespace tavla::host::storage {
namespace {

using testing::Backend;

class StoreTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override { url_ = testing::database_url(GetParam(), dir_); }
  std::unique_ptr<Store> open() { return std::make_unique<Store>(url_); }

  tavla::testing::TempDir dir_;
  std::string url_;
};

SessionRecord gg_session(const std::string& id, int month = 3) {
  return {id,   "gv-1", "group_guidance", "kiosk-1",   "Samling", "2026-03-27T08:00:00.000Z",
          2026, month,  "ev-" + id,       std::nullopt};
}

AttendanceFact in(const std::string& participant, const std::string& unit, const std::string& muni,
                  std::int64_t seq) {
  return {participant, true, unit, muni, std::nullopt, device_order("kiosk-1", "e1", seq)};
}
AttendanceFact out(const std::string& participant, std::int64_t seq) {
  return {participant, false, "", std::nullopt, std::nullopt, device_order("kiosk-1", "e1", seq)};
}

std::map<std::string, std::tuple<std::int64_t, std::int64_t, std::int64_t>> usage(Store& store) {
  std::map<std::string, std::tuple<std::int64_t, std::int64_t, std::int64_t>> result;
  for (const auto& m : store.usage_months(2026)) {
    auto& [s, u, n] = result[m.municipality];
    s += m.sessions;
    u += m.units;
    n += m.meetings;
  }
  // A row that went up and back down to zero is the same as no row.
  std::erase_if(result, [](const auto& entry) { return entry.second == std::make_tuple(0, 0, 0); });
  return result;
}

TEST_P(StoreTest, MigratesOnceAndReopens) {
  { auto store = open(); }
  auto store = open();
  EXPECT_EQ(migrate(store->db()), latest_schema_version());  // found: already current
}

TEST_P(StoreTest, InsertEventIsIdempotentById) {
  auto store = open();
  const StoredEvent e{"ev-00000000000001", "kiosk-1", "e1", 1,    "2026-03-27T08:00:00.000Z",
                      "session.closed",    "s1",      "{}", false};
  in_transaction(store->db(), [&] {
    EXPECT_TRUE(store->insert_event(e, "2026-03-27T08:00:01.000Z"));
    EXPECT_FALSE(store->insert_event(e, "2026-03-27T08:00:02.000Z"));
  });
  EXPECT_TRUE(store->has_event(e.id));
}

TEST_P(StoreTest, SequenceGapsPerDeviceAndEpoch) {
  auto store = open();
  in_transaction(store->db(), [&] {
    for (const std::int64_t seq : {1, 2, 3, 6, 7, 10, 3}) {
      store->note_seq("kiosk-1", "e1", seq, "2026-03-27T08:00:00.000Z");
    }
    store->note_seq("kiosk-1", "e2", 1, "2026-03-28T08:00:00.000Z");
  });
  const auto epochs = store->device_epochs();
  ASSERT_EQ(epochs.size(), 2U);
  EXPECT_EQ(epochs[0].max_seq, 10);
  EXPECT_EQ(epochs[0].received, 6);
  EXPECT_EQ(epochs[0].missing(), 4);
  const auto gaps = store->gaps("kiosk-1", "e1", 10);
  ASSERT_EQ(gaps.size(), 2U);
  EXPECT_EQ(gaps[0].first, 4);
  EXPECT_EQ(gaps[0].last, 5);
  EXPECT_EQ(gaps[1].first, 8);
  EXPECT_EQ(gaps[1].last, 9);
  EXPECT_EQ(epochs[1].missing(), 0);
}

// note_seqs over many rows (several multi-row statements), repeats and two
// epochs, some seqs already noted: the same as note_seq for each in turn.
TEST_P(StoreTest, NoteSeqsInOneCallEqualsOneAtATime) {
  std::vector<SeqNote> notes;
  for (std::int64_t seq = 1; seq <= 700; ++seq) {
    if (seq % 7 != 0) {  // gaps
      notes.push_back({"kiosk-1", "e1", seq});
    }
    if (seq % 50 == 0) {
      notes.push_back({"kiosk-1", "e1", seq / 2});  // a repeat
      notes.push_back({"kiosk-2", "e9", seq / 50});
    }
  }
  const std::string at = "2026-03-27T08:00:00.000Z";
  const std::string later = "2026-03-27T09:00:00.000Z";
  const std::vector<SeqNote> before = {{"kiosk-1", "e1", 3}, {"kiosk-1", "e1", 800}};
  auto batched = open();
  in_transaction(batched->db(), [&] { batched->note_seqs(before, at); });
  in_transaction(batched->db(), [&] { batched->note_seqs(notes, later); });
  // Only repeats: nothing counts, but the epoch was seen.
  in_transaction(batched->db(), [&] {
    batched->note_seqs({{"kiosk-2", "e9", 1}}, "2026-03-27T10:00:00.000Z");
  });

  tavla::testing::TempDir other_dir;
  Store single(testing::database_url(GetParam(), other_dir));
  in_transaction(single.db(), [&] {
    for (const auto& n : before) {
      single.note_seq(n.device, n.epoch, n.seq, at);
    }
  });
  in_transaction(single.db(), [&] {
    for (const auto& n : notes) {
      single.note_seq(n.device, n.epoch, n.seq, later);
    }
  });
  in_transaction(single.db(),
                 [&] { single.note_seq("kiosk-2", "e9", 1, "2026-03-27T10:00:00.000Z"); });

  const auto epochs = batched->device_epochs();
  const auto expected = single.device_epochs();
  ASSERT_EQ(epochs.size(), 2U);
  ASSERT_EQ(expected.size(), 2U);
  for (std::size_t i = 0; i < epochs.size(); ++i) {
    EXPECT_EQ(epochs[i].device, expected[i].device);
    EXPECT_EQ(epochs[i].epoch, expected[i].epoch);
    EXPECT_EQ(epochs[i].max_seq, expected[i].max_seq);
    EXPECT_EQ(epochs[i].received, expected[i].received);
    EXPECT_EQ(epochs[i].first_seen, expected[i].first_seen);
    EXPECT_EQ(epochs[i].last_seen, expected[i].last_seen);
  }
  // Counted from the notes themselves too: each distinct seq once.
  std::set<std::int64_t> distinct;
  for (const auto& n : before) {
    distinct.insert(n.seq);
  }
  for (const auto& n : notes) {
    if (n.epoch == "e1") {
      distinct.insert(n.seq);
    }
  }
  EXPECT_EQ(epochs[0].max_seq, 800);
  EXPECT_EQ(epochs[0].received, static_cast<std::int64_t>(distinct.size()));
  EXPECT_EQ(epochs[0].first_seen, at);
  EXPECT_EQ(epochs[0].last_seen, later);
  EXPECT_EQ(epochs[1].received, 14);
  EXPECT_EQ(epochs[1].missing(), 0);
  EXPECT_EQ(epochs[1].last_seen, "2026-03-27T10:00:00.000Z");
  const auto gaps = batched->gaps("kiosk-1", "e1", 1000);
  const auto expected_gaps = single.gaps("kiosk-1", "e1", 1000);
  ASSERT_EQ(gaps.size(), expected_gaps.size());
  for (std::size_t i = 0; i < gaps.size(); ++i) {
    EXPECT_EQ(gaps[i].first, expected_gaps[i].first);
    EXPECT_EQ(gaps[i].last, expected_gaps[i].last);
  }
}

TEST_P(StoreTest, AttendanceAggregatesDoNotDependOnArrivalOrder) {
  // Two participants of one foster home (first from nannestad), a guest from
  // eidsvoll who is withdrawn, a hurdal member who leaves and comes back.
  std::vector<AttendanceFact> facts = {
      in("p-1", "fh:fh-1", "nannestad", 1),      in("p-2", "fh:fh-1", "hurdal", 2),
      in("guest-x", "p:guest-x", "eidsvoll", 3), out("guest-x", 4),
      in("p-3", "fh:fh-2", "hurdal", 5),         out("p-3", 6),
      in("p-3", "fh:fh-2", "hurdal", 7)};
  std::sort(facts.begin(), facts.end(), [](const auto& a, const auto& b) { return a.ord < b.ord; });
  std::optional<decltype(usage(std::declval<Store&>()))> expected;
  int permutations = 0;
  do {
    tavla::testing::TempDir dir;
    auto store = std::make_unique<Store>(
        permutations == 0 ? url_ : testing::database_url(Backend::sqlite, dir));
    const auto session = gg_session("s1");
    in_transaction(store->db(), [&] {
      store->insert_session(session);
      for (const auto& f : facts) {
        store->apply_attendance(session, f);
      }
      for (const auto& f : facts) {  // a duplicate of everything changes nothing
        store->apply_attendance(session, f);
      }
    });
    const auto got = usage(*store);
    if (!expected) {
      expected = got;
      EXPECT_EQ(std::get<1>(got.at("nannestad")), 1);  // fh-1 counted once, for nannestad
      EXPECT_EQ(std::get<0>(got.at("nannestad")), 1);
      EXPECT_EQ(std::get<1>(got.at("hurdal")), 1);  // fh-2 back in
      EXPECT_EQ(got.count("eidsvoll"), 0U);         // withdrawn
    } else {
      ASSERT_EQ(got, *expected) << "permutation " << permutations;
    }
    ++permutations;
    // Every 7th permutation keeps the suite quick while mixing the orders.
    for (int skip = 0; skip < 6 && std::next_permutation(
                                       facts.begin(), facts.end(),
                                       [](const auto&a, const auto&b) { return a.ord < b.ord; });
         ++skip) {
    }
  } while (std::next_permutation(facts.begin(), facts.end(),
                                 [](const auto& a, const auto& b) { return a.ord < b.ord; }) &&
           permutations < 40);
  EXPECT_EQ(permutations, 40);
}

TEST_P(StoreTest, NetworkMeetingsCountAttendeesNotUnits) {
  auto store = open();
  SessionRecord nm{
      "m1", "nettverk", "network_meeting", "kiosk-2", "Møte", "2026-03-27T08:00:00.000Z", 2026,
      3,    "ev",       std::nullopt};
  in_transaction(store->db(), [&] {
    store->insert_session(nm);
    store->apply_attendance(nm, in("p-leder-nes", "p:p-leder-nes", "nes", 1));
    store->apply_attendance(nm, {"p-bufetat-1", true, "p:p-bufetat-1", std::nullopt, "bufetat",
                                 device_order("kiosk-2", "e1", 2)});
  });
  const auto u = usage(*store);
  EXPECT_EQ(u.at("nes"), std::make_tuple(0, 0, 1));
  EXPECT_EQ(u.count("bufetat"), 0U);
}

TEST_P(StoreTest, OpenActionsLeaveWhenDoneOrRetracted) {
  auto store = open();
  in_transaction(store->db(), [&] {
    for (const char* a : {"a1", "a2", "a3"}) {
      store->record_action({a, "nettverk", "m1", "Gjør noe", "p-leder-nes", "2026-04-01",
                            "2026-03-27T08:00:00.000Z"},
                           "sak-2");
    }
    store->mark("a1", "done", "m2");
    store->mark("a2", "retracted", "m1");
  });
  const auto open_actions = store->open_actions({"nettverk"});
  ASSERT_EQ(open_actions.size(), 1U);
  EXPECT_EQ(open_actions[0].action, "a3");
  EXPECT_EQ(open_actions[0].due, "2026-04-01");
}

TEST_P(StoreTest, QuarantineKeepsReasonAndBoundedRawBytes) {
  auto store = open();
  const std::string big(kQuarantineRawBytes + 100, 'x');
  in_transaction(store->db(), [&] {
    store->quarantine({0, "2026-03-27T08:00:00.000Z", "tavla/v1/s/d/events", "d", std::nullopt,
                       std::nullopt, std::nullopt, 0, std::string("\xff\x00 bin", 6), "not json"});
    store->quarantine({0, "2026-03-27T08:00:00.000Z", "t", std::nullopt, "id-1234567890123456",
                       std::nullopt, std::nullopt, 0, big, "too large"});
  });
  const auto entries = store->quarantine_entries(10);
  ASSERT_EQ(entries.size(), 2U);
  EXPECT_EQ(entries[1].raw, std::string("\xff\x00 bin", 6));
  EXPECT_EQ(entries[1].reason, "not json");
  EXPECT_EQ(entries[0].raw.size(), kQuarantineRawBytes);
  EXPECT_EQ(entries[0].size, static_cast<std::int64_t>(big.size()));
  EXPECT_TRUE(store->known_event("id-1234567890123456"));  // in quarantine only
}

TEST_P(StoreTest, RoomRevisionGrowsOnlyWithChangesAndSurvivesReopening) {
  {
    auto store = open();
    in_transaction(store->db(), [&] {
      EXPECT_EQ(store->room_rev("kiosk-1", "aaa"), 1);
      EXPECT_EQ(store->room_rev("kiosk-1", "aaa"), 1);
      EXPECT_EQ(store->room_rev("kiosk-1", "bbb"), 2);
    });
  }
  auto store = open();
  in_transaction(store->db(), [&] { EXPECT_EQ(store->room_rev("kiosk-1", "aaa"), 3); });
}

TEST_P(StoreTest, CorrectionsPurchasesAndClosedYears) {
  auto store = open();
  in_transaction(store->db(), [&] {
    store->insert_session(gg_session("s1"));
    const auto id =
        store->insert_correction({0, "s1", "p-4", "add", "eidsvoll", std::nullopt, "fh-3",
                                  "Held on video", "kari", "2026-03-28T10:00:00.000Z"});
    EXPECT_GT(id, 0);
    store->insert_purchase({0, 2026, "nes", 1250, "Q1", "kari", "2026-03-28T10:00:00.000Z"});
    store->close_year(2025, {{"nes", 1, 2, 3, 4, 500}}, "kari", "2026-01-10T10:00:00.000Z");
  });
  const auto corrections = store->corrections(2026, "eidsvoll");
  ASSERT_EQ(corrections.size(), 1U);
  EXPECT_EQ(corrections[0].reason, "Held on video");
  EXPECT_TRUE(store->corrections(2025, std::nullopt).empty());
  ASSERT_EQ(store->purchases(2026).size(), 1U);
  EXPECT_EQ(store->purchases(2026)[0].hundredths, 1250);
  EXPECT_TRUE(store->year_closed(2025));
  EXPECT_FALSE(store->year_closed(2026));
  ASSERT_EQ(store->frozen_usage(2025).size(), 1U);
  EXPECT_EQ(store->frozen_usage(2025)[0].purchased_hundredths, 500);
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreTest,
                         ::testing::Values(Backend::sqlite, Backend::postgresql),
                         testing::backend_name);

}  // namespace
}  // namespace tavla::host::storage
