// The hand-over from the MQTT library's callback thread to the ingest loop,
// bounded by count and bytes. push() waits while the queue is full: Paho
// acknowledges a QoS 1 message only after its callback returns, and the
// host's connect sets MQTT 5's Receive Maximum, so a full queue stops the
// broker sending (it keeps the rest queued) instead of growing the host's
// memory. The loop takes batches (group commit), bounded by the same bytes.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <vector>

#include "tavla/host/ingest/processor.hpp"

namespace tavla::host::ingest {

struct QueueLimits {
  std::size_t max_messages = 10'000;
  std::size_t max_bytes = std::size_t{16} * 1024 * 1024;  // topic + payload
};

class MessageQueue {
 public:
  explicit MessageQueue(QueueLimits limits = {});
  // Waits while the queue is full (a message alone may exceed max_bytes),
  // unless closed.
  void push(Message message);
  // Waits up to `wait` for a first message, then takes up to `max` without
  // waiting, and no more than max_bytes (but always the first).
  std::vector<Message> take(std::size_t max, std::chrono::milliseconds wait);
  // From now on push() never waits: at shutdown, when nothing takes any
  // more, the broker's connection must still close. What arrives then is
  // bounded by the Receive Maximum.
  void close();
  [[nodiscard]] std::size_t size() const;
  [[nodiscard]] std::size_t bytes() const;

 private:
  [[nodiscard]] bool full() const;

  QueueLimits limits_;
  mutable std::mutex mutex_;
  std::condition_variable ready_;
  std::condition_variable room_;
  std::deque<Message> messages_;
  std::size_t bytes_ = 0;
  bool closed_ = false;
};

}  // namespace tavla::host::ingest
