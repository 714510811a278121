// The Kiosk provisioned with the host's config-signing key and its device
// secret, with its real MQTT client against a real mosquitto: a retained
// config that is not signed by that key does not take it over; the signed
// vector does, and its leader's PIN verifier opens with the device secret.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include "tavla/kiosk/kiosk.hpp"
#include "tavla/kiosk/paho_broker_link.hpp"
#include "tavla/protocol/codec.hpp"
#include "tavla/testing/kiosk_fixtures.hpp"
#include "tavla/testing/mosquitto_broker.hpp"
#include "tavla/testing/temp_dir.hpp"

namespace tavla::kiosk {
namespace {

using namespace std::chrono_literals;

std::string vector_file(const std::string& path) {
  std::ifstream in(std::filesystem::path(TAVLA_VECTORS_DIR) / path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The secret of protocol/vectors/keyed/pin_verifiers.json: bytes 0..31.
std::string vector_secret() {
  std::string secret;
  for (int i = 0; i < 32; ++i) {
    secret += static_cast<char>(i);
  }
  return secret;
}

TEST(SignedConfigKiosk, OnlyTheSignedConfigTakesTheKioskAndItsVerifiersOpenWithTheSecret) {
  testing::TempDir dir;
  testing::MosquittoBroker broker;
  testing::RecordingHost host(broker.url());
  auto config = testing::kiosk_config(dir.path(), broker.url());
  config.config_key_pem = vector_file("keyed/test-signing-key.pub");
  config.device_secret = vector_secret();
  SystemClock clock;
  SystemRandom random;
  Kiosk kiosk(
      config,
      Kiosk::Dependencies{
          clock, random, std::make_unique<PahoBrokerLink>(config.broker, config.device), {}});
  kiosk.start();

  // What anyone who can write the topic could retain: refused, counted.
  host.publish_config(protocol::encode(testing::room_config(99)));
  ASSERT_TRUE(
      kiosk.wait_until([](const Snapshot& s) { return s.config_rejected == "unsigned"; }, 20s)
          .second);
  EXPECT_FALSE(kiosk.snapshot()->has_config);

  std::string signed_vector = vector_file("valid/signed_config.json");
  signed_vector.pop_back();
  host.publish_config(signed_vector);
  ASSERT_TRUE(kiosk.wait_until([](const Snapshot& s) { return s.has_config; }, 20s).second);

  const auto leader = kiosk.verify_leader("p-veileder-1", "1234");  // their verifier
  ASSERT_TRUE(std::holds_alternative<LeaderInfo>(leader));
  EXPECT_EQ(std::get<LeaderInfo>(leader).participant, "p-veileder-1");
  const auto wrong = kiosk.verify_leader("p-veileder-1", "4321");  // another member's PIN
  ASSERT_TRUE(std::holds_alternative<Refusal>(wrong));
  EXPECT_EQ(std::get<Refusal>(wrong).code, RefusalCode::wrong_pin);
  kiosk.stop();
}

}  // namespace
}  // namespace tavla::kiosk
