// tavla::protocol_net: broker URLs, the loopback rule for plain TCP, and
// refused logins in words.
#include "tavla/protocol/net/broker_url.hpp"

#include <gtest/gtest.h>

#include "tavla/protocol/net/connect_refusal.hpp"

namespace tavla::protocol::net {
namespace {

TEST(BrokerUrlTest, ReadsSchemeHostAndPortWithTheDefaultPorts) {
  const auto tls = parse_broker_url("ssl://mqtt.romerike.example.no:8884");
  ASSERT_TRUE(tls);
  EXPECT_TRUE(tls->tls);
  EXPECT_EQ(tls->host, "mqtt.romerike.example.no");
  EXPECT_EQ(tls->port, 8884);
  EXPECT_EQ(parse_broker_url("mqtts://broker")->port, 8883);
  EXPECT_EQ(parse_broker_url("tcp://127.0.0.1")->port, 1883);
  EXPECT_FALSE(parse_broker_url("mqtt://[::1]:1884")->tls);
  EXPECT_EQ(parse_broker_url("mqtt://[::1]:1884")->host, "::1");
}

TEST(BrokerUrlTest, RefusesWhatIsNotABrokerUrl) {
  for (const char* bad : {"http://broker:80", "tcp://", "ssl://host:0", "ssl://host:70000",
                          "tcp://host:12x", "tcp://::1:1883", "tcp://[::1"}) {
    EXPECT_FALSE(parse_broker_url(bad)) << bad;
    EXPECT_TRUE(broker_url_problem(bad)) << bad;
  }
}

TEST(BrokerUrlTest, LoopbackIsLocalhostThe127NetworkAndV6Loopback) {
  for (const char* host : {"localhost", "127.0.0.1", "127.1.2.3", "::1"}) {
    EXPECT_TRUE(is_loopback_host(host)) << host;
  }
  for (const char* host : {"10.0.0.1", "128.0.0.1", "::2", "mqtt.example.no", "localhost.evil"}) {
    EXPECT_FALSE(is_loopback_host(host)) << host;
  }
}

TEST(BrokerUrlTest, PlainTcpIsAllowedOnlyToLoopback) {
  EXPECT_FALSE(broker_url_problem("tcp://127.0.0.1:1883"));
  EXPECT_FALSE(broker_url_problem("mqtt://localhost"));
  EXPECT_FALSE(broker_url_problem("ssl://10.0.0.5:8883"));
  const auto problem = broker_url_problem("tcp://10.0.0.5:1883");
  ASSERT_TRUE(problem);
  EXPECT_NE(problem->find("use ssl://"), std::string::npos) << *problem;
}

TEST(BrokerUrlTest, TheLogSaysWhichTransportAndWhy) {
  EXPECT_EQ(describe_transport(*parse_broker_url("tcp://127.0.0.1:1883")),
            "plain TCP to 127.0.0.1:1883 (allowed on loopback only)");
  EXPECT_EQ(describe_transport(*parse_broker_url("ssl://mqtt.example.no")),
            "TLS to mqtt.example.no:8883 (certificate chain and host name verified)");
}

TEST(ConnectRefusalTest, ARefusedLoginSaysNotAuthorisedWithTheUsername) {
  for (const int code : {4, 5, 134, 135}) {
    const std::string text = describe_connect_refusal(code, "kiosk-jessheim");
    EXPECT_TRUE(text.starts_with("not authorised")) << code << ": " << text;
    EXPECT_NE(text.find("'kiosk-jessheim'"), std::string::npos) << text;
    EXPECT_EQ(text.find("code"), std::string::npos) << text;
  }
  EXPECT_NE(describe_connect_refusal(5, std::nullopt).find("anonymous"), std::string::npos);
}

TEST(ConnectRefusalTest, OtherCodesAreNamedOrGivenAsTheyAre) {
  EXPECT_EQ(describe_connect_refusal(2, "a"), "the broker refused the client id");
  EXPECT_EQ(describe_connect_refusal(136, "a"), "the broker is unavailable");
  EXPECT_EQ(describe_connect_refusal(-1, "a"), "refused by the broker (code -1)");
}

}  // namespace
}  // namespace tavla::protocol::net
