// Seqs, epochs and statuses per device, on SQLite and PostgreSQL.
#include "tavla/host/storage/devices.hpp"

#include <gtest/gtest.h>

#include <set>

#include "repository_fixture.hpp"

namespace tavla::host::storage {
namespace {

class DevicesTest : public RepositoryTest {};

TEST_P(DevicesTest, SequenceGapsPerDeviceAndEpoch) {
  auto repos = open();
  in_transaction(repos->db(), [&](Transaction& tx) {
    for (const std::int64_t seq : {1, 2, 3, 6, 7, 10, 3}) {
      repos->devices().note_seq(tx, "kiosk-1", "e1", seq, "2026-03-27T08:00:00.000Z");
    }
    repos->devices().note_seq(tx, "kiosk-1", "e2", 1, "2026-03-28T08:00:00.000Z");
  });
  const auto epochs = repos->devices().device_epochs();
  ASSERT_EQ(epochs.size(), 2U);
  EXPECT_EQ(epochs[0].max_seq, 10);
  EXPECT_EQ(epochs[0].received, 6);
  EXPECT_EQ(epochs[0].missing(), 4);
  const auto gaps = repos->devices().gaps("kiosk-1", "e1", 10);
  ASSERT_EQ(gaps.size(), 2U);
  EXPECT_EQ(gaps[0].first, 4);
  EXPECT_EQ(gaps[0].last, 5);
  EXPECT_EQ(gaps[1].first, 8);
  EXPECT_EQ(gaps[1].last, 9);
  EXPECT_EQ(epochs[1].missing(), 0);
}

// note_seqs over many rows (several multi-row statements), repeats and two
// epochs, some seqs already noted: the same as note_seq for each in turn.
TEST_P(DevicesTest, NoteSeqsInOneCallEqualsOneAtATime) {
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
  in_transaction(batched->db(),
                 [&](Transaction& tx) { batched->devices().note_seqs(tx, before, at); });
  in_transaction(batched->db(),
                 [&](Transaction& tx) { batched->devices().note_seqs(tx, notes, later); });
  // Only repeats: nothing counts, but the epoch was seen.
  in_transaction(batched->db(), [&](Transaction& tx) {
    batched->devices().note_seqs(tx, {{"kiosk-2", "e9", 1}}, "2026-03-27T10:00:00.000Z");
  });

  tavla::testing::TempDir other_dir;
  Repositories single(testing::database_url(GetParam(), other_dir));
  in_transaction(single.db(), [&](Transaction& tx) {
    for (const auto& n : before) {
      single.devices().note_seq(tx, n.device, n.epoch, n.seq, at);
    }
  });
  in_transaction(single.db(), [&](Transaction& tx) {
    for (const auto& n : notes) {
      single.devices().note_seq(tx, n.device, n.epoch, n.seq, later);
    }
  });
  in_transaction(single.db(), [&](Transaction& tx) {
    single.devices().note_seq(tx, "kiosk-2", "e9", 1, "2026-03-27T10:00:00.000Z");
  });

  const auto epochs = batched->devices().device_epochs();
  const auto expected = single.devices().device_epochs();
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
  const auto gaps = batched->devices().gaps("kiosk-1", "e1", 1000);
  const auto expected_gaps = single.devices().gaps("kiosk-1", "e1", 1000);
  ASSERT_EQ(gaps.size(), expected_gaps.size());
  for (std::size_t i = 0; i < gaps.size(); ++i) {
    EXPECT_EQ(gaps[i].first, expected_gaps[i].first);
    EXPECT_EQ(gaps[i].last, expected_gaps[i].last);
  }
}

// The room-config versions a status announces are kept; the will (offline,
// announcing nothing) keeps them, an online status without any clears them.
TEST_P(DevicesTest, AStatusKeepsTheVersionsItAnnounced) {
  auto repos = open();
  const auto update = [&](bool online, std::optional<std::vector<std::uint64_t>> versions) {
    in_transaction(repos->db(), [&](Transaction& tx) {
      repos->devices().update_status(tx, {"kiosk-1", online, "0.2.0", 0, true, std::nullopt,
                                          "2026-03-27T08:00:00.000Z", std::move(versions)});
    });
  };
  EXPECT_EQ(repos->devices().announced_versions("kiosk-1"), std::nullopt);
  update(true, std::vector<std::uint64_t>{1, 2, 17});
  EXPECT_EQ(repos->devices().announced_versions("kiosk-1"), (std::vector<std::uint64_t>{1, 2, 17}));
  update(false, std::nullopt);
  EXPECT_EQ(repos->devices().announced_versions("kiosk-1"), (std::vector<std::uint64_t>{1, 2, 17}));
  EXPECT_EQ(repos->devices().statuses().at(0).versions, (std::vector<std::uint64_t>{1, 2, 17}));
  update(true, std::nullopt);
  EXPECT_EQ(repos->devices().announced_versions("kiosk-1"), std::nullopt);
}

INSTANTIATE_TEST_SUITE_P(Backends, DevicesTest,
                         ::testing::Values(Backend::sqlite, Backend::postgresql),
                         testing::backend_name);

}  // namespace
}  // namespace tavla::host::storage
