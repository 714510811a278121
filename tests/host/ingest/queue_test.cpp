// MessageQueue: bounded by count and bytes; a full queue holds push() back
// until the loop takes, and close() releases it.
#include "tavla/host/ingest/queue.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "tavla/testing/process.hpp"

namespace tavla::host::ingest {
namespace {

using namespace std::chrono_literals;

Message message(std::size_t payload_bytes) {
  return {"t", std::string(payload_bytes, 'x')};
}

TEST(MessageQueueTest, AFullQueueHoldsPushBackUntilTheLoopTakes) {
  MessageQueue queue({.max_messages = 2, .max_bytes = 1'000'000});
  queue.push(message(1));
  queue.push(message(1));
  std::atomic<bool> pushed{false};
  std::thread producer([&] {
    queue.push(message(1));
    pushed = true;
  });
  EXPECT_EQ(queue.size(), 2U);
  EXPECT_FALSE(pushed);
  EXPECT_EQ(queue.take(1, 0ms).size(), 1U);
  producer.join();  // released by the take
  EXPECT_TRUE(pushed);
  EXPECT_EQ(queue.size(), 2U);
}

TEST(MessageQueueTest, BytesBoundTheQueueAndEachBatch) {
  MessageQueue queue({.max_messages = 100, .max_bytes = 1000});
  queue.push(message(599));  // 600 bytes with the topic
  queue.push(message(599));  // over the limit now: the next push waits
  EXPECT_EQ(queue.bytes(), 1200U);
  std::thread producer([&] { queue.push(message(99)); });
  const auto batch = queue.take(100, 0ms);
  EXPECT_EQ(batch.size(), 1U);  // a second would exceed 1000 bytes
  producer.join();
  EXPECT_EQ(queue.take(100, 0ms).size(), 2U);  // 600 + 100
}

TEST(MessageQueueTest, AMessageLargerThanTheLimitStillPasses) {
  MessageQueue queue({.max_messages = 10, .max_bytes = 100});
  queue.push(message(500));
  EXPECT_EQ(queue.take(10, 0ms).size(), 1U);
}

TEST(MessageQueueTest, CloseReleasesAWaitingPush) {
  MessageQueue queue({.max_messages = 1, .max_bytes = 1000});
  queue.push(message(1));
  std::thread producer([&] { queue.push(message(1)); });
  EXPECT_TRUE(testing::eventually([&] { return queue.size() == 1; }));
  queue.close();
  producer.join();  // released without a take
  EXPECT_EQ(queue.size(), 2U);
}

}  // namespace
}  // namespace tavla::host::ingest
