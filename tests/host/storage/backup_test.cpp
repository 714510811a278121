// storage::backup_database: the copy is one consistent state of the
// database, also while another connection keeps committing, and it never
// replaces a file or creates a database by accident.
#include "tavla/host/storage/backup.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "host_fixture.hpp"
#include "tavla/host/config/load.hpp"
#include "tavla/testing/process.hpp"

namespace tavla::host::storage {
namespace {

using tavla::testing::read_file;
using tavla::testing::TempDir;
using tavla::testing::write_file;
using namespace std::chrono_literals;

constexpr std::int64_t kEventsPerBatch = 4;  // an opened session and three check-ins

protocol::Timestamp fixed_now() {
  return *protocol::parse_timestamp("2026-03-27T12:00:00.000Z");
}

// One transaction: a new session with three foster homes checked in.
void commit_session(ingest::Processor& processor, host::testing::EventMaker& kiosk, int n) {
  const std::string session = "s-" + std::to_string(n);
  std::vector<ingest::Message> batch;
  for (const auto& e :
       {kiosk.opened(session, "gv-1"), kiosk.checked_in(session, "p-1", "nannestad", "fh-1"),
        kiosk.checked_in(session, "p-3", "hurdal", "fh-2"),
        kiosk.checked_in(session, "p-4", "eidsvoll", "fh-3")}) {
    batch.push_back(host::testing::message(e));
  }
  processor.process(batch);
}

std::int64_t count(Database& db, const std::string& table) {
  return db.query("SELECT count(*) FROM " + table).at(0).i64(0);
}

class BackupTest : public ::testing::Test {
 protected:
  void SetUp() override {
    site_ = config::load_site(host::testing::write_example_site(
        dir_, host::testing::database_url(host::testing::Backend::sqlite, dir_)));
  }
  [[nodiscard]] std::string database_file() const { return site_.database_url.substr(7); }

  TempDir dir_;
  config::Site site_;
};

TEST_F(BackupTest, CopyIsOneConsistentStateWhileAWriterCommits) {
  std::atomic<int> committed{0};
  std::atomic<bool> stop{false};
  std::thread writer([&] {
    Repositories repos(site_.database_url);
    ingest::Processor processor(repos, site_, fixed_now);
    host::testing::EventMaker kiosk("kiosk-1", "epoch-0001");
    for (int n = 1; n <= 5000 && !stop; ++n) {
      commit_session(processor, kiosk, n);
      committed = n;
    }
  });
  ASSERT_TRUE(tavla::testing::eventually([&] { return committed >= 5; }, 60s));
  const int before = committed;
  const auto result = backup_database(site_.database_url, dir_ / "backup.db");
  const int after = committed;
  stop = true;
  writer.join();
  ASSERT_LT(after, 5000) << "the writer finished before the backup did";

  EXPECT_EQ(result.file, dir_ / "backup.db");
  EXPECT_EQ(result.bytes, std::filesystem::file_size(dir_ / "backup.db"));
  // One self-contained file: a rollback-journal database (header bytes 18
  // and 19 are 1; WAL would be 2), with no -wal beside it.
  const auto header = read_file(dir_ / "backup.db").substr(0, 20);
  EXPECT_EQ(header.substr(0, 16), std::string("SQLite format 3\0", 16));
  EXPECT_EQ(header[18], 1);
  EXPECT_EQ(header[19], 1);
  EXPECT_FALSE(std::filesystem::exists(dir_ / "backup.db-wal"));
  const auto copy = open_database("sqlite:" + (dir_ / "backup.db").string());
  EXPECT_EQ(copy->query("PRAGMA integrity_check").at(0).str(0), "ok");
  const auto events = count(*copy, "events");
  EXPECT_EQ(events, result.events);
  // Whole transactions only, and the aggregates match their facts.
  EXPECT_EQ(events % kEventsPerBatch, 0);
  const auto sessions = events / kEventsPerBatch;
  EXPECT_GE(sessions, before);
  EXPECT_LE(sessions, after);
  EXPECT_EQ(count(*copy, "sessions"), sessions);
  EXPECT_EQ(count(*copy, "units"), 3 * sessions);
}

TEST_F(BackupTest, NeverReplacesAFileUnlessForced) {
  {
    Repositories repos(site_.database_url);
    ingest::Processor processor(repos, site_, fixed_now);
    host::testing::EventMaker kiosk("kiosk-1", "epoch-0001");
    commit_session(processor, kiosk, 1);
  }
  write_file(dir_ / "taken.db", "someone else's file");
  EXPECT_THROW(backup_database(site_.database_url, dir_ / "taken.db"), BackupError);
  EXPECT_EQ(read_file(dir_ / "taken.db"), "someone else's file");

  const auto result = backup_database(site_.database_url, dir_ / "taken.db", true);
  EXPECT_EQ(result.events, kEventsPerBatch);
  EXPECT_EQ(open_database("sqlite:" + (dir_ / "taken.db").string())
                ->query("PRAGMA integrity_check")
                .at(0)
                .str(0),
            "ok");
  // No temporary copies left behind.
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir_.path())) {
    EXPECT_EQ(entry.path().filename().string().find(".partial-"), std::string::npos)
        << entry.path();
    ++files;
  }
  EXPECT_GT(files, 0);
}

TEST_F(BackupTest, RefusesTheDatabaseItselfAsTarget) {
  { Repositories repos(site_.database_url); }
  const auto size = std::filesystem::file_size(database_file());
  EXPECT_THROW(backup_database(site_.database_url, database_file(), true), BackupError);
  EXPECT_EQ(std::filesystem::file_size(database_file()), size);
}

TEST_F(BackupTest, AMissingDatabaseIsAnErrorNotANewFile) {
  try {
    (void)backup_database(site_.database_url, dir_ / "backup.db");
    FAIL() << "no error";
  } catch (const BackupError& e) {
    EXPECT_NE(std::string(e.what()).find("no database"), std::string::npos) << e.what();
  }
  EXPECT_FALSE(std::filesystem::exists(database_file()));
  EXPECT_FALSE(std::filesystem::exists(dir_ / "backup.db"));
}

TEST(Backup, PostgresqlIsBackedUpWithPgDump) {
  TempDir dir;
  try {
    (void)backup_database("postgresql://tavla@127.0.0.1:1/tavla", dir / "backup.db");
    FAIL() << "no error";
  } catch (const BackupError& e) {
    EXPECT_NE(std::string(e.what()).find("pg_dump"), std::string::npos) << e.what();
  }
  EXPECT_FALSE(std::filesystem::exists(dir / "backup.db"));
}

}  // namespace
}  // namespace tavla::host::storage
