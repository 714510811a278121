// Durable ingest: the real `tavla-host serve` (SQLite in WAL mode with
// synchronous=FULL, or PostgreSQL with fsync and synchronous_commit on; acks
// after every commit) receives a QoS 1 stream of N valid events of one kiosk
// through a real mosquitto on loopback; beside it, in the same run and on
// the same topic, a bare `mosquitto_sub -q 1` receives the same stream.
// The host's rate is events acked (so committed) per second from the first
// publish; the bare rate is messages received per second from the same
// instant. Both sides count what arrived, and the host's database is counted
// after it stopped. The broker has max_queued_messages 0 (nothing dropped).
//
// usage: tavla_bench_host_ingest [N] [sqlite|postgresql|both|postgresql-fsync-off]
// postgresql-fsync-off: the tests' server (fsync, synchronous_commit and
// full_page_writes off), not durable; only to see what durability costs.
#include <mqtt/async_client.h>

#include <array>
#include <csignal>
#include <cstdio>
#include <deque>
#include <iostream>
#include <mutex>
#include <thread>
#include <unordered_set>

#include "bare_subscriber.hpp"
#include "durable_postgres.hpp"
#include "host_fixture.hpp"
#include "tavla/host/storage/database.hpp"
#include "tavla/protocol/codec.hpp"
#include "tavla/protocol/topic.hpp"
#include "tavla/testing/mosquitto_broker.hpp"
#include "tavla/testing/postgres_server.hpp"
#include "tavla/testing/process.hpp"
#include "tavla/testing/temp_dir.hpp"

namespace {

using namespace std::chrono_literals;
using tavla::bench::WallTime;
namespace host_testing = tavla::host::testing;
namespace protocol = tavla::protocol;
namespace testing = tavla::testing;

constexpr const char* kDevice = "kiosk-1";

double seconds_between(WallTime from, WallTime to) {
  return std::chrono::duration<double>(to - from).count();
}

// The kiosk: publishes the stream at QoS 1 (up to `window` unacknowledged
// PUBACKs, as a kiosk's sender keeps a window) and collects the host's acks.
class Kiosk {
 public:
  Kiosk(const std::string& url, const std::unordered_set<std::string>& measured)
      : client_(url, "bench-kiosk", 100000), measured_(measured) {
    client_.set_message_callback([this](const mqtt::const_message_ptr& msg) { on_ack(msg); });
    client_
        .connect(mqtt::connect_options_builder().clean_session(true).max_inflight(65535).finalize())
        ->wait();
    client_.subscribe(protocol::topic_for("stottepilar", kDevice, protocol::Channel::ack), 1)
        ->wait();
  }
  ~Kiosk() {
    try {
      client_.disconnect()->wait_for(5s);
    } catch (...) {  // NOLINT(bugprone-empty-catch): the broker may be gone
    }
  }
  Kiosk(const Kiosk&) = delete;
  Kiosk& operator=(const Kiosk&) = delete;
  Kiosk(Kiosk&&) = delete;
  Kiosk& operator=(Kiosk&&) = delete;

  void publish(const std::string& payload) {
    (void)client_.publish(host_testing::events_topic(kDevice), payload.data(), payload.size(), 1,
                          false);
  }
  // Returns once every message has its PUBACK from the broker.
  void publish_all(const std::vector<std::string>& payloads, std::size_t window) {
    std::deque<mqtt::delivery_token_ptr> unfinished;
    for (const auto& p : payloads) {
      unfinished.push_back(
          client_.publish(host_testing::events_topic(kDevice), p.data(), p.size(), 1, false));
      if (unfinished.size() >= window) {
        unfinished.front()->wait();
        unfinished.pop_front();
      }
    }
    for (auto& t : unfinished) {
      t->wait();
    }
  }
  [[nodiscard]] bool acked(const std::string& id) {
    const std::lock_guard lock(mutex_);
    return other_.contains(id);
  }
  struct Acks {
    std::size_t measured = 0;  // distinct ids of the stream acked
    WallTime last;             // when the last of them was first acked
  };
  [[nodiscard]] Acks acks() {
    const std::lock_guard lock(mutex_);
    return {acked_.size(), last_};
  }

 private:
  void on_ack(const mqtt::const_message_ptr& msg) {
    const auto now = std::chrono::system_clock::now();
    const auto ack = protocol::decode_ack(msg->get_payload_str());
    if (!ack) {
      std::cerr << "undecodable ack: " << ack.error().message() << "\n";
      return;
    }
    const std::lock_guard lock(mutex_);
    for (const auto& id : ack.value().ids) {
      if (!measured_.contains(id)) {
        other_.insert(id);
      } else if (acked_.insert(id).second) {
        last_ = now;
      }
    }
  }

  mqtt::async_client client_;
  const std::unordered_set<std::string>& measured_;
  std::mutex mutex_;
  std::unordered_set<std::string> acked_;
  std::unordered_set<std::string> other_;  // the warm-up
  WallTime last_;
};

// A session every 40 events: opened, the five roster members of gv-1, then
// guests of the site's municipalities in turn.
std::vector<protocol::Event> stream(host_testing::EventMaker& maker, std::size_t n) {
  struct Member {
    const char* participant;
    const char* municipality;
    const char* foster_home;
  };
  static constexpr std::array<Member, 5> kRoster = {{{"p-1", "nannestad", "fh-1"},
                                                     {"p-2", "nannestad", "fh-1"},
                                                     {"p-3", "hurdal", "fh-2"},
                                                     {"p-4", "eidsvoll", "fh-3"},
                                                     {"p-5", "oslo", "fh-4"}}};
  static constexpr std::array<const char*, 7> kGuests = {
      "nannestad", "gjerdrum", "hurdal", "nes", "lunner", "eidsvoll", "ullensaker"};
  std::vector<protocol::Event> events;
  std::string session;
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t k = i % 40;
    if (k == 0) {
      session = "bench-s-" + std::to_string(i / 40 + 1);
      events.push_back(maker.opened(session, "gv-1"));
    } else if (k <= kRoster.size()) {
      const auto& m = kRoster[k - 1];
      events.push_back(maker.checked_in(session, m.participant, m.municipality, m.foster_home));
    } else {
      events.push_back(maker.guest(session, kGuests[i % kGuests.size()]));
    }
  }
  return events;
}

bool run_backend(const std::string& backend, std::size_t n) {
  testing::MosquittoBroker broker(
      testing::MosquittoBroker::Options{false, 0, "set_tcp_nodelay true\n"});
  testing::TempDir dir("tavla-bench-ingest");
  std::unique_ptr<tavla::bench::DurablePostgres> postgres;
  std::unique_ptr<testing::PostgresServer> fast_postgres;
  std::string url;
  std::string durability;
  if (backend == "sqlite") {
    url = "sqlite:" + (dir / "host.db").string();
    durability = "SQLite, WAL, synchronous=FULL";
  } else if (backend == "postgresql-fsync-off") {
    fast_postgres = std::make_unique<testing::PostgresServer>();
    url = fast_postgres->create_database();
    durability =
        "PostgreSQL 15, NOT DURABLE: fsync=off synchronous_commit=off full_page_writes=off";
  } else {
    postgres = std::make_unique<tavla::bench::DurablePostgres>();
    url = postgres->url();
    durability = "PostgreSQL 15, " + postgres->durability();
  }
  const auto site = host_testing::write_example_site(dir, url, broker.url());

  host_testing::EventMaker maker(kDevice, "epoch-bench-0001");
  const auto warm_up = maker.opened("bench-warm-up", "gv-1");
  const auto events = stream(maker, n);
  std::vector<std::string> payloads;
  std::unordered_set<std::string> measured;
  for (const auto& e : events) {
    payloads.push_back(protocol::encode(e));
    measured.insert(e.id);
  }

  const auto log = dir / "host.log";
  testing::Process host(
      testing::Process::Options{{TAVLA_HOST, "serve", "--config", site.string()}, {}, {}, log, {}});
  if (!testing::eventually(
          [&] { return testing::read_file(log).find("ready") != std::string::npos; }, 30s)) {
    std::cerr << "the host did not get ready:\n" << testing::read_file(log);
    return false;
  }
  tavla::bench::BareSubscriber bare(broker.port(), host_testing::events_topic(kDevice),
                                    dir / "bare.txt");
  Kiosk kiosk(broker.url(), measured);
  // Until both subscribers demonstrably receive (mosquitto_sub says nothing
  // when its subscription is in place), send the warm-up event.
  const std::string warm_payload = protocol::encode(warm_up);
  const bool warm = testing::eventually(
      [&, last = std::chrono::steady_clock::time_point{}]() mutable {
        if (std::chrono::steady_clock::now() - last > 500ms) {
          kiosk.publish(warm_payload);
          last = std::chrono::steady_clock::now();
        }
        return kiosk.acked(warm_up.id) && bare.lines() > 0;
      },
      30s);
  if (!warm) {
    std::cerr << "warm-up failed\n" << testing::read_file(log);
    return false;
  }
  std::this_thread::sleep_for(1s);  // let stray warm-up resends settle

  const std::size_t warm_lines = bare.lines();
  const WallTime start = std::chrono::system_clock::now();
  kiosk.publish_all(payloads, 1000);
  const WallTime published = std::chrono::system_clock::now();
  // Until both have everything, or neither makes progress for 30 s.
  std::size_t last_progress_count = 0;
  auto last_progress = std::chrono::steady_clock::now();
  while (std::chrono::steady_clock::now() - last_progress < 30s) {
    const auto acked = kiosk.acks().measured;
    const auto lines = bare.lines() - warm_lines;
    if (acked >= n && lines >= n) {
      break;
    }
    if (acked + lines != last_progress_count) {
      last_progress_count = acked + lines;
      last_progress = std::chrono::steady_clock::now();
    }
    std::this_thread::sleep_for(20ms);
  }
  std::this_thread::sleep_for(500ms);  // late duplicates, if any, are counted too
  bare.stop();
  const auto status = host.stop(SIGTERM, 60s);
  const int host_exit = status ? testing::Process::exit_code(*status) : -999;

  const auto acks = kiosk.acks();
  const auto arrivals = bare.arrivals(measured);
  const auto db = tavla::host::storage::open_database(url);
  const auto stored =
      db->query("SELECT COUNT(*) FROM events WHERE session LIKE 'bench-s-%'").at(0).i64(0);

  const double bare_s = seconds_between(start, arrivals.last);
  const double host_s = seconds_between(start, acks.last);
  const double bare_rate = static_cast<double>(arrivals.distinct) / bare_s;
  const double host_rate = static_cast<double>(acks.measured) / host_s;
  std::printf("## %s, N = %zu events of ~%zu B\n", durability.c_str(), n, payloads[1].size());
  std::printf("publisher: %zu QoS 1 PUBACKs in %.2f s\n", n, seconds_between(start, published));
  std::printf("bare mosquitto_sub -q 1: %zu of %zu arrived (%zu lines)  %.2f s  %.0f msg/s\n",
              arrivals.distinct, n, arrivals.lines - warm_lines, bare_s, bare_rate);
  std::printf(
      "tavla-host serve:        %zu of %zu acked, %lld stored  %.2f s  %.0f events/s  = %.0f %% "
      "of bare (host exit %d)\n",
      acks.measured, n, static_cast<long long>(stored), host_s, host_rate,
      100.0 * host_rate / bare_rate, host_exit);
  (void)std::fflush(stdout);
  return acks.measured == n && arrivals.distinct == n && static_cast<std::size_t>(stored) == n &&
         host_exit == 0;
}

}  // namespace

int main(int argc, char** argv) {
  const std::size_t n = argc > 1 ? std::stoul(argv[1]) : 50000;
  const std::string which = argc > 2 ? argv[2] : "both";
  bool ok = true;
  for (const std::string backend : {"sqlite", "postgresql", "postgresql-fsync-off"}) {
    if (which == backend || (which == "both" && backend != "postgresql-fsync-off")) {
      try {
        ok = run_backend(backend, n) && ok;
      } catch (const std::exception& e) {
        std::cerr << backend << ": " << e.what() << "\n";
        ok = false;
      }
    }
  }
  return ok ? 0 : 1;
}
