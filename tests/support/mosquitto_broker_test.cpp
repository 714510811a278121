#include "tavla/testing/mosquitto_broker.hpp"

#include <gtest/gtest.h>

#include "tavla/testing/net.hpp"

namespace tavla::testing {
namespace {

RunResult publish_retained(const MosquittoBroker& broker, const std::string& topic,
                           const std::string& message) {
  return run({mosquitto_pub_program(), "-h", "127.0.0.1", "-p", std::to_string(broker.port()), "-q",
              "1", "-r", "-t", topic, "-m", message});
}

RunResult read_one(const MosquittoBroker& broker, const std::string& topic) {
  return run({mosquitto_sub_program(), "-h", "127.0.0.1", "-p", std::to_string(broker.port()), "-t",
              topic, "-C", "1", "-W", "5"});
}

TEST(MosquittoBroker, AcceptsPublishAndSubscribeOnItsOwnPort) {
  MosquittoBroker broker;
  ASSERT_TRUE(port_accepts(broker.port()));
  ASSERT_EQ(publish_retained(broker, "t/a", "hello").exit_code, 0);
  const auto received = read_one(broker, "t/a");
  EXPECT_EQ(received.exit_code, 0) << received.err;
  EXPECT_EQ(received.out, "hello\n");
}

TEST(MosquittoBroker, RetainedMessageSurvivesRestartWithPersistence) {
  MosquittoBroker broker({.persistence = true});
  ASSERT_EQ(publish_retained(broker, "t/kept", "still here").exit_code, 0);
  broker.stop();
  EXPECT_FALSE(port_accepts(broker.port()));
  broker.start();
  EXPECT_EQ(read_one(broker, "t/kept").out, "still here\n");
}

TEST(MosquittoBroker, KillHardClosesThePort) {
  MosquittoBroker broker;
  broker.kill_hard();
  EXPECT_FALSE(broker.running());
  EXPECT_FALSE(port_accepts(broker.port()));
}

}  // namespace
}  // namespace tavla::testing
