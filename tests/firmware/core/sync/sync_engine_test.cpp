// SyncEngine's rules with a fake broker link and a real store: the window, acks,
// resends, reconnects and room configs. (The same paths against a real
// mosquitto: tests/firmware/core/kiosk/kiosk_sync_test.cpp.)
#include "tavla/kiosk/sync_engine.hpp"

#include <gtest/gtest.h>

#include "tavla/protocol/codec.hpp"
#include "tavla/protocol/limits.hpp"
#include "tavla/testing/kiosk_fixtures.hpp"
#include "tavla/testing/temp_dir.hpp"

namespace tavla::kiosk {
namespace {

using namespace std::chrono_literals;

struct Published {
  std::string topic;
  std::string payload;
  bool retained;
};

class FakeBrokerLink final : public BrokerLink {
 public:
  void set_handlers(BrokerLinkHandlers handlers) override { handlers_ = std::move(handlers); }
  void connect(const Will& will) override {
    ++connects;
    last_will = will;
  }
  void disconnect() override { connected = false; }
  bool publish(const std::string& topic, const std::string& payload, bool retained) override {
    if (!connected) {
      return false;
    }
    published.push_back({topic, payload, retained});
    return true;
  }
  bool subscribe(const std::string& filter) override {
    subscriptions.push_back(filter);
    return connected;
  }

  std::vector<std::uint64_t> event_seqs() const {
    std::vector<std::uint64_t> seqs;
    for (const auto& p : published) {
      if (auto e = protocol::decode_event(p.topic, p.payload)) {
        seqs.push_back(e.value().seq);
      }
    }
    return seqs;
  }

  BrokerLinkHandlers handlers_;
  int connects = 0;
  bool connected = false;
  Will last_will;
  std::vector<Published> published;
  std::vector<std::string> subscriptions;
};

class SyncEngineTest : public ::testing::Test {
 protected:
  SyncEngineTest()
      : clock_(protocol::parse_timestamp("2026-11-27T09:00:00.000Z").value()),
        store_(dir_ / "kiosk.db", testing::kDevice, "EPOCH-0000000001") {
    options_.site = testing::kSite;
    options_.device = testing::kDevice;
    options_.firmware = "0.1.0";
    options_.build_date = "2026-01-01";
    options_.max_in_flight = 8;
    options_.ack_timeout = 10s;
    options_.reconnect_min = 100ms;
    options_.reconnect_max = 1s;
  }

  SyncEngine& engine(std::uint64_t rev = 0) {
    if (!engine_) {
      engine_ = std::make_unique<SyncEngine>(
          options_, store_, link_, clock_, rev,
          SyncEngine::Callbacks{[this](protocol::RoomConfig c) { accepted_.push_back(c.rev); }, {}},
          [this](const std::string& line) { log_.push_back(line); });
    }
    return *engine_;
  }

  void add_events(int n) {
    std::vector<EventDraft> drafts;
    for (int i = 0; i < n; ++i) {
      ids_.push_back(std::string("01JD0Z8X4C5N8E2Q7T9V") + std::to_string(100000 + ids_.size()));
      drafts.push_back(EventDraft{ids_.back(), protocol::SessionClosed{"s-" + std::to_string(i)}});
    }
    store_.commit({}, drafts, clock_.now());
  }

  // Connects at t0.
  void connect() {
    engine().process(t0_);
    link_.connected = true;
    engine().post_connected(false);
    engine().process(t0_);
  }

  std::string topic(protocol::Channel c) const {
    return protocol::topic_for(testing::kSite, testing::kDevice, c);
  }

  void ack(const std::vector<std::string>& ids) {
    engine().post_message(topic(protocol::Channel::ack), protocol::encode(protocol::Ack{ids}));
  }

  testing::TempDir dir_;
  ManualClock clock_;
  LocalStore store_;
  FakeBrokerLink link_;
  SyncOptions options_;
  std::unique_ptr<SyncEngine> engine_;
  std::vector<std::string> ids_;
  std::vector<std::uint64_t> accepted_;
  std::vector<std::string> log_;
  const SyncEngine::SteadyTime t0_{std::chrono::seconds(1000)};
};

TEST_F(SyncEngineTest, ConnectsWithTheOfflineWillAndSubscribes) {
  connect();
  EXPECT_EQ(link_.connects, 1);
  EXPECT_EQ(link_.last_will.topic, topic(protocol::Channel::status));
  EXPECT_EQ(link_.last_will.payload, "{\"v\":1,\"online\":false}");
  EXPECT_EQ(link_.subscriptions,
            (std::vector{topic(protocol::Channel::ack), topic(protocol::Channel::config)}));
  ASSERT_FALSE(link_.published.empty());
  const auto& status = link_.published.front();
  EXPECT_TRUE(status.retained);
  const auto decoded = protocol::decode_status(status.topic, status.payload);
  ASSERT_TRUE(decoded);
  EXPECT_TRUE(decoded.value().online);
  EXPECT_EQ(decoded.value().outbox, 0U);
  // It announces the room-config versions it reads.
  EXPECT_EQ(decoded.value().versions, (std::vector<std::uint64_t>{1}));
  EXPECT_EQ(engine().status().broker, BrokerState::connected);
}

TEST_F(SyncEngineTest, SendsInSeqOrderWithABoundedWindow) {
  add_events(20);
  connect();
  EXPECT_EQ(link_.event_seqs(), (std::vector<std::uint64_t>{1, 2, 3, 4, 5, 6, 7, 8}));
  ack({ids_[0], ids_[1], ids_[2]});
  engine().process(t0_ + 1ms);
  EXPECT_EQ(link_.event_seqs(), (std::vector<std::uint64_t>{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}));
  EXPECT_EQ(store_.outbox_depth(), 17U);
  EXPECT_EQ(engine().status().outbox, 17U);
}

TEST_F(SyncEngineTest, UnknownAndBadAcksAreIgnored) {
  add_events(3);
  connect();
  ack({"01UNKNOWN0000000000000000", "another-unknown-id"});
  engine().post_message(topic(protocol::Channel::ack), "{\"v\":1,\"ids\":[]}");
  engine().post_message(topic(protocol::Channel::ack), "garbage");
  engine().process(t0_ + 1ms);
  EXPECT_EQ(store_.outbox_depth(), 3U);
  EXPECT_FALSE(store_.last_ack());
  ack({ids_[1]});
  engine().process(t0_ + 2ms);
  EXPECT_EQ(store_.outbox_depth(), 2U);
}

TEST_F(SyncEngineTest, ResendsWhatIsNotAckedAfterTheTimeout) {
  add_events(3);
  connect();
  ack({ids_[0]});
  engine().process(t0_ + 9s);
  EXPECT_EQ(link_.event_seqs(), (std::vector<std::uint64_t>{1, 2, 3}));
  engine().process(t0_ + 10s);
  EXPECT_EQ(link_.event_seqs(), (std::vector<std::uint64_t>{1, 2, 3, 2, 3}));
  EXPECT_EQ(engine().status().resent, 2U);
}

TEST_F(SyncEngineTest, ResendsEverythingUnackedAfterAReconnect) {
  add_events(5);
  connect();
  ack({ids_[1]});
  engine().process(t0_ + 1ms);
  link_.connected = false;
  engine().post_disconnected("broker went away");
  engine().process(t0_ + 2ms);
  EXPECT_EQ(engine().status().broker, BrokerState::disconnected);
  // Not before the backoff.
  engine().process(t0_ + 50ms);
  EXPECT_EQ(link_.connects, 1);
  engine().process(t0_ + 102ms);
  EXPECT_EQ(link_.connects, 2);
  link_.published.clear();
  link_.connected = true;
  engine().post_connected(true);
  engine().process(t0_ + 103ms);
  EXPECT_EQ(link_.event_seqs(), (std::vector<std::uint64_t>{1, 3, 4, 5}));
}

TEST_F(SyncEngineTest, BackoffDoublesUpToTheMaximum) {
  engine().process(t0_);
  EXPECT_EQ(link_.connects, 1);
  auto now = t0_;
  const std::vector<std::chrono::milliseconds> waits{100ms, 200ms, 400ms, 800ms, 1000ms, 1000ms};
  for (const auto wait : waits) {
    engine().post_disconnected("refused");
    engine().process(now);
    const int before = link_.connects;
    engine().process(now + wait - 1ms);
    EXPECT_EQ(link_.connects, before) << wait.count();
    now += wait;
    engine().process(now);
    EXPECT_EQ(link_.connects, before + 1) << wait.count();
  }
}

TEST_F(SyncEngineTest, AcceptsOnlyANewerValidConfigForThisDevice) {
  engine(5);
  connect();
  const auto config_topic = topic(protocol::Channel::config);
  auto config = testing::room_config(4);
  engine().post_message(config_topic, protocol::encode(config));
  engine().process(t0_ + 1ms);
  EXPECT_EQ(engine().status().config_rejected, "older_rev");
  engine().post_message(config_topic, "{\"v\":1,\"site\":\"stottepilar\"}");
  engine().process(t0_ + 2ms);
  EXPECT_EQ(engine().status().config_rejected, "missing_field");
  config.rev = 9;
  config.device = "kiosk-2";
  engine().post_message(config_topic, protocol::encode(config));
  engine().process(t0_ + 3ms);
  EXPECT_EQ(engine().status().config_rejected, "device_mismatch");
  EXPECT_TRUE(accepted_.empty());
  EXPECT_FALSE(store_.load_config());

  config.device = testing::kDevice;
  engine().post_message(config_topic, protocol::encode(config));
  engine().process(t0_ + 4ms);
  EXPECT_EQ(accepted_, (std::vector<std::uint64_t>{9}));
  EXPECT_FALSE(engine().status().config_rejected);
  ASSERT_TRUE(store_.load_config());
  EXPECT_EQ(store_.load_config()->rev, 9U);
  // The retained copy comes again on reconnect: not news, not a rejection.
  engine().post_message(config_topic, protocol::encode(config));
  engine().process(t0_ + 5ms);
  EXPECT_EQ(accepted_.size(), 1U);
  EXPECT_FALSE(engine().status().config_rejected);
}

TEST_F(SyncEngineTest, SaysInItsLogWhatItRefusesAndWhenItConnects) {
  connect();
  engine().post_message(topic(protocol::Channel::config), "{\"v\":1}");
  engine().process(t0_ + 1ms);
  EXPECT_EQ(log_, (std::vector<std::string>{
                      "sync: connected",
                      "sync: rejecting a room config: site: is required [missing_field]"}));
}

// The rollout rule: a config in a version this build does not read (a newer
// host's, published before it saw this kiosk's status) is refused like any
// bad config, and the one in force stays.
TEST_F(SyncEngineTest, RefusesAConfigVersionItDoesNotReadAndKeepsItsOwn) {
  connect();
  const auto config_topic = topic(protocol::Channel::config);
  engine().post_message(config_topic, protocol::encode(testing::room_config(3)));
  engine().process(t0_ + 1ms);
  ASSERT_EQ(accepted_, (std::vector<std::uint64_t>{3}));

  auto newer = protocol::encode(testing::room_config(4));
  ASSERT_TRUE(newer.starts_with("{\"v\":1,"));
  newer.replace(0, 7, "{\"v\":99,");
  engine().post_message(config_topic, newer);
  engine().process(t0_ + 2ms);
  EXPECT_EQ(engine().status().config_rejected, "unsupported_version");
  EXPECT_EQ(accepted_, (std::vector<std::uint64_t>{3}));
  ASSERT_TRUE(store_.load_config());
  EXPECT_EQ(store_.load_config()->rev, 3U);
}

TEST_F(SyncEngineTest, KeepsWhatTheHostRefusedAndShowsItInTheStatus) {
  add_events(3);
  connect();
  EXPECT_EQ(engine().status().rejected, Rejections{});
  const auto committed = clock_.now();
  clock_.advance(5s);
  const auto received = clock_.now();
  engine().post_message(
      topic(protocol::Channel::ack),
      protocol::encode(protocol::Ack{{ids_[0], ids_[1]}, {{ids_[1], "not_a_member"}}}));
  engine().process(t0_ + 1ms);
  // Acked, both of them: the refused one is not sent again.
  EXPECT_EQ(store_.outbox_depth(), 1U);
  const Rejections expected{
      1, {RejectedEvent{ids_[1], "not_a_member", "session.closed", committed, received}}};
  EXPECT_EQ(store_.rejections(10), expected);
  EXPECT_EQ(engine().status().rejected, expected);
  EXPECT_EQ(log_.back(), "sync: the host refused event " + ids_[1] + ": not_a_member");

  // A newer host's code is kept as it is.
  engine().post_message(topic(protocol::Channel::ack),
                        protocol::encode(protocol::Ack{{ids_[2]}, {{ids_[2], "some_new_rule"}}}));
  engine().process(t0_ + 2ms);
  EXPECT_EQ(engine().status().rejected.count, 2U);
  EXPECT_EQ(engine().status().rejected.latest.at(0).code, "some_new_rule");
}

TEST_F(SyncEngineTest, ForgetsRejectionsWithTheAcknowledgedEvents) {
  options_.retention = std::chrono::hours(24);
  add_events(1);
  connect();
  engine().post_message(topic(protocol::Channel::ack),
                        protocol::encode(protocol::Ack{{ids_[0]}, {{ids_[0], "unknown_type"}}}));
  engine().process(t0_ + 1ms);
  ASSERT_EQ(engine().status().rejected.count, 1U);
  // Pruning runs every ten minutes; a day and a bit later it forgets both.
  clock_.advance(std::chrono::hours(25));
  engine().process(t0_ + std::chrono::minutes(11));
  EXPECT_EQ(engine().status().rejected, Rejections{});
  EXPECT_EQ(store_.rejections(10), Rejections{});
}

TEST_F(SyncEngineTest, StatusReportsTheOutboxAfterAcks) {
  add_events(2);
  connect();
  ack({ids_[0], ids_[1]});
  engine().process(t0_ + 2s);
  const auto& last = link_.published.back();
  ASSERT_EQ(last.topic, topic(protocol::Channel::status));
  const auto status = protocol::decode_status(last.topic, last.payload).value();
  EXPECT_EQ(status.outbox, 0U);
  EXPECT_EQ(status.last_ack, clock_.now());
  EXPECT_EQ(status.clock_ok, true);
}

}  // namespace
}  // namespace tavla::kiosk
