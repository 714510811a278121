// The Kiosk with its real MQTT client against a real mosquitto on loopback
// (started here on a free port) and a recording host that acks like
// tavla-host: what ARCHITECTURE.md ("Sync" under firmware/) promises of sync.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <set>
#include <thread>

#include "tavla/kiosk/kiosk.hpp"
#include "tavla/kiosk/local_store.hpp"
#include "tavla/kiosk/paho_broker_link.hpp"
#include "tavla/protocol/codec.hpp"
#include "tavla/testing/kiosk_fixtures.hpp"
#include "tavla/testing/mosquitto_broker.hpp"
#include "tavla/testing/net.hpp"
#include "tavla/testing/process.hpp"
#include "tavla/testing/temp_dir.hpp"

namespace tavla::kiosk {
namespace {

using namespace std::chrono_literals;
using testing::eventually;

const protocol::Affiliation kHurdal{protocol::Affiliation::Kind::municipality, "hurdal"};

class KioskSyncTest : public ::testing::Test {
 protected:
  void SetUp() override {
    broker_ = std::make_unique<testing::MosquittoBroker>();
    host_ = std::make_unique<testing::RecordingHost>(broker_->url());
  }

  std::unique_ptr<Kiosk> make(const std::string& url) {
    const auto config = testing::kiosk_config(dir_.path(), url);
    auto kiosk = std::make_unique<Kiosk>(
        config,
        Kiosk::Dependencies{
            clock_, random_, std::make_unique<PahoBrokerLink>(config.broker, config.device), {}});
    kiosk->start();
    return kiosk;
  }

  // A kiosk with room config rev 1 and an open group session.
  std::unique_ptr<Kiosk> ready(std::string& session) {
    host_->publish_config(protocol::encode(testing::room_config(1)));
    auto kiosk = make(broker_->url());
    EXPECT_TRUE(wait(*kiosk, [](const Snapshot& s) { return s.has_config; }));
    session =
        done(kiosk->execute(OpenSession{"gv", "p-lead", testing::kLeaderPin, {}, {}})).subject;
    return kiosk;
  }

  static bool wait(Kiosk& kiosk, const std::function<bool(const Snapshot&)>& condition) {
    return kiosk.wait_until(condition, 20s).second;
  }
  static bool outbox_empty(Kiosk& kiosk) {
    return wait(kiosk, [](const Snapshot& s) { return s.outbox == 0; });
  }

  static Done done(const Outcome& outcome) {
    if (const auto* refusal = std::get_if<Refusal>(&outcome)) {
      throw std::runtime_error("refused: " + std::string(to_string(refusal->code)));
    }
    return std::get<Done>(outcome);
  }

  bool host_has(const std::vector<std::string>& ids) {
    return eventually(
        [&] {
          const auto got = host_->ids();
          return std::ranges::all_of(ids, [&](const auto& id) { return got.contains(id); });
        },
        20s);
  }

  testing::TempDir dir_;
  SystemClock clock_;
  SystemRandom random_;
  std::unique_ptr<testing::MosquittoBroker> broker_;
  std::unique_ptr<testing::RecordingHost> host_;
};

TEST_F(KioskSyncTest, CheckInsWhileTheBrokerIsDownAreDeliveredWhenItComesBack) {
  std::string session;
  auto kiosk = ready(session);
  ASSERT_TRUE(outbox_empty(*kiosk));
  broker_->stop();
  ASSERT_TRUE(wait(*kiosk, [](const Snapshot& s) { return s.broker != BrokerState::connected; }));
  std::vector<std::string> ids;
  for (const auto* p : {"p-1", "p-2", "p-3"}) {
    ids.push_back(done(kiosk->execute(CheckIn{session, p})).event_ids.at(0));
  }
  ids.push_back(done(kiosk->execute(CheckInGuest{session, kHurdal})).event_ids.at(0));
  EXPECT_EQ(kiosk->snapshot()->outbox, 4U);
  broker_->start();
  EXPECT_TRUE(host_has(ids));
  EXPECT_TRUE(outbox_empty(*kiosk));
  EXPECT_TRUE(kiosk->snapshot()->last_ack.has_value());
}

TEST_F(KioskSyncTest, ABrokerRestartInTheMiddleOfAStreamLosesNothing) {
  std::string session;
  auto kiosk = ready(session);
  std::vector<std::string> ids;
  std::thread writer([&] {
    for (int i = 0; i < 300; ++i) {
      ids.push_back(done(kiosk->execute(CheckInGuest{session, kHurdal})).event_ids.at(0));
    }
  });
  ASSERT_TRUE(eventually([&] { return host_->deliveries() >= 50; }, 20s));
  broker_->kill_hard();
  std::this_thread::sleep_for(200ms);
  broker_->start();
  writer.join();
  EXPECT_TRUE(host_has(ids));
  EXPECT_TRUE(outbox_empty(*kiosk));
  // Every seq of the epoch arrived: no gap.
  std::set<std::uint64_t> seqs;
  for (const auto& r : host_->received()) {
    seqs.insert(r.seq);
  }
  ASSERT_FALSE(seqs.empty());
  EXPECT_EQ(seqs.size(), *seqs.rbegin());
}

TEST_F(KioskSyncTest, AnAckThatNeverComesMeansTheEventIsSentAgain) {
  std::string session;
  auto kiosk = ready(session);
  ASSERT_TRUE(outbox_empty(*kiosk));
  host_->set_acking(false);
  const auto id = done(kiosk->execute(CheckIn{session, "p-1"})).event_ids.at(0);
  // The ack timeout is 2 s in the fixture: the host sees it again.
  EXPECT_TRUE(eventually([&] { return host_->count_of(id) >= 2; }, 20s));
  EXPECT_EQ(kiosk->snapshot()->outbox, 1U);
  host_->set_acking(true);
  EXPECT_TRUE(outbox_empty(*kiosk));
}

TEST_F(KioskSyncTest, AnAckNamingUnknownIdsIsIgnored) {
  std::string session;
  auto kiosk = ready(session);
  ASSERT_TRUE(outbox_empty(*kiosk));
  host_->set_acking(false);
  const auto first = done(kiosk->execute(CheckIn{session, "p-1"})).event_ids.at(0);
  done(kiosk->execute(CheckIn{session, "p-2"}));
  ASSERT_EQ(kiosk->snapshot()->outbox, 2U);
  // Unknown ids first, then a real one, on one topic from one client: in order.
  host_->publish_ack({"01ZZZZZZZZZZZZZZZZZZZZZZZZ", "not-an-event-of-ours"});
  host_->publish_ack({first});
  ASSERT_TRUE(wait(*kiosk, [](const Snapshot& s) { return s.outbox < 2; }));
  EXPECT_EQ(kiosk->snapshot()->outbox, 1U);
}

TEST_F(KioskSyncTest, ABadOrOlderConfigIsRejectedAndThePreviousKept) {
  host_->publish_config(protocol::encode(testing::room_config(5)));
  {
    auto kiosk = make(broker_->url());
    ASSERT_TRUE(wait(*kiosk, [](const Snapshot& s) { return s.config_rev == 5; }));
    host_->publish_config(protocol::encode(testing::room_config(3)));
    ASSERT_TRUE(wait(*kiosk, [](const Snapshot& s) { return s.config_rejected.has_value(); }));
    EXPECT_EQ(kiosk->snapshot()->config_rejected, "older_rev");
    EXPECT_EQ(kiosk->snapshot()->config_rev, 5U);

    auto bad = testing::room_config(6);
    bad.groups[0].members[0].affiliation.id = "oslo";  // not a municipality of the site
    host_->publish_config(protocol::encode(bad));
    ASSERT_TRUE(wait(*kiosk, [](const Snapshot& s) { return s.config_rejected != "older_rev"; }));
    EXPECT_EQ(kiosk->snapshot()->config_rejected, "invalid_value");
    EXPECT_EQ(kiosk->snapshot()->config_rev, 5U);
    host_->publish_config("{not json");
    ASSERT_TRUE(
        wait(*kiosk, [](const Snapshot& s) { return s.config_rejected == "invalid_json"; }));
  }
  // After a reboot, offline: the kept config is the one in force.
  auto offline = make("tcp://127.0.0.1:1");
  EXPECT_EQ(offline->snapshot()->config_rev, 5U);
  EXPECT_TRUE(std::holds_alternative<Done>(
      offline->execute(OpenSession{"gv", "p-lead", testing::kLeaderPin, {}, {}})));
}

// The rollout rule: the host acks what it refuses into quarantine and says
// why. The kiosk stops sending it, keeps the reason for the admin, and still
// has it after a restart.
TEST_F(KioskSyncTest, WhatTheHostRefusesIsKeptForTheAdmin) {
  std::string session;
  auto kiosk = ready(session);
  ASSERT_TRUE(outbox_empty(*kiosk));
  host_->reject("attendance.checked_in", "not_a_member");
  const auto refused = done(kiosk->execute(CheckIn{session, "p-1"}));
  ASSERT_TRUE(wait(*kiosk, [](const Snapshot& s) { return s.rejected.count > 0; }));
  EXPECT_TRUE(outbox_empty(*kiosk));
  const auto snap = kiosk->snapshot();
  ASSERT_EQ(snap->rejected.count, 1U);
  ASSERT_EQ(snap->rejected.latest.size(), 1U);
  const auto& rejected = snap->rejected.latest[0];
  EXPECT_EQ(rejected.id, refused.event_ids.at(0));
  EXPECT_EQ(rejected.code, "not_a_member");
  EXPECT_EQ(rejected.type, "attendance.checked_in");
  EXPECT_LE(rejected.event_ts, rejected.received);

  kiosk.reset();
  auto offline = make("tcp://127.0.0.1:1");
  EXPECT_EQ(offline->snapshot()->rejected, snap->rejected);
}

// Accepts TCP connections (the kernel completes the handshake for the
// backlog) and never says a word of MQTT.
class SilentListener {
 public:
  SilentListener() : fd_(::socket(AF_INET, SOCK_STREAM, 0)) {
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast): the sockets API
    ::bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    ::listen(fd_, 16);
    socklen_t len = sizeof addr;
    // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast): the sockets API
    ::getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
  }
  ~SilentListener() { ::close(fd_); }
  SilentListener(const SilentListener&) = delete;
  SilentListener& operator=(const SilentListener&) = delete;
  [[nodiscard]] int port() const { return port_; }

 private:
  int fd_;
  int port_ = 0;
};

TEST_F(KioskSyncTest, ABrokerThatNeverAnswersDoesNotBlockACheckIn) {
  {
    LocalStore store(dir_ / "kiosk.db", testing::kDevice, "EPOCH-0000000001");
    store.save_config(StoredConfig{1, protocol::encode(testing::room_config(1))});
  }
  SilentListener silent;
  ASSERT_TRUE(testing::port_accepts(silent.port()));
  auto kiosk = make("tcp://127.0.0.1:" + std::to_string(silent.port()));
  ASSERT_TRUE(wait(*kiosk, [](const Snapshot& s) { return s.broker == BrokerState::connecting; }));
  const auto session =
      done(kiosk->execute(OpenSession{"gv", "p-lead", testing::kLeaderPin, {}, {}})).subject;
  const auto outcome = kiosk->execute(CheckIn{session, "p-1"});
  ASSERT_TRUE(std::holds_alternative<Done>(outcome));
  EXPECT_EQ(kiosk->snapshot()->outbox, 2U);
  EXPECT_NE(kiosk->snapshot()->broker, BrokerState::connected);
}

}  // namespace
}  // namespace tavla::kiosk
