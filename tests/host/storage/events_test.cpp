// The event table and quarantine, on SQLite and PostgreSQL.
#include "tavla/host/storage/events.hpp"

#include <gtest/gtest.h>

#include "repository_fixture.hpp"

namespace tavla::host::storage {
namespace {

class EventsTest : public RepositoryTest {};

TEST_P(EventsTest, InsertEventIsIdempotentById) {
  auto repos = open();
  const StoredEvent e{"ev-00000000000001", "kiosk-1", "e1", 1,    "2026-03-27T08:00:00.000Z",
                      "session.closed",    "s1",      "{}", false};
  in_transaction(repos->db(), [&](Transaction& tx) {
    EXPECT_TRUE(repos->events().insert(tx, e, "2026-03-27T08:00:01.000Z"));
    EXPECT_FALSE(repos->events().insert(tx, e, "2026-03-27T08:00:02.000Z"));
  });
  EXPECT_TRUE(repos->events().is_stored(e.id));
}

TEST_P(EventsTest, QuarantineKeepsReasonAndBoundedRawBytes) {
  auto repos = open();
  const std::string big(kQuarantineRawBytes + 100, 'x');
  in_transaction(repos->db(), [&](Transaction& tx) {
    repos->events().quarantine(
        tx, {0, "2026-03-27T08:00:00.000Z", "tavla/v1/s/d/events", "d", std::nullopt, std::nullopt,
             std::nullopt, 0, std::string("\xff\x00 bin", 6), "not json"});
    repos->events().quarantine(
        tx, {0, "2026-03-27T08:00:00.000Z", "t", std::nullopt, "id-1234567890123456", std::nullopt,
             std::nullopt, 0, big, "too large"});
  });
  const auto entries = repos->events().quarantine_entries(10);
  ASSERT_EQ(entries.size(), 2U);
  EXPECT_EQ(entries[1].raw, std::string("\xff\x00 bin", 6));
  EXPECT_EQ(entries[1].reason, "not json");
  EXPECT_EQ(entries[0].raw.size(), kQuarantineRawBytes);
  EXPECT_EQ(entries[0].size, static_cast<std::int64_t>(big.size()));
  EXPECT_TRUE(repos->events().is_known("id-1234567890123456"));  // in quarantine only
}

TEST_P(EventsTest, QuarantineKeepsTheCodeAndTellsWhereAnIdIsKept) {
  auto repos = open();
  const StoredEvent stored{"ev-00000000000001", "kiosk-1", "e1", 1,    "2026-03-27T08:00:00.000Z",
                           "session.closed",    "s1",      "{}", false};
  in_transaction(repos->db(), [&](Transaction& tx) {
    repos->events().insert(tx, stored, "2026-03-27T08:00:01.000Z");
    repos->events().quarantine(tx, {0, "2026-03-27T08:00:00.000Z", "t", "kiosk-1",
                                    "ev-00000000000002", "e1", 2, 0, "{}", "who?", "not_a_member"});
    repos->events().quarantine(
        tx, {0, "2026-03-27T08:00:00.000Z", "t", "kiosk-1", std::nullopt, std::nullopt,
             std::nullopt, 0, "{", "invalid_json [x]", "invalid_json"});
  });
  const auto in_table = repos->events().find_kept("ev-00000000000001");
  ASSERT_TRUE(in_table);
  EXPECT_FALSE(in_table->quarantined);
  EXPECT_EQ(in_table->code, "");
  const auto in_quarantine = repos->events().find_kept("ev-00000000000002");
  ASSERT_TRUE(in_quarantine);
  EXPECT_TRUE(in_quarantine->quarantined);
  EXPECT_EQ(in_quarantine->code, "not_a_member");
  EXPECT_FALSE(repos->events().find_kept("ev-00000000000003"));
  const auto entries = repos->events().quarantine_entries(10);
  ASSERT_EQ(entries.size(), 2U);
  EXPECT_EQ(entries[0].code, "invalid_json");
  EXPECT_EQ(entries[1].code, "not_a_member");
}

INSTANTIATE_TEST_SUITE_P(Backends, EventsTest,
                         ::testing::Values(Backend::sqlite, Backend::postgresql),
                         testing::backend_name);

}  // namespace
}  // namespace tavla::host::storage
