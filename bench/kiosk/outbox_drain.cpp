// Draining a 100 000-event outbox to a local mosquitto with a host that acks
// (events/s until the outbox is empty), beside the raw QoS 1 rate of a bare
// Paho publisher -> subscriber through the same broker in the same run.
// Both count what arrived. The broker has max_queued_messages 0 (no limit),
// so nothing is dropped silently.
//
// usage: tavla_bench_kiosk_drain [N] [MAX_IN_FLIGHT] [nagle]
#include <mqtt/async_client.h>

#include <atomic>
#include <cstdio>
#include <iostream>
#include <thread>

#include "tavla/kiosk/kiosk.hpp"
#include "tavla/kiosk/local_store.hpp"
#include "tavla/kiosk/paho_broker_link.hpp"
#include "tavla/protocol/codec.hpp"
#include "tavla/testing/kiosk_fixtures.hpp"
#include "tavla/testing/mosquitto_broker.hpp"
#include "tavla/testing/temp_dir.hpp"

namespace {

using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;
namespace kiosk = tavla::kiosk;
namespace protocol = tavla::protocol;
namespace testing = tavla::testing;

// Fills the outbox with n guest check-ins, 1000 per transaction.
void fill(const kiosk::KioskConfig& config, int n) {
  std::filesystem::create_directories(config.data_dir);
  kiosk::LocalStore store(config.data_dir / "kiosk.db", config.device, "EPOCH-0000000001");
  store.save_config(kiosk::StoredConfig{1, protocol::encode(testing::room_config(1))});
  kiosk::SystemClock clock;
  kiosk::SystemRandom random;
  kiosk::UlidFactory ids(clock, random);
  const std::string session = ids.next();
  for (int done = 0; done < n;) {
    std::vector<kiosk::EventDraft> drafts;
    for (int i = 0; i < 1000 && done < n; ++i, ++done) {
      drafts.push_back(kiosk::EventDraft{
          ids.next(), protocol::CheckedIn{session,
                                          kiosk::guest_participant_id(ids),
                                          protocol::CheckInMethod::guest,
                                          {protocol::Affiliation::Kind::municipality, "hurdal"},
                                          {}}});
    }
    store.commit({}, drafts, clock.now());
  }
}

struct Figures {
  double seconds = 0;
  std::size_t arrived = 0;  // distinct
  std::size_t deliveries = 0;
};

Figures drain(const std::string& url, const std::filesystem::path& dir, int n, int window) {
  auto config = testing::kiosk_config(dir, url);
  config.tuning.max_in_flight = window;
  config.tuning.ack_timeout = 10s;
  fill(config, n);
  testing::RecordingHost host(url);
  kiosk::SystemClock clock;
  kiosk::SystemRandom random;
  kiosk::Kiosk k(config, kiosk::Kiosk::Dependencies{
                             clock,
                             random,
                             std::make_unique<kiosk::PahoBrokerLink>(config.broker, config.device),
                             {}});
  const auto start = Clock::now();
  k.start();
  const auto [snap, done] =
      k.wait_until([](const kiosk::Snapshot& s) { return s.outbox == 0; }, 600s);
  const auto seconds = std::chrono::duration<double>(Clock::now() - start).count();
  if (!done) {
    std::cerr << "drain timed out with " << snap->outbox << " left\n";
  }
  k.stop();
  return {seconds, host.ids().size(), host.deliveries()};
}

Figures bare(const std::string& url, int n) {
  const std::string topic = "bench/bare";
  mqtt::async_client sub(url, "bench-bare-sub");
  std::atomic<std::size_t> received{0};
  sub.set_message_callback([&](mqtt::const_message_ptr) { received.fetch_add(1); });
  sub.connect(mqtt::connect_options_builder().clean_session(true).max_inflight(65535).finalize())
      ->wait();
  sub.subscribe(topic, 1)->wait();
  // Room for our 1000 unfinished publishes in Paho's command queue (default 100).
  mqtt::async_client pub(url, "bench-bare-pub", 10000);
  pub.connect(mqtt::connect_options_builder().clean_session(true).max_inflight(65535).finalize())
      ->wait();
  const std::string payload(300, 'x');
  const auto start = Clock::now();
  // Paho's own limit on unfinished publishes: wait on a token now and then.
  std::vector<mqtt::delivery_token_ptr> tokens;
  for (int i = 0; i < n; ++i) {
    tokens.push_back(pub.publish(topic, payload.data(), payload.size(), 1, false));
    if (tokens.size() >= 1000) {
      for (auto& t : tokens) {
        t->wait();
      }
      tokens.clear();
    }
  }
  for (auto& t : tokens) {
    t->wait();
  }
  const auto deadline = Clock::now() + 60s;
  while (received.load() < static_cast<std::size_t>(n) && Clock::now() < deadline) {
    std::this_thread::sleep_for(1ms);
  }
  const auto seconds = std::chrono::duration<double>(Clock::now() - start).count();
  pub.disconnect()->wait();
  sub.disconnect()->wait();
  return {seconds, received.load(), received.load()};
}

}  // namespace

int main(int argc, char** argv) {
  const int n = argc > 1 ? std::stoi(argv[1]) : 100000;
  const int window = argc > 2 ? std::stoi(argv[2]) : 64;
  // set_tcp_nodelay: without it mosquitto's Nagle delay meets the peers'
  // delayed ACKs on small packets and each round trip waits ~40 ms
  // (measured here); `nagle` as the third argument keeps mosquitto's default.
  const bool nagle = argc > 3 && std::string(argv[3]) == "nagle";
  testing::MosquittoBroker broker(testing::MosquittoBroker::Options{
      false, 0, nagle ? std::string{} : std::string("set_tcp_nodelay true\n")});
  testing::TempDir dir("tavla-bench-drain");
  const auto b = bare(broker.url(), n);
  std::printf("bare Paho QoS 1 pub->sub (300 B)     n=%d  arrived=%zu  %.2f s  %.0f msg/s\n", n,
              b.arrived, b.seconds, static_cast<double>(b.arrived) / b.seconds);
  const auto d = drain(broker.url(), dir.path(), n, window);
  std::printf(
      "kiosk outbox drain, acked (window %d) n=%d  arrived=%zu (deliveries %zu)  %.2f s  %.0f "
      "events/s\n",
      window, n, d.arrived, d.deliveries, d.seconds, static_cast<double>(n) / d.seconds);
  return d.arrived == static_cast<std::size_t>(n) && b.arrived == static_cast<std::size_t>(n) ? 0
                                                                                              : 1;
}
