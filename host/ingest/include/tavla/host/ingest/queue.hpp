// The hand-over from the MQTT library's callback thread to the ingest loop.
// push() never blocks for more than a mutex (Paho's rule: never block in a
// callback); the loop takes batches (group commit).
#pragma once

#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <vector>

#include "tavla/host/ingest/processor.hpp"

namespace tavla::host::ingest {

class MessageQueue {
 public:
  void push(Message message);
  // Waits up to `wait` for a first message, then takes up to `max` without waiting.
  std::vector<Message> take(std::size_t max, std::chrono::milliseconds wait);
  [[nodiscard]] std::size_t size() const;

 private:
  mutable std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<Message> messages_;
};

}  // namespace tavla::host::ingest
