#include "tavla/host/ingest/queue.hpp"

namespace tavla::host::ingest {
namespace {

std::size_t size_of(const Message& m) {
  return m.topic.size() + m.payload.size();
}

}  // namespace

MessageQueue::MessageQueue(QueueLimits limits) : limits_(limits) {}

bool MessageQueue::full() const {
  return !messages_.empty() &&
         (messages_.size() >= limits_.max_messages || bytes_ >= limits_.max_bytes);
}

void MessageQueue::push(Message message) {
  {
    std::unique_lock lock(mutex_);
    room_.wait(lock, [this] { return closed_ || !full(); });
    bytes_ += size_of(message);
    messages_.push_back(std::move(message));
  }
  ready_.notify_one();
}

std::vector<Message> MessageQueue::take(std::size_t max, std::chrono::milliseconds wait) {
  std::vector<Message> batch;
  {
    std::unique_lock lock(mutex_);
    ready_.wait_for(lock, wait, [this] { return !messages_.empty(); });
    std::size_t taken_bytes = 0;
    while (!messages_.empty() && batch.size() < max &&
           (batch.empty() || taken_bytes + size_of(messages_.front()) <= limits_.max_bytes)) {
      taken_bytes += size_of(messages_.front());
      bytes_ -= size_of(messages_.front());
      batch.push_back(std::move(messages_.front()));
      messages_.pop_front();
    }
  }
  if (!batch.empty()) {
    room_.notify_all();
  }
  return batch;
}

void MessageQueue::close() {
  {
    const std::lock_guard lock(mutex_);
    closed_ = true;
  }
  room_.notify_all();
}

std::size_t MessageQueue::size() const {
  const std::lock_guard lock(mutex_);
  return messages_.size();
}

std::size_t MessageQueue::bytes() const {
  const std::lock_guard lock(mutex_);
  return bytes_;
}

}  // namespace tavla::host::ingest
