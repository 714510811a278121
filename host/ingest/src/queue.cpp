#include "tavla/host/ingest/queue.hpp"

namespace tavla::host::ingest {

void MessageQueue::push(Message message) {
  {
    const std::lock_guard lock(mutex_);
    messages_.push_back(std::move(message));
  }
  ready_.notify_one();
}

std::vector<Message> MessageQueue::take(std::size_t max, std::chrono::milliseconds wait) {
  std::unique_lock lock(mutex_);
  ready_.wait_for(lock, wait, [this] { return !messages_.empty(); });
  std::vector<Message> batch;
  while (!messages_.empty() && batch.size() < max) {
    batch.push_back(std::move(messages_.front()));
    messages_.pop_front();
  }
  return batch;
}

std::size_t MessageQueue::size() const {
  const std::lock_guard lock(mutex_);
  return messages_.size();
}

}  // namespace tavla::host::ingest
