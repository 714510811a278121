// Tap-to-durable latency: Kiosk::execute(CheckInGuest) including its fsync,
// beside a bare single-row SQLite commit with WAL + synchronous=FULL on the
// same disk in the same run (the physical floor). The two alternate sample
// by sample, so a shared disk's changing load hits both alike.
//
// usage: tavla_bench_kiosk_checkin [N] [DIR]
#include <sqlite3.h>

#include <cstdio>
#include <iostream>
#include <string>

#include "percentiles.hpp"
#include "tavla/kiosk/kiosk.hpp"
#include "tavla/kiosk/local_store.hpp"
#include "tavla/protocol/codec.hpp"
#include "tavla/testing/kiosk_fixtures.hpp"
#include "tavla/testing/temp_dir.hpp"

namespace {

using Clock = std::chrono::steady_clock;
using tavla::bench::Micros;
namespace kiosk = tavla::kiosk;
namespace protocol = tavla::protocol;
namespace testing = tavla::testing;

class BareCommit {
 public:
  explicit BareCommit(const std::filesystem::path& path) {
    sqlite3_open(path.c_str(), &db_);
    sqlite3_exec(db_,
                 "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"
                 "CREATE TABLE t(id INTEGER PRIMARY KEY, payload TEXT NOT NULL);",
                 nullptr, nullptr, nullptr);
    sqlite3_prepare_v2(db_, "INSERT INTO t(payload) VALUES(?)", -1, &insert_, nullptr);
  }
  ~BareCommit() {
    sqlite3_finalize(insert_);
    sqlite3_close(db_);
  }
  BareCommit(const BareCommit&) = delete;
  BareCommit& operator=(const BareCommit&) = delete;

  Micros sample() {
    const auto start = Clock::now();
    sqlite3_exec(db_, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
    sqlite3_bind_text(insert_, 1, payload_.data(), static_cast<int>(payload_.size()),
                      SQLITE_STATIC);
    sqlite3_step(insert_);
    sqlite3_reset(insert_);
    sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr);
    return Clock::now() - start;
  }

 private:
  sqlite3* db_ = nullptr;
  sqlite3_stmt* insert_ = nullptr;
  std::string payload_ = std::string(300, 'x');  // about one encoded check-in event
};

class KioskCheckIns {
 public:
  explicit KioskCheckIns(const std::filesystem::path& dir)
      : config_(provision(dir)),
        // No broker link: this measures the core's path to durable, not the network.
        kiosk_(config_, kiosk::Kiosk::Dependencies{clock_, random_, nullptr, {}}) {}

  Micros sample() {
    // A group of 40 per session, as in a real room: the store rewrites the
    // domain state (which holds who is present) with every check-in, so one
    // endless session would measure an unrealistically large state.
    if (count_++ % 40 == 0) {
      if (!session_.empty()) {
        kiosk_.execute(kiosk::CloseSession{session_, "p-lead", testing::kLeaderPin});
      }
      session_ = std::get<kiosk::Done>(kiosk_.execute(kiosk::OpenSession{
                                           "gv", "p-lead", testing::kLeaderPin, {}, {}}))
                     .subject;
    }
    const auto start = Clock::now();
    const auto outcome = kiosk_.execute(kiosk::CheckInGuest{session_, hurdal_});
    const Micros took = Clock::now() - start;
    if (!std::holds_alternative<kiosk::Done>(outcome)) {
      std::cerr << "check-in refused\n";
      std::exit(1);
    }
    return took;
  }

 private:
  static kiosk::KioskConfig provision(const std::filesystem::path& dir) {
    std::filesystem::create_directories(dir);
    auto config = testing::kiosk_config(dir, "tcp://127.0.0.1:1");
    kiosk::LocalStore store(dir / "kiosk.db", config.device, "EPOCH-0000000001");
    store.save_config(kiosk::StoredConfig{1, protocol::encode(testing::room_config(1))});
    return config;
  }

  kiosk::SystemClock clock_;
  kiosk::SystemRandom random_;
  kiosk::KioskConfig config_;
  kiosk::Kiosk kiosk_;
  std::string session_;
  int count_ = 0;
  protocol::Affiliation hurdal_{protocol::Affiliation::Kind::municipality, "hurdal"};
};

void report(const char* what, const std::vector<Micros>& samples) {
  std::printf("%-52s n=%zu  p50=%8.1f us  p99=%8.1f us  max=%8.1f us\n", what, samples.size(),
              tavla::bench::percentile_us(samples, 50), tavla::bench::percentile_us(samples, 99),
              tavla::bench::percentile_us(samples, 100));
}

}  // namespace

int main(int argc, char** argv) {
  const int n = argc > 1 ? std::stoi(argv[1]) : 2000;
  testing::TempDir dir("tavla-bench-checkin");
  const auto base = argc > 2 ? std::filesystem::path(argv[2]) : dir.path();
  std::filesystem::create_directories(base);
  BareCommit bare(base / "bare.db");
  KioskCheckIns checkins(base / "kiosk");
  std::vector<Micros> bare_samples;
  std::vector<Micros> kiosk_samples;
  for (int i = 0; i < n; ++i) {
    bare_samples.push_back(bare.sample());
    kiosk_samples.push_back(checkins.sample());
  }
  report("bare SQLite 1-row commit (WAL, FULL)", bare_samples);
  report("Kiosk::execute(CheckInGuest) to durable (40/session)", kiosk_samples);
  return 0;
}
