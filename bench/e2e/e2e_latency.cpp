// End-to-end latency of a check-in: from Kiosk::execute(CheckInGuest)
// returning (the event durable on the kiosk) to the host's ack of it
// arriving at an independent subscriber. The host is the real
// `tavla-host serve` on SQLite; it publishes the ack right after its commit,
// so the figure is: the kiosk's sync worker sending, one broker hop to the
// host, the host's transaction (fsync), one broker hop back. The same
// subscriber sees the event itself, which splits the figure into "kiosk to
// broker to subscriber" and the rest (host commit + the hop back).
//
// Beside it, alternating sample by sample through the same broker: a bare
// Paho QoS 1 publish -> receive of a message of the event's size, the
// broker's own latency.
//
// usage: tavla_bench_e2e_latency [N] [nagle]
//   nagle: the broker without set_tcp_nodelay (mosquitto's default)
#include <mqtt/async_client.h>

#include <condition_variable>
#include <csignal>
#include <cstdio>
#include <iostream>
#include <map>
#include <mutex>

#include "../kiosk/percentiles.hpp"
#include "host_fixture.hpp"
#include "tavla/kiosk/kiosk.hpp"
#include "tavla/kiosk/paho_broker_link.hpp"
#include "tavla/protocol/codec.hpp"
#include "tavla/protocol/net/tcp_nodelay.hpp"
#include "tavla/protocol/topic.hpp"
#include "tavla/testing/kiosk_fixtures.hpp"
#include "tavla/testing/mosquitto_broker.hpp"
#include "tavla/testing/process.hpp"
#include "tavla/testing/temp_dir.hpp"

namespace {

using Clock = std::chrono::steady_clock;
using tavla::bench::Micros;
using namespace std::chrono_literals;
namespace kiosk = tavla::kiosk;
namespace protocol = tavla::protocol;
namespace testing = tavla::testing;

constexpr const char* kBareTopic = "bench/bare";
constexpr const char* kLeader = "p-v";      // Åse V. leads gv-1 in the example site
constexpr const char* kLeaderPin = "4321";  // and this is her PIN

// A subscriber that notes when each event, each acked id and each bare
// message arrives (in the callback, so the measuring thread's wake-up is
// not part of the figures).
class Watcher {
 public:
  explicit Watcher(const std::string& url) : client_(url, "bench-e2e-watcher") {
    client_.set_message_callback([this](const mqtt::const_message_ptr& m) { on_message(*m); });
    client_.connect(mqtt::connect_options_builder().clean_session(true).finalize())->wait();
    for (const auto channel : {protocol::Channel::events, protocol::Channel::ack}) {
      client_.subscribe(protocol::topic_for(testing::kSite, testing::kDevice, channel), 1)->wait();
    }
    client_.subscribe(kBareTopic, 1)->wait();
  }
  ~Watcher() {
    client_.disable_callbacks();
    try {
      client_.disconnect()->wait_for(2s);
    } catch (const mqtt::exception&) {  // NOLINT(bugprone-empty-catch): the broker may be gone
    }
  }
  Watcher(const Watcher&) = delete;
  Watcher& operator=(const Watcher&) = delete;
  Watcher(Watcher&&) = delete;
  Watcher& operator=(Watcher&&) = delete;

  // When `key` ("event:<id>", "ack:<id>", "bare:<n>") arrived, waiting up to 30 s.
  std::optional<Clock::time_point> arrival(const std::string& key) {
    std::unique_lock lock(mutex_);
    if (!arrived_.wait_for(lock, 30s, [&] { return seen_.contains(key); })) {
      return std::nullopt;
    }
    return seen_.at(key);
  }
  std::size_t event_size() {
    const std::lock_guard lock(mutex_);
    return event_size_;
  }

 private:
  void on_message(const mqtt::message& m) {
    const auto now = Clock::now();
    const std::string& topic = m.get_topic();
    std::vector<std::string> keys;
    if (topic == kBareTopic) {
      keys.push_back("bare:" + m.get_payload_str().substr(0, m.get_payload_str().find(' ')));
    } else if (topic.ends_with("/ack")) {
      if (auto ack = protocol::decode_ack(topic, m.get_payload_str())) {
        for (const auto& id : ack.value().ids) {
          keys.push_back("ack:" + id);
        }
      }
    } else if (auto event = protocol::decode_event(topic, m.get_payload_str())) {
      keys.push_back("event:" + event.value().id);
      const std::lock_guard lock(mutex_);
      event_size_ = m.get_payload_str().size();
    }
    {
      const std::lock_guard lock(mutex_);
      for (auto& k : keys) {
        seen_.emplace(std::move(k), now);  // the first arrival counts
      }
    }
    arrived_.notify_all();
  }

  std::mutex mutex_;
  std::condition_variable arrived_;
  std::map<std::string, Clock::time_point> seen_;
  std::size_t event_size_ = 0;
  mqtt::async_client client_;
};

struct Samples {
  std::vector<Micros> bare;      // publish -> receive
  std::vector<Micros> durable;   // execute() until it returned
  std::vector<Micros> to_event;  // execute() returned -> event at the subscriber
  std::vector<Micros> to_ack;    // execute() returned -> ack at the subscriber
};

void print(const char* what, const std::vector<Micros>& samples) {
  std::printf("%-58s n=%zu  p50 %8.3f ms  p99 %8.3f ms  max %8.3f ms\n", what, samples.size(),
              tavla::bench::percentile_us(samples, 50) / 1000.0,
              tavla::bench::percentile_us(samples, 99) / 1000.0,
              tavla::bench::percentile_us(samples, 100) / 1000.0);
}

int run(int n, bool nagle) {
  testing::MosquittoBroker broker(testing::MosquittoBroker::Options{
      false, 0, nagle ? std::string{} : std::string("set_tcp_nodelay true\n")});
  testing::TempDir dir("tavla-bench-e2e");
  const auto site = tavla::host::testing::write_example_site(
      dir, "sqlite:" + (dir / "host.db").string(), broker.url());
  testing::Process host({testing::program_argv(TAVLA_HOST, {"serve", "--config", site.string()}),
                         {},
                         {},
                         dir / "host.log",
                         {}});
  if (!testing::eventually(
          [&] { return testing::read_file(dir / "host.log").find("ready") != std::string::npos; },
          30s)) {
    std::cerr << "tavla-host did not get ready:\n" << testing::read_file(dir / "host.log");
    return 1;
  }
  Watcher watcher(broker.url());

  auto config = testing::kiosk_config(dir / "kiosk", broker.url());
  config.tuning.ack_timeout = 10s;  // no resends while measuring
  std::filesystem::create_directories(config.data_dir);
  kiosk::SystemClock clock;
  kiosk::SystemRandom random;
  kiosk::Kiosk k(config, kiosk::Kiosk::Dependencies{
                             clock,
                             random,
                             std::make_unique<kiosk::PahoBrokerLink>(config.broker, config.device),
                             {}});
  k.start();
  const auto idle = [&] {
    return k
        .wait_until(
            [](const kiosk::Snapshot& s) {
              return s.has_config && s.broker == kiosk::BrokerState::connected && s.outbox == 0;
            },
            60s)
        .second;
  };
  if (!idle()) {
    std::cerr << "the kiosk got no room config from tavla-host\n";
    return 1;
  }

  mqtt::async_client bare(broker.url(), "bench-e2e-bare");
  bare.connect(mqtt::connect_options_builder().clean_session(true).finalize())->wait();
  // As the kiosk does for its own client: no Nagle towards the broker.
  protocol::net::disable_nagle_towards(broker.port());

  Samples samples;
  std::string session;
  const int warm_up = 20;
  for (int i = 0; i < warm_up + n; ++i) {
    // 40 check-ins per session, as in a room (the kiosk's state row holds
    // who is present); opening and closing are not measured.
    if (i % 40 == 0) {
      if (!session.empty()) {
        (void)k.execute(kiosk::CloseSession{session, kLeader, kLeaderPin});
      }
      const auto opened = k.execute(kiosk::OpenSession{"gv-1", kLeader, kLeaderPin, {}, {}});
      if (!std::holds_alternative<kiosk::Done>(opened)) {
        std::cerr << "cannot open a session\n";
        return 1;
      }
      session = std::get<kiosk::Done>(opened).subject;
    }
    if (!idle()) {
      std::cerr << "the kiosk's outbox did not drain\n";
      return 1;
    }

    // The broker alone: a message of the event's size (once one was seen).
    std::string payload = std::to_string(i) + " ";
    payload.resize(std::max<std::size_t>(watcher.event_size(), 300), 'x');
    const auto published = Clock::now();
    bare.publish(kBareTopic, payload.data(), payload.size(), 1, false);
    const auto received = watcher.arrival("bare:" + std::to_string(i));

    // The whole way: check-in on the kiosk, commit on the host, ack back.
    const auto tapped = Clock::now();
    const auto outcome = k.execute(
        kiosk::CheckInGuest{session, {protocol::Affiliation::Kind::municipality, "eidsvoll"}});
    const auto durable = Clock::now();
    const auto* done = std::get_if<kiosk::Done>(&outcome);
    if (done == nullptr || done->event_ids.size() != 1) {
      std::cerr << "check-in refused\n";
      return 1;
    }
    const auto seen = watcher.arrival("event:" + done->event_ids[0]);
    const auto acked = watcher.arrival("ack:" + done->event_ids[0]);
    if (!received || !seen || !acked) {
      std::cerr << "a message did not arrive within 30 s (sample " << i << ")\n";
      return 1;
    }
    if (i >= warm_up) {
      samples.bare.emplace_back(*received - published);
      samples.durable.emplace_back(durable - tapped);
      samples.to_event.emplace_back(*seen - durable);
      samples.to_ack.emplace_back(*acked - durable);
    }
  }
  k.stop();
  bare.disconnect()->wait_for(2s);
  const auto status = host.stop(SIGTERM, 30s);

  std::printf("broker: mosquitto on loopback, %s; event %zu B; %d samples after %d warm-up\n",
              nagle ? "default (Nagle on)" : "set_tcp_nodelay true", watcher.event_size(), n,
              warm_up);
  print("bare Paho QoS 1 publish -> receive (same size)", samples.bare);
  print("kiosk check-in -> host commit -> ack at subscriber", samples.to_ack);
  print("  of which: check-in returned -> event at subscriber", samples.to_event);
  print("  (before: Kiosk::execute until durable, fsync included)", samples.durable);
  return status && testing::Process::exit_code(*status) == 0 ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  const int n = argc > 1 ? std::stoi(argv[1]) : 1000;
  const bool nagle = argc > 2 && std::string(argv[2]) == "nagle";
  try {
    return run(n, nagle);
  } catch (const std::exception& e) {
    std::cerr << "tavla_bench_e2e_latency: " << e.what() << "\n";
    return 1;
  }
}
