// Opening and migrating, and the repositories of what people record and
// publish (rooms, corrections, purchases, closed years), on SQLite and
// PostgreSQL.
#include "tavla/host/storage/repositories.hpp"

#include <gtest/gtest.h>

#include "repository_fixture.hpp"
#include "tavla/host/storage/migrations.hpp"

namespace tavla::host::storage {
namespace {

class RepositoriesTest : public RepositoryTest {};

StoredSession gg_session(const std::string& id) {
  return {id,   "gv-1", "group_guidance", "kiosk-1",   "Samling", "2026-03-27T08:00:00.000Z",
          2026, 3,      "ev-" + id,       std::nullopt};
}

TEST_P(RepositoriesTest, MigratesOnceAndReopens) {
  { auto repos = open(); }
  auto repos = open();
  EXPECT_EQ(migrate(repos->db()), latest_schema_version());  // found: already current
}

// A database of schema version 1 (no quarantine codes): after the upgrade,
// the entries an older host made for an event type it did not know carry
// unknown_type; the others have no code.
TEST_P(RepositoriesTest, UpgradeGivesOldUnknownTypeEntriesTheirCode) {
  {
    auto repos = open();
    repos->db().script(  // back to version 1
        "DROP INDEX quarantine_code; ALTER TABLE quarantine DROP COLUMN code; "
        "ALTER TABLE device_status DROP COLUMN versions; "
        "ALTER TABLE purchases DROP COLUMN removed_by; "
        "ALTER TABLE purchases DROP COLUMN removed_at; "
        "ALTER TABLE purchases DROP COLUMN removed_reason; "
        "DROP TABLE registry; DROP TABLE registry_mismatches; "
        "DROP TABLE pin_verifiers; "
        "DROP TABLE frozen_figures; DROP TABLE provisional_issued; DROP TABLE year_reopenings; "
        "DROP TABLE clock_flags; "
        "DELETE FROM schema_migrations WHERE version > 1");
    repos->db().script(
        "INSERT INTO quarantine (received_at, topic, size, raw_hex, reason) VALUES "
        "('2026-03-27T08:00:00.000Z', 't', 2, '7b7d', "
        "'type: attendance.teleported is not an event type [unknown_type]'), "
        "('2026-03-27T08:00:00.000Z', 't', 2, '7b7d', 'not json [invalid_json]'), "
        "('2026-03-27T08:00:00.000Z', 't', 2, '7b7d', 'unknown device ''kiosk-9''')");
  }
  auto repos = open();
  const auto entries = repos->events().quarantine_entries(10);
  ASSERT_EQ(entries.size(), 3U);
  EXPECT_EQ(entries[2].code, "unknown_type");
  EXPECT_EQ(entries[1].code, "");
  EXPECT_EQ(entries[0].code, "");
}

TEST_P(RepositoriesTest, AWriteThroughAnotherDatabasesTransactionIsRefused) {
  auto repos = open();
  tavla::testing::TempDir other_dir;
  Repositories other(testing::database_url(Backend::sqlite, other_dir));
  EXPECT_THROW(
      in_transaction(other.db(),
                     [&](Transaction& tx) { (void)repos->rooms().room_rev(tx, "k", "d"); }),
      DatabaseError);
  in_transaction(repos->db(), [&](Transaction& tx) {
    EXPECT_EQ(repos->rooms().room_rev(tx, "kiosk-1", "aaa"), 1);  // nothing was written before
  });
}

TEST_P(RepositoriesTest, RoomRevisionGrowsOnlyWithChangesAndSurvivesReopening) {
  {
    auto repos = open();
    in_transaction(repos->db(), [&](Transaction& tx) {
      EXPECT_EQ(repos->rooms().room_rev(tx, "kiosk-1", "aaa"), 1);
      EXPECT_EQ(repos->rooms().room_rev(tx, "kiosk-1", "aaa"), 1);
      EXPECT_EQ(repos->rooms().room_rev(tx, "kiosk-1", "bbb"), 2);
    });
  }
  auto repos = open();
  in_transaction(repos->db(), [&](Transaction& tx) {
    EXPECT_EQ(repos->rooms().room_rev(tx, "kiosk-1", "aaa"), 3);
  });
}

TEST_P(RepositoriesTest, CorrectionsPurchasesAndClosedYears) {
  auto repos = open();
  in_transaction(repos->db(), [&](Transaction& tx) {
    repos->attendance().insert_session(tx, gg_session("s1"));
    const auto id =
        repos->corrections().insert(tx, {0, "s1", "p-4", "add", "eidsvoll", std::nullopt, "fh-3",
                                         "Held on video", "kari", "2026-03-28T10:00:00.000Z"});
    EXPECT_GT(id, 0);
    repos->purchases().insert(tx, {0, 2026, "nes", 1250, "Q1", "kari", "2026-03-28T10:00:00.000Z"});
    repos->usage().close_year(tx, 2025, {{"nes", 1, 2, 3, 4, 500}}, "kari",
                              "2026-01-10T10:00:00.000Z");
  });
  const auto corrections = repos->corrections().list(2026, "eidsvoll");
  ASSERT_EQ(corrections.size(), 1U);
  EXPECT_EQ(corrections[0].reason, "Held on video");
  EXPECT_TRUE(repos->corrections().list(2025, std::nullopt).empty());
  ASSERT_EQ(repos->purchases().list(2026).size(), 1U);
  EXPECT_EQ(repos->purchases().list(2026)[0].hundredths, 1250);
  const auto id = repos->purchases().list(2026)[0].id;
  const auto remove = [&] {
    return in_transaction(repos->db(), [&](Transaction& tx) {
      return repos->purchases().remove(tx, id, "ola", "2026-03-29T10:00:00.000Z", "Wrong year");
    });
  };
  EXPECT_TRUE(remove());
  EXPECT_FALSE(remove()) << "removed once only";
  EXPECT_TRUE(repos->purchases().list(2026).empty());
  ASSERT_EQ(repos->purchases().list(2026, true).size(), 1U);
  EXPECT_EQ(repos->purchases().find(id)->removed_reason, "Wrong year");
  EXPECT_EQ(repos->purchases().find(id)->removed_by, "ola");
  EXPECT_EQ(repos->purchases().find(id)->made_by, "kari");
  EXPECT_TRUE(repos->usage().is_year_closed(2025));
  EXPECT_FALSE(repos->usage().is_year_closed(2026));
  ASSERT_EQ(repos->usage().frozen_usage(2025).size(), 1U);
  EXPECT_EQ(repos->usage().frozen_usage(2025)[0].purchased_hundredths, 500);
}

INSTANTIATE_TEST_SUITE_P(Backends, RepositoriesTest,
                         ::testing::Values(Backend::sqlite, Backend::postgresql),
                         testing::backend_name);

}  // namespace
}  // namespace tavla::host::storage
