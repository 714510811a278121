// kill -9 of the real tavla-kiosk at random moments during a burst of
// check-ins, 50 times, against a real mosquitto and a recording host that
// acks like tavla-host. Ground truth: every check-in the program reported
// durable before it was killed. At the end the host has each of them (by
// id; duplicates on the wire are allowed), the epoch's seqs have no gap, and
// the database passes PRAGMA integrity_check.
//
// It also counts where the kills landed: inside a check-in call before its
// commit was durable ("mid-transaction"; the rolled-back check-in was never
// reported, so it is no loss), after the commit but before the report, and
// kills that left uncommitted frames at the end of the WAL (SQLite writing
// the transaction's pages when the process died).
#include <gtest/gtest.h>
#include <signal.h>
#include <sqlite3.h>

#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <thread>

#include "tavla/protocol/codec.hpp"
#include "tavla/testing/kiosk_fixtures.hpp"
#include "tavla/testing/mosquitto_broker.hpp"
#include "tavla/testing/process.hpp"
#include "tavla/testing/temp_dir.hpp"

namespace tavla::testing {
namespace {

using namespace std::chrono_literals;
using nlohmann::json;

constexpr int kKills = 50;

struct DbFacts {
  bool has_schema = false;  // false: killed while the file was being created
  std::set<std::string> checkin_ids;
  std::uint64_t last_seq = 0;
  std::uint64_t rows = 0;
  std::string integrity;
  std::string epoch;
};

DbFacts read_db(const std::filesystem::path& path) {
  DbFacts facts;
  sqlite3* db = nullptr;
  if (sqlite3_open(path.c_str(), &db) != SQLITE_OK) {
    ADD_FAILURE() << "cannot open " << path;
    sqlite3_close(db);
    return facts;
  }
  const auto each = [&](const char* sql, const std::function<void(sqlite3_stmt*)>& row) {
    sqlite3_stmt* stmt = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
    while (sqlite3_step(stmt) == SQLITE_ROW) {
      row(stmt);
    }
    sqlite3_finalize(stmt);
  };
  const auto text = [](sqlite3_stmt* s, int i) {
    const auto* p = sqlite3_column_text(s, i);
    return p == nullptr ? std::string{} : std::string(reinterpret_cast<const char*>(p));
  };
  each("PRAGMA integrity_check", [&](sqlite3_stmt* s) { facts.integrity += text(s, 0); });
  each("SELECT count(*) FROM sqlite_master WHERE name = 'outbox'",
       [&](sqlite3_stmt* s) { facts.has_schema = sqlite3_column_int(s, 0) == 1; });
  if (!facts.has_schema) {
    sqlite3_close(db);
    return facts;
  }
  each("SELECT id FROM outbox WHERE type = 'attendance.checked_in'",
       [&](sqlite3_stmt* s) { facts.checkin_ids.insert(text(s, 0)); });
  each("SELECT count(*), coalesce(max(seq), 0) FROM outbox", [&](sqlite3_stmt* s) {
    facts.rows = static_cast<std::uint64_t>(sqlite3_column_int64(s, 0));
    facts.last_seq = static_cast<std::uint64_t>(sqlite3_column_int64(s, 1));
  });
  each("SELECT value FROM meta WHERE key = 'epoch'",
       [&](sqlite3_stmt* s) { facts.epoch = text(s, 0); });
  sqlite3_close(db);
  return facts;
}

std::uint32_t be32(const std::string& bytes, std::size_t at) {
  std::uint32_t v = 0;
  for (std::size_t i = 0; i < 4; ++i) {
    v = (v << 8U) | static_cast<unsigned char>(bytes[at + i]);
  }
  return v;
}

// True when the WAL ends in frames of a transaction that never committed
// (the last frame whose salts match the header has commit size 0).
bool wal_has_torn_tail(const std::filesystem::path& wal) {
  std::ifstream in(wal, std::ios::binary);
  if (!in) {
    return false;
  }
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  constexpr std::size_t kHeader = 32;
  constexpr std::size_t kFrameHeader = 24;
  if (bytes.size() < kHeader) {
    return false;
  }
  const std::uint32_t page_size = be32(bytes, 8);
  const std::uint32_t salt1 = be32(bytes, 16);
  const std::uint32_t salt2 = be32(bytes, 20);
  bool torn = false;
  for (std::size_t at = kHeader; at + kFrameHeader + page_size <= bytes.size();
       at += kFrameHeader + page_size) {
    if (be32(bytes, at + 8) != salt1 || be32(bytes, at + 12) != salt2) {
      break;  // a frame of an earlier generation of the WAL
    }
    torn = be32(bytes, at + 4) == 0;  // commit size: 0 for a non-final frame
  }
  return torn;
}

struct RunResult {
  std::vector<std::pair<std::string, std::string>> durable;  // event id, participant
  bool killed_in_call = false;                               // the last line is a begin marker
};

RunResult parse_run(const std::filesystem::path& out) {
  RunResult result;
  std::ifstream in(out);
  std::string line;
  bool last_was_begin = false;
  while (std::getline(in, line)) {
    if (line.empty() || line.back() != '}') {
      continue;  // a line cut by the kill
    }
    const auto j = json::parse(line, nullptr, false);
    if (j.is_discarded()) {
      continue;
    }
    last_was_begin = j.value("begin", false);
    if (j.value("do", "") == "check_in_guest" && j.value("durable", false)) {
      result.durable.emplace_back(j.at("events").at(0).get<std::string>(),
                                  j.at("subject").get<std::string>());
    }
  }
  result.killed_in_call = last_was_begin;
  return result;
}

TEST(KioskKill, EveryDurableCheckInArrivesExactlyOnceAfterFiftyKills) {
  TempDir dir("tavla-kill");
  MosquittoBroker broker;
  RecordingHost host(broker.url());
  host.publish_config(protocol::encode(room_config(1)));
  const auto data = dir / "data";
  write_file(dir / "kiosk.toml", kiosk_toml(data, broker.url()));
  write_file(dir / "burst.jsonl",
             "{\"do\":\"wait_config\",\"timeout_ms\":20000}\n"
             "{\"do\":\"open\",\"group\":\"gv\",\"leader\":\"p-lead\",\"pin\":\"" +
                 std::string(kLeaderPin) +
                 "\"}\n"
                 "{\"do\":\"check_in_guest\",\"municipality\":\"hurdal\",\"repeat\":1000000}\n");
  write_file(dir / "drain.jsonl",
             "{\"do\":\"wait_config\",\"timeout_ms\":20000}\n"
             "{\"do\":\"wait_outbox_empty\",\"timeout_ms\":120000}\n");

  const auto seed = std::random_device{}();
  std::mt19937 rng(seed);
  std::uniform_int_distribution<int> delay_ms(0, 400);
  std::set<std::string> reported;
  std::set<std::string> participants;
  int mid_transaction = 0;
  int after_commit_before_report = 0;
  int torn_wal = 0;
  std::size_t extra_before = 0;

  for (int k = 0; k < kKills; ++k) {
    const auto out = dir / ("run-" + std::to_string(k) + ".out");
    {
      Process kiosk(
          {program_argv(TAVLA_KIOSK, {"--config", (dir / "kiosk.toml").string(), "--headless",
                                      "--script", (dir / "burst.jsonl").string(), "--mark-begin"}),
           {},
           out,
           dir / ("run-" + std::to_string(k) + ".err"),
           {}});
      // Even runs: a random moment from the start (startup and database
      // creation included). Odd runs: a random moment once the burst has
      // made its first check-in durable, whatever the start-up took (qemu).
      if (k % 2 == 1) {
        eventually([&] { return read_file(out).find("\"durable\"") != std::string::npos; }, 60s);
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms(rng)));
      ASSERT_TRUE(kiosk.running()) << "the kiosk exited early; see " << out;
      kiosk.kill_hard();
    }
    if (wal_has_torn_tail(data / "kiosk.db-wal")) {
      ++torn_wal;
    }
    const auto run = parse_run(out);
    for (const auto& [id, participant] : run.durable) {
      EXPECT_TRUE(reported.insert(id).second) << "event id reported twice: " << id;
      EXPECT_TRUE(participants.insert(participant).second) << "guest twice: " << participant;
    }
    if (!std::filesystem::exists(data / "kiosk.db")) {
      ASSERT_TRUE(reported.empty()) << "durable check-ins without a database";
      continue;  // killed before the database was made
    }
    const auto db = read_db(data / "kiosk.db");  // recovers the WAL like a restart
    ASSERT_EQ(db.integrity, "ok") << "after kill " << k;
    if (!db.has_schema) {  // killed inside the creating transaction: rolled back
      ASSERT_TRUE(reported.empty()) << "durable check-ins without a schema";
      continue;
    }
    for (const auto& id : reported) {
      ASSERT_TRUE(db.checkin_ids.contains(id)) << "a durable check-in was lost: " << id;
    }
    const std::size_t extra = db.checkin_ids.size() - reported.size();
    if (run.killed_in_call) {
      if (extra > extra_before) {
        ++after_commit_before_report;
      } else {
        ++mid_transaction;
      }
    }
    ASSERT_LE(extra - extra_before, 1U) << "more than one unreported commit in one run";
    extra_before = extra;
  }

  // One more start, undisturbed: it drains the outbox to the host.
  const auto drain =
      run(program_argv(TAVLA_KIOSK, {"--config", (dir / "kiosk.toml").string(), "--headless",
                                     "--script", (dir / "drain.jsonl").string()}),
          "", 180s);
  ASSERT_EQ(drain.exit_code, 0) << drain.out << drain.err;

  const auto db = read_db(data / "kiosk.db");
  EXPECT_EQ(db.integrity, "ok");
  const auto received = host.received();
  std::set<std::string> host_ids;
  std::set<std::uint64_t> seqs;
  std::map<std::string, std::string> participant_of;
  for (const auto& r : received) {
    EXPECT_EQ(r.epoch, db.epoch);
    host_ids.insert(r.id);
    seqs.insert(r.seq);
    if (r.type == "attendance.checked_in") {
      participant_of[r.id] = r.participant;
    }
  }
  for (const auto& id : reported) {
    EXPECT_TRUE(host_ids.contains(id)) << "a durable check-in never reached the host: " << id;
  }
  // Exactly once by id: as many distinct check-ins (and guests) at the host
  // as the database committed; nothing invented, nothing doubled.
  std::set<std::string> guests;
  for (const auto& [id, p] : participant_of) {
    guests.insert(p);
  }
  EXPECT_EQ(participant_of.size(), db.checkin_ids.size());
  EXPECT_EQ(guests.size(), participant_of.size());
  // No gap: every seq 1..last arrived.
  ASSERT_FALSE(seqs.empty());
  EXPECT_EQ(*seqs.begin(), 1U);
  EXPECT_EQ(*seqs.rbegin(), db.last_seq);
  EXPECT_EQ(seqs.size(), db.last_seq);

  std::cout << "kill test (seed " << seed << "): kills=" << kKills
            << " durable_checkins=" << reported.size()
            << " committed_checkins=" << db.checkin_ids.size() << " events=" << db.last_seq
            << " deliveries=" << received.size() << " mid_transaction_kills=" << mid_transaction
            << " after_commit_before_report_kills=" << after_commit_before_report
            << " torn_wal_tail_kills=" << torn_wal << '\n';
  ::testing::Test::RecordProperty("seed", std::to_string(seed));
  ::testing::Test::RecordProperty("kills", kKills);
  ::testing::Test::RecordProperty("durable_checkins", static_cast<int>(reported.size()));
  ::testing::Test::RecordProperty("mid_transaction_kills", mid_transaction);
  ::testing::Test::RecordProperty("after_commit_before_report_kills", after_commit_before_report);
  ::testing::Test::RecordProperty("torn_wal_tail_kills", torn_wal);
  EXPECT_GT(reported.size(), static_cast<std::size_t>(kKills));  // the burst really ran
}

}  // namespace
}  // namespace tavla::testing
