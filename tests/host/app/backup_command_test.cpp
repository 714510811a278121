// `tavla-host backup` as a real process, and the restore the operator guide
// describes: copy the backup over a database file and the reports are the
// same as before.
#include <gtest/gtest.h>

#include "host_fixture.hpp"
#include "tavla/host/config/load.hpp"
#include "tavla/testing/process.hpp"
#include "tavla/testing/programs.hpp"

namespace tavla::host::testing {
namespace {

using tavla::testing::program_argv;
using tavla::testing::read_file;
using tavla::testing::RunResult;
using tavla::testing::TempDir;

RunResult host(const std::vector<std::string>& args) {
  return tavla::testing::run(program_argv(TAVLA_HOST, args));
}

// The reports an operator reads, as csv.
std::string reports(const std::filesystem::path& config) {
  std::string all;
  for (const std::vector<std::string>& command :
       {std::vector<std::string>{"usage", "--year", "2026"},
        {"usage", "--year", "2026", "--monthly"},
        {"attendance", "list"},
        {"purchases", "list", "--year", "2026"},
        {"quarantine", "list"}}) {
    auto args = command;
    args.insert(args.end(), {"--config", config.string(), "--format", "csv"});
    const auto r = host(args);
    EXPECT_EQ(r.exit_code, 0) << command[0] << ": " << r.err;
    all += r.out;
  }
  return all;
}

// A site database with kiosk events, a quarantined message, a correction
// and a purchase.
std::filesystem::path make_site_with_history(const TempDir& dir) {
  auto config = write_example_site(dir, database_url(Backend::sqlite, dir));
  // Hours are bought by the plan's purchases part.
  tavla::testing::write_file(config, read_file(config) +
                                         "[[plan.part]]\nname = \"Individuell veiledning\"\n"
                                         "amount = 927666\nkey = \"purchases\"\nrate = 1450\n"
                                         "remainder_key = \"population\"\n");
  {
    const auto site = config::load_site(config);
    storage::Repositories repos(site.database_url);
    ingest::Processor processor(
        repos, site, [] { return *protocol::parse_timestamp("2026-03-27T12:00:00.000Z"); });
    EventMaker kiosk("kiosk-1", "epoch-0001");
    std::vector<ingest::Message> batch;
    for (const auto& e :
         {kiosk.opened("s-1", "gv-1"), kiosk.checked_in("s-1", "p-1", "nannestad", "fh-1"),
          kiosk.checked_in("s-1", "p-3", "hurdal", "fh-2"), kiosk.guest("s-1", "eidsvoll"),
          kiosk.closed("s-1")}) {
      batch.push_back(message(e));
    }
    batch.push_back({events_topic("kiosk-1"), "{not json"});
    processor.process(batch);
  }
  const auto add =
      host({"attendance", "add", "--config", config.string(), "--session", "s-1", "--participant",
            "p-4", "--reason", "Kom sent, ikke sjekket inn", "--by", "test"});
  EXPECT_EQ(add.exit_code, 0) << add.err;
  const auto bought = host({"purchases", "add", "--config", config.string(), "--year", "2026",
                            "--municipality", "nes", "--hours", "12,5", "--by", "test"});
  EXPECT_EQ(bought.exit_code, 0) << bought.err;
  return config;
}

TEST(BackupCommand, RestoredCopyGivesTheSameReports) {
  TempDir site_dir;
  const auto config = make_site_with_history(site_dir);
  const auto original = reports(config);
  ASSERT_NE(original.find("nannestad,2026,1,1,"), std::string::npos) << original;

  TempDir backups;
  const auto backup = host({"backup", "--config", config.string(), (backups / "host.db").string()});
  ASSERT_EQ(backup.exit_code, 0) << backup.err;
  EXPECT_NE(backup.err.find("integrity_check ok"), std::string::npos) << backup.err;

  // Restore on another machine (or path): the backup file becomes the
  // database file of a site whose files are otherwise the same.
  TempDir restored_dir;
  const auto restored_db = restored_dir / "host.db";
  std::filesystem::copy_file(backups / "host.db", restored_db);
  const auto restored = write_example_site(restored_dir, "sqlite:" + restored_db.string());
  EXPECT_EQ(reports(restored), original);
  const auto db = storage::open_database("sqlite:" + restored_db.string());
  EXPECT_EQ(db->query("PRAGMA integrity_check").at(0).str(0), "ok");
}

TEST(BackupCommand, RefusesAnExistingFileUnlessForced) {
  TempDir site_dir;
  const auto config = make_site_with_history(site_dir);
  TempDir backups;
  const auto file = (backups / "host.db").string();
  ASSERT_EQ(host({"backup", "--config", config.string(), file}).exit_code, 0);
  const auto first = read_file(file);

  const auto again = host({"backup", "--config", config.string(), file});
  EXPECT_NE(again.exit_code, 0);
  EXPECT_NE(again.err.find("--force"), std::string::npos) << again.err;
  EXPECT_EQ(read_file(file), first);

  const auto forced = host({"backup", "--config", config.string(), "--force", file});
  EXPECT_EQ(forced.exit_code, 0) << forced.err;
}

TEST(BackupCommand, APostgresqlSiteIsPointedToPgDump) {
  TempDir dir;
  const auto config = write_example_site(dir, "postgresql://tavla@127.0.0.1:1/tavla");
  const auto r = host({"backup", "--config", config.string(), (dir / "host.db").string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("pg_dump"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(dir / "host.db"));
}

TEST(BackupCommand, NeedsAFileName) {
  TempDir dir;
  const auto config = write_example_site(dir, database_url(Backend::sqlite, dir));
  const auto r = host({"backup", "--config", config.string()});
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.err.find("FILE"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace tavla::host::testing
