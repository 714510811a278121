// The host's broker login against a real mosquitto with TLS and accounts
// (SecureBroker): verified chain and host name, and failures in words.
#include "tavla/host/broker/connection.hpp"

#include <gtest/gtest.h>

#include "tavla/testing/secure_broker.hpp"
#include "tavla/testing/temp_dir.hpp"

namespace tavla::host::broker {
namespace {

class HostBrokerConnectionTest : public ::testing::Test {
 protected:
  testing::SecureBroker broker_;
  testing::TempDir dir_{"tavla-host-login"};

  config::Broker account(const std::string& url, const std::string& password) {
    testing::write_file(dir_ / "host.secret", password + "\n");
    config::Broker b;
    b.url = url;
    b.username = broker_.admin();
    b.password_file = dir_ / "host.secret";
    b.ca_file = broker_.ca().certificate();
    return b;
  }

  // "" when the connect succeeded, else describe_connect_failure's words.
  static std::string attempt(const config::Broker& broker) {
    mqtt::async_client client(broker.url, "tavla-host-test", mqtt::create_options(MQTTVERSION_5));
    auto builder = mqtt::connect_options_builder().mqtt_version(MQTTVERSION_5).clean_start(true);
    apply_login(builder, broker, broker.url);
    try {
      client.connect(builder.finalize())->wait();
    } catch (const mqtt::exception& e) {
      return describe_connect_failure(e, broker, broker.url);
    }
    client.disconnect()->wait();
    return "";
  }
};

TEST_F(HostBrokerConnectionTest, TheRightCaAndHostNameConnect) {
  EXPECT_EQ(attempt(account(broker_.tls_url(), broker_.admin_password())), "");
}

TEST_F(HostBrokerConnectionTest, AWrongHostNameIsRefusedAndNamed) {
  const auto why = attempt(account(broker_.tls_url("127.0.0.1"), broker_.admin_password()));
  EXPECT_NE(why.find("wrong host name"), std::string::npos) << why;
}

TEST_F(HostBrokerConnectionTest, AnUnknownCaIsRefusedAndNamed) {
  const testing::ThrowawayCa other("Someone else's CA");
  auto b = account(broker_.tls_url(), broker_.admin_password());
  b.ca_file = other.certificate();
  const auto why = attempt(b);
  EXPECT_NE(why.find("unknown CA"), std::string::npos) << why;
}

TEST_F(HostBrokerConnectionTest, ARefusedLoginSaysNotAuthorisedWithTheUsername) {
  const auto why = attempt(account(broker_.tls_url(), "wrong"));
  EXPECT_NE(why.find("not authorised"), std::string::npos) << why;
  EXPECT_NE(why.find("'" + broker_.admin() + "'"), std::string::npos) << why;
}

}  // namespace
}  // namespace tavla::host::broker
