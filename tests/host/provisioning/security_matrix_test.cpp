// The security matrix: a real mosquitto with TLS (a throwaway CA) and the
// dynamic-security plugin, the accounts and roles `devices add` makes, and
// a privileged observer on tavla/#. Each row is proved by what arrives at
// the observer and what does not; the cross-room rows use device A's own
// credentials. (Rows about the host's rules and the kiosk live beside their
// code: ProcessorTest.ASquattedScheduledSessionIsRejectedAndItsRoomStillOpensIt,
// PahoBrokerLinkTlsTest, HostBrokerConnectionTest.)
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "mqtt_peer.hpp"
#include "tavla/host/provisioning/provisioning.hpp"
#include "tavla/protocol/topic.hpp"
#include "tavla/testing/process.hpp"
#include "tavla/testing/secure_broker.hpp"
#include "tavla/testing/temp_dir.hpp"

namespace tavla::host::provisioning {
namespace {

using protocol::Channel;
using protocol::topic_for;
using testing::MqttPeer;

class SecurityMatrixTest : public ::testing::Test {
 protected:
  void SetUp() override {
    tavla::testing::write_file(dir_ / "host.secret", broker_.admin_password() + "\n");
    site_.file = dir_ / "host.toml";
    site_.id = "romerike";
    site_.devices = {{"kiosk-a", "Rom A"}, {"kiosk-b", "Rom B"}};
    site_.broker.url = broker_.tls_url();
    site_.broker.username = broker_.admin();
    site_.broker.password_file = dir_ / "host.secret";
    site_.broker.ca_file = broker_.ca().certificate();
    client_ = std::make_unique<broker::DynsecClient>(site_.broker, "tavla-host-romerike-admin");
    provisioning_ = std::make_unique<Provisioning>(site_, *client_, nullptr);
    (void)provisioning_->add("kiosk-a", dir_ / "a");
    (void)provisioning_->add("kiosk-b", dir_ / "b");
    observer_ =
        std::make_unique<MqttPeer>(broker_.tls_url(), "observer",
                                   MqttPeer::Login{broker_.observer(), broker_.observer_password(),
                                                   broker_.ca().certificate()});
    observer_->subscribe("tavla/#");
  }

  MqttPeer::Login login(const std::string& device) {
    std::ifstream in(dir_ / (device == "kiosk-a" ? "a" : "b") / kPasswordFile);
    std::string password;
    std::getline(in, password);
    // MQTT 3.1.1, as the kiosk speaks it.
    return {device, password, broker_.ca().certificate(), MqttPeer::Version::v3_1_1};
  }

  // Publishes `marker` on A's own events topic as A, waits until the
  // observer has it, and returns the topics the observer saw before it.
  std::vector<std::string> seen_before_marker(MqttPeer& a) {
    const std::string own = topic_for("romerike", "kiosk-a", Channel::events);
    a.publish(own, "marker");
    EXPECT_TRUE(tavla::testing::eventually([&] {
      for (const auto& r : observer_->received()) {
        if (r.topic == own && r.payload == "marker") {
          return true;
        }
      }
      return false;
    }));
    std::vector<std::string> topics;
    for (const auto& r : observer_->received()) {
      topics.push_back(r.topic);
    }
    return topics;
  }

  tavla::testing::SecureBroker broker_;
  tavla::testing::TempDir dir_{"tavla-security"};
  config::Site site_;
  std::unique_ptr<broker::DynsecClient> client_;
  std::unique_ptr<Provisioning> provisioning_;
  std::unique_ptr<MqttPeer> observer_;
};

TEST_F(SecurityMatrixTest, AnonymousIsRefused) {
  EXPECT_NE(MqttPeer::try_connect(broker_.tls_url(), "kiosk-a",
                                  MqttPeer::Login{"", "", broker_.ca().certificate()}),
            "");
  EXPECT_NE(MqttPeer::try_connect(broker_.plain_url(), "kiosk-a", std::nullopt), "");
}

TEST_F(SecurityMatrixTest, AWrongPasswordIsRefused) {
  auto wrong = login("kiosk-a");
  wrong.password += "x";
  EXPECT_NE(MqttPeer::try_connect(broker_.tls_url(), "kiosk-a", wrong), "");
  EXPECT_EQ(MqttPeer::try_connect(broker_.tls_url(), "kiosk-a", login("kiosk-a")), "");
}

TEST_F(SecurityMatrixTest, ADeviceCannotTakeOverTheHostsClientId) {
  EXPECT_NE(MqttPeer::try_connect(broker_.tls_url(), "tavla-host-romerike", login("kiosk-a")), "");
  EXPECT_NE(MqttPeer::try_connect(broker_.tls_url(), "kiosk-b", login("kiosk-a")), "");
}

// The broker answers a refused publish by dropping the connection (Paho
// closes it at the negative PUBACK), so each attempt has its own; what
// proves the refusal is that the observer never sees it.
TEST_F(SecurityMatrixTest, DeviceACannotPublishAsBNorUnderAnotherSite) {
  for (const auto& topic : {topic_for("romerike", "kiosk-b", Channel::events),
                            topic_for("romerike", "kiosk-b", Channel::status),
                            topic_for("othersite", "kiosk-a", Channel::events),
                            topic_for("romerike", "kiosk-b", Channel::ack),
                            topic_for("romerike", "kiosk-a", Channel::config)}) {
    MqttPeer a(broker_.tls_url(), "kiosk-a", login("kiosk-a"));
    (void)a.publish_acknowledged(topic, "not allowed");  // waits until the broker had it
  }
  MqttPeer a(broker_.tls_url(), "kiosk-a", login("kiosk-a"));
  for (const auto& topic : seen_before_marker(a)) {
    EXPECT_EQ(topic, topic_for("romerike", "kiosk-a", Channel::events));
  }
}

TEST_F(SecurityMatrixTest, DeviceACannotReadBsConfig) {
  client_->publish_retained(topic_for("romerike", "kiosk-b", Channel::config), "b's config");
  client_->publish_retained(topic_for("romerike", "kiosk-a", Channel::config), "a's config");
  MqttPeer a(broker_.tls_url(), "kiosk-a", login("kiosk-a"));
  for (const auto& filter :
       {topic_for("romerike", "kiosk-b", Channel::config), std::string("tavla/#"),
        protocol::device_wildcard("romerike", Channel::config)}) {
    try {
      a.subscribe(filter);
    } catch (const std::exception&) {  // NOLINT(bugprone-empty-catch): refused is fine too
    }
  }
  a.subscribe(topic_for("romerike", "kiosk-a", Channel::config));
  ASSERT_TRUE(tavla::testing::eventually([&] {
    for (const auto& r : a.received()) {
      if (r.payload == "a's config") {
        return true;
      }
    }
    return false;
  }));
  for (const auto& r : a.received()) {
    EXPECT_EQ(r.topic, topic_for("romerike", "kiosk-a", Channel::config)) << r.payload;
  }
}

// The shipped broker config (host/dist/mosquitto-tavla.conf), read as
// mosquitto reads it: every listener without TLS binds loopback, and no
// client is anonymous.
TEST(ShippedBrokerConfig, ThePlainListenerBindsLoopbackOnlyAndNoOneIsAnonymous) {
  std::ifstream in(TAVLA_SHIPPED_BROKER_CONFIG);
  ASSERT_TRUE(in) << TAVLA_SHIPPED_BROKER_CONFIG;
  struct Listener {
    std::string port;
    std::string address;
    bool tls = false;
  };
  std::vector<Listener> listeners;
  bool anonymous = true;
  for (std::string line; std::getline(in, line);) {
    std::istringstream words(line);
    std::string key;
    words >> key;
    if (key == "listener") {
      listeners.emplace_back();
      words >> listeners.back().port >> listeners.back().address;
    } else if (key == "certfile" && !listeners.empty()) {
      listeners.back().tls = true;
    } else if (key == "allow_anonymous") {
      std::string value;
      words >> value;
      anonymous = value != "false";
    }
  }
  EXPECT_FALSE(anonymous);
  ASSERT_EQ(listeners.size(), 2U);
  for (const auto& l : listeners) {
    if (!l.tls) {
      EXPECT_TRUE(l.address == "127.0.0.1" || l.address == "::1" || l.address == "localhost")
          << "plain listener " << l.port << " binds '" << l.address << "'";
    }
  }
  EXPECT_TRUE(
      std::any_of(listeners.begin(), listeners.end(), [](const Listener& l) { return l.tls; }));
}

TEST_F(SecurityMatrixTest, AWrongHostNameIsRefused) {
  EXPECT_NE(MqttPeer::try_connect(broker_.tls_url("127.0.0.1"), "kiosk-a", login("kiosk-a")), "");
}

TEST_F(SecurityMatrixTest, ARevokedDeviceIsRefused) {
  const auto b = login("kiosk-b");
  (void)provisioning_->revoke("kiosk-b");
  EXPECT_NE(MqttPeer::try_connect(broker_.tls_url(), "kiosk-b", b), "");
}

}  // namespace
}  // namespace tavla::host::provisioning
