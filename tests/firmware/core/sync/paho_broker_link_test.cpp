// PahoBrokerLink against a real mosquitto with TLS and accounts
// (SecureBroker): it verifies the broker's chain and host name, and says
// in words why a connect failed.
#include "tavla/kiosk/paho_broker_link.hpp"

#include <gtest/gtest.h>

#include <future>
#include <mutex>
#include <vector>

#include "tavla/testing/secure_broker.hpp"

namespace tavla::kiosk {
namespace {

using namespace std::chrono_literals;

class PahoBrokerLinkTlsTest : public ::testing::Test {
 protected:
  testing::SecureBroker broker_;
  std::mutex mutex_;
  std::vector<std::string> log_;

  BrokerConfig config(const std::string& url, const std::string& password) const {
    BrokerConfig c;
    c.url = url;
    c.username = broker_.admin();
    c.password = password;
    c.ca_file = broker_.ca().certificate();
    return c;
  }

  // One connect attempt: "" when it connected, else the reason given.
  std::string attempt(const BrokerConfig& broker) {
    PahoBrokerLink link(broker, broker_.admin(), [this](const std::string& line) {
      const std::lock_guard lock(mutex_);
      log_.push_back(line);
    });
    std::promise<std::string> outcome;
    std::once_flag once;
    link.set_handlers(
        {[&](bool) { std::call_once(once, [&] { outcome.set_value(""); }); },
         [&](const std::string& why) { std::call_once(once, [&] { outcome.set_value(why); }); },
         {}});
    link.connect({"tavla/v1/s/" + broker_.admin() + "/status", "{}"});
    auto future = outcome.get_future();
    EXPECT_EQ(future.wait_for(30s), std::future_status::ready);
    std::string reason = future.get();
    link.disconnect();
    return reason;
  }
};

TEST_F(PahoBrokerLinkTlsTest, TheRightCaAndHostNameConnectAndTheLogSaysVerified) {
  EXPECT_EQ(attempt(config(broker_.tls_url(), broker_.admin_password())), "");
  ASSERT_FALSE(log_.empty());
  EXPECT_NE(log_.front().find("certificate chain and host name verified"), std::string::npos)
      << log_.front();
}

TEST_F(PahoBrokerLinkTlsTest, AWrongHostNameIsRefusedAndNamed) {
  const auto reason = attempt(config(broker_.tls_url("127.0.0.1"), broker_.admin_password()));
  EXPECT_NE(reason.find("wrong host name"), std::string::npos) << reason;
  EXPECT_NE(reason.find("'127.0.0.1'"), std::string::npos) << reason;
}

TEST_F(PahoBrokerLinkTlsTest, AnUnknownCaIsRefusedAndNamed) {
  const testing::ThrowawayCa other("Someone else's CA");
  auto broker = config(broker_.tls_url(), broker_.admin_password());
  broker.ca_file = other.certificate();
  const auto reason = attempt(broker);
  EXPECT_NE(reason.find("unknown CA"), std::string::npos) << reason;
}

TEST_F(PahoBrokerLinkTlsTest, ARefusedLoginSaysNotAuthorisedWithTheUsername) {
  const auto reason = attempt(config(broker_.tls_url(), "wrong"));
  EXPECT_NE(reason.find("not authorised"), std::string::npos) << reason;
  EXPECT_NE(reason.find("'" + broker_.admin() + "'"), std::string::npos) << reason;
}

TEST_F(PahoBrokerLinkTlsTest, PlainTcpOnLoopbackSaysSoInTheLog) {
  EXPECT_EQ(attempt(config(broker_.plain_url(), broker_.admin_password())), "");
  ASSERT_FALSE(log_.empty());
  EXPECT_NE(log_.front().find("plain TCP"), std::string::npos) << log_.front();
  EXPECT_NE(log_.front().find("loopback only"), std::string::npos) << log_.front();
}

}  // namespace
}  // namespace tavla::kiosk
