// Tap-to-durable latency: Kiosk::execute(CheckInGuest) including its fsync,
// beside a bare single-row SQLite commit with WAL + synchronous=FULL on the
// same disk in the same run (the physical floor).
//
// usage: tavla_bench_kiosk_checkin [N] [DIR]
#include <sqlite3.h>

#include <cstdio>
#include <iostream>
#include <string>

#include "percentiles.hpp"
#include "tavla/kiosk/kiosk.hpp"
#include "tavla/kiosk/store.hpp"
#include "tavla/protocol/codec.hpp"
#include "tavla/testing/kiosk_fixtures.hpp"
#include "tavla/testing/temp_dir.hpp"

namespace {

using Clock = std::chrono::steady_clock;
using tavla::bench::Micros;

std::vector<Micros> bare_sqlite(const std::filesystem::path& path, int n) {
  sqlite3* db = nullptr;
  sqlite3_open(path.c_str(), &db);
  sqlite3_exec(db,
               "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"
               "CREATE TABLE t(id INTEGER PRIMARY KEY, payload TEXT NOT NULL);",
               nullptr, nullptr, nullptr);
  sqlite3_stmt* insert = nullptr;
  sqlite3_prepare_v2(db, "INSERT INTO t(payload) VALUES(?)", -1, &insert, nullptr);
  const std::string payload(300, 'x');  // about one encoded check-in event
  std::vector<Micros> samples;
  for (int i = 0; i < n; ++i) {
    const auto start = Clock::now();
    sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
    sqlite3_bind_text(insert, 1, payload.data(), static_cast<int>(payload.size()), SQLITE_STATIC);
    sqlite3_step(insert);
    sqlite3_reset(insert);
    sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    samples.emplace_back(Clock::now() - start);
  }
  sqlite3_finalize(insert);
  sqlite3_close(db);
  return samples;
}

std::vector<Micros> kiosk_checkins(const std::filesystem::path& dir, int n) {
  using namespace tavla;
  std::filesystem::create_directories(dir);
  const auto config = testing::kiosk_config(dir, "tcp://127.0.0.1:1");
  {
    kiosk::Store store(dir / "kiosk.db", config.device, "EPOCH-0000000001");
    store.save_config(kiosk::StoredConfig{1, protocol::encode(testing::room_config(1))});
  }
  kiosk::SystemClock clock;
  kiosk::SystemRandom random;
  // No transport: this measures the core's path to durable, not the network.
  kiosk::Kiosk kiosk(config, kiosk::Kiosk::Dependencies{clock, random, nullptr, {}});
  const auto opened = kiosk.execute(kiosk::OpenSession{"gv", testing::kLeaderPin, {}, {}});
  const auto session = std::get<kiosk::Done>(opened).subject;
  const protocol::Affiliation hurdal{protocol::Affiliation::Kind::municipality, "hurdal"};
  std::vector<Micros> samples;
  for (int i = 0; i < n; ++i) {
    const auto start = Clock::now();
    const auto outcome = kiosk.execute(kiosk::CheckInGuest{session, hurdal});
    samples.emplace_back(Clock::now() - start);
    if (!std::holds_alternative<kiosk::Done>(outcome)) {
      std::cerr << "check-in refused\n";
      std::exit(1);
    }
  }
  return samples;
}

void report(const char* what, const std::vector<Micros>& samples) {
  std::printf("%-44s n=%zu  p50=%8.1f us  p99=%8.1f us  max=%8.1f us\n", what, samples.size(),
              tavla::bench::percentile_us(samples, 50), tavla::bench::percentile_us(samples, 99),
              tavla::bench::percentile_us(samples, 100));
}

}  // namespace

int main(int argc, char** argv) {
  const int n = argc > 1 ? std::stoi(argv[1]) : 2000;
  tavla::testing::TempDir dir("tavla-bench-checkin");
  const auto base = argc > 2 ? std::filesystem::path(argv[2]) : dir.path();
  std::filesystem::create_directories(base / "kiosk");
  std::filesystem::create_directories(base / "bare");
  // Alternate halves so drifting disk load hits both alike.
  std::vector<Micros> kiosk_all;
  std::vector<Micros> bare_all;
  for (int round = 0; round < 2; ++round) {
    auto b = bare_sqlite(base / "bare" / ("bare" + std::to_string(round) + ".db"), n / 2);
    bare_all.insert(bare_all.end(), b.begin(), b.end());
    auto k = kiosk_checkins(base / "kiosk" / std::to_string(round), n / 2);
    kiosk_all.insert(kiosk_all.end(), k.begin(), k.end());
  }
  report("bare SQLite 1-row commit (WAL, FULL)", bare_all);
  report("Kiosk::execute(CheckInGuest) to durable", kiosk_all);
  return 0;
}
