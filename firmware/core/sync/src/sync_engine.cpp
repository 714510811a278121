#include "tavla/kiosk/sync_engine.hpp"

#include <algorithm>
#include <stdexcept>

#include "config_signature.hpp"
#include "tavla/protocol/codec.hpp"
#include "tavla/protocol/limits.hpp"
#include "tavla/protocol/topic.hpp"

namespace tavla::kiosk {

namespace {
constexpr auto kStatusInterval = std::chrono::seconds(1);
constexpr auto kPruneInterval = std::chrono::minutes(10);
constexpr auto kIdle = std::chrono::seconds(1);
constexpr auto kRetryPublish = std::chrono::milliseconds(20);
}  // namespace

std::string_view to_string(BrokerState state) {
  switch (state) {
    case BrokerState::connecting:
      return "connecting";
    case BrokerState::connected:
      return "connected";
    case BrokerState::disconnected:
      return "disconnected";
  }
  throw std::invalid_argument("not a BrokerState");
}

SyncEngine::SyncEngine(SyncOptions options, LocalStore& store, BrokerLink& link, const Clock& clock,
                       std::uint64_t current_rev, Callbacks callbacks, Log log)
    : options_(std::move(options)),
      store_(store),
      link_(link),
      clock_(clock),
      callbacks_(std::move(callbacks)),
      log_(or_silent(std::move(log))),
      backoff_(options_.reconnect_min),
      current_rev_(current_rev),
      current_epoch_(options_.current_signing_epoch) {
  status_ = stored_sync_status(store_);
}

SyncStatus stored_sync_status(LocalStore& store) {
  SyncStatus status;
  status.outbox = store.outbox_depth();
  status.last_ack = store.last_ack();
  status.rejected = store.rejections(kLatestRejections);
  return status;
}

void SyncEngine::log(const std::string& line) const {
  log_("sync: " + line);
}

std::string SyncEngine::topic(protocol::Channel channel) const {
  return protocol::topic_for(options_.site, options_.device, channel);
}

void SyncEngine::post(News news) {
  {
    const std::lock_guard lock(mutex_);
    queue_.push_back(std::move(news));
  }
  cv_.notify_all();
}

void SyncEngine::post_connected(bool session_present) {
  post(Connected{session_present});
}

void SyncEngine::post_disconnected(const std::string& reason) {
  post(Disconnected{reason});
}

void SyncEngine::post_message(const std::string& topic, const std::string& payload) {
  post(Received{topic, payload});
}

void SyncEngine::notify_outbox() {
  post(OutboxGrew{});
}

void SyncEngine::wake() {
  cv_.notify_all();
}

void SyncEngine::wait(SteadyTime deadline) {
  std::unique_lock lock(mutex_);
  cv_.wait_until(lock, deadline, [this] { return !queue_.empty(); });
}

SyncStatus SyncEngine::status() const {
  const std::lock_guard lock(mutex_);
  return status_;
}

void SyncEngine::set_status(const SyncStatus& next) {
  {
    const std::lock_guard lock(mutex_);
    if (status_ == next) {
      return;
    }
    status_ = next;
  }
  if (callbacks_.status_changed) {
    callbacks_.status_changed(next);
  }
}

std::string SyncEngine::status_payload(bool online) const {
  protocol::Status status;
  status.online = online;
  if (online) {
    status.fw = options_.firmware;
    status.outbox = store_.outbox_depth();
    status.clock_ok = clock_plausible(clock_.now(), options_.build_date);
    status.last_ack = store_.last_ack();
    // The room-config versions this build reads: the host publishes the
    // newest one both know (protocol/README.md, "Versions and rollout").
    // A kiosk provisioned with the host's key reads signed configs only.
    status.versions.emplace(
        {options_.config_key_pem ? protocol::kSignedConfigVersion : std::uint64_t{1}});
    if (options_.config_key_pem) {
      status.configs_refused = store_.configs_refused();
    }
  }
  return protocol::encode(status);
}

SyncEngine::SteadyTime SyncEngine::process(SteadyTime now) {
  start_once(now);
  mark_acked(take_news(now));
  connect_if_due(now);
  if (connected_) {
    send(now);
  }
  prune_if_due(now);
  refresh_status();
  return next_wake(now);
}

void SyncEngine::start_once(SteadyTime now) {
  if (!started_) {
    started_ = true;
    next_connect_ = now;
    next_prune_ = now;
  }
}

SyncEngine::AckBatch SyncEngine::take_news(SteadyTime now) {
  std::deque<News> news;
  {
    const std::lock_guard lock(mutex_);
    news.swap(queue_);
  }
  AckBatch acks;
  for (const auto& item : news) {
    std::visit([&](const auto& n) { handle(n, now, acks); }, item);
  }
  return acks;
}

void SyncEngine::handle(const Connected& /*news*/, SteadyTime now, AckBatch& /*acks*/) {
  connecting_ = false;
  connected_ = true;
  on_connected(now);
}

void SyncEngine::handle(const Disconnected& news, SteadyTime now, AckBatch& /*acks*/) {
  on_disconnected(now, news.reason);
}

void SyncEngine::handle(const Received& news, SteadyTime /*now*/, AckBatch& acks) {
  if (news.topic == topic(protocol::Channel::ack)) {
    on_ack(news.topic, news.payload, acks);
  } else if (news.topic == topic(protocol::Channel::config)) {
    on_config(news.topic, news.payload);
  }
}

void SyncEngine::handle(const OutboxGrew& /*news*/, SteadyTime /*now*/, AckBatch& /*acks*/) {
  status_dirty_ = true;  // the status says how many wait
}

void SyncEngine::on_ack(const std::string& topic, const std::string& payload, AckBatch& acks) {
  auto ack = protocol::decode_ack(topic, payload);
  if (!ack) {
    log("ignoring a bad ack: " + ack.error().message());
    return;
  }
  for (auto& id : ack.value().ids) {
    acks.ids.push_back(std::move(id));
  }
  for (auto& rejection : ack.value().rejected) {
    log("the host refused event " + rejection.id + ": " + rejection.code);
    acks.rejected.push_back(std::move(rejection));
  }
}

// Acks waiting together are marked in one transaction: one fsync for many.
void SyncEngine::mark_acked(const AckBatch& acks) {
  if (acks.ids.empty()) {
    return;
  }
  try {
    const auto seqs = store_.mark_acked(acks.ids, clock_.now(), acks.rejected);
    rejections_changed_ = rejections_changed_ || !acks.rejected.empty();
    for (const auto seq : seqs) {
      in_flight_.erase(seq);
    }
    if (!seqs.empty()) {
      status_dirty_ = true;
    }
  } catch (const LocalStoreError& e) {
    log(std::string("cannot mark acks: ") + e.what());
  }
}

void SyncEngine::connect_if_due(SteadyTime now) {
  if (!connected_ && !connecting_ && now >= next_connect_) {
    connecting_ = true;
    link_.connect(Will{topic(protocol::Channel::status), status_payload(false)});
  }
}

void SyncEngine::send(SteadyTime now) {
  retry_at_.reset();
  resend_overdue(now);
  fill_window(now);
  if (status_dirty_ && now >= next_status_) {
    publish_status(now);
  }
}

void SyncEngine::prune_if_due(SteadyTime now) {
  if (now < next_prune_) {
    return;
  }
  next_prune_ = now + kPruneInterval;
  try {
    const auto cutoff = clock_.now() - std::chrono::duration_cast<Milliseconds>(options_.retention);
    store_.prune(cutoff);
    rejections_changed_ = true;  // some may have been forgotten
  } catch (const LocalStoreError& e) {
    log(std::string("cannot prune: ") + e.what());
  }
}

void SyncEngine::refresh_status() {
  SyncStatus next = status();
  next.outbox = store_.outbox_depth();
  next.last_ack = store_.last_ack();
  next.broker = connected_    ? BrokerState::connected
                : connecting_ ? BrokerState::connecting
                              : BrokerState::disconnected;
  next.resent = resent_;
  if (rejections_changed_) {
    try {
      next.rejected = store_.rejections(kLatestRejections);
      rejections_changed_ = false;
    } catch (const LocalStoreError& e) {
      log(std::string("cannot read the rejections: ") + e.what());
    }
  }
  set_status(next);
}

// When to run next: the earliest timer.
SyncEngine::SteadyTime SyncEngine::next_wake(SteadyTime now) const {
  SteadyTime wake_at = now + kIdle;
  if (!connected_ && !connecting_) {
    wake_at = std::min(wake_at, next_connect_);
  }
  if (connected_) {
    for (const auto& [seq, f] : in_flight_) {
      wake_at = std::min(wake_at, f.sent + options_.ack_timeout);
    }
    if (status_dirty_) {
      wake_at = std::min(wake_at, next_status_);
    }
    if (retry_at_) {
      wake_at = std::min(wake_at, *retry_at_);
    }
  }
  return std::max(wake_at, now);
}

void SyncEngine::on_connected(SteadyTime now) {
  backoff_ = options_.reconnect_min;
  // Subscribing again is harmless with a present session and needed without.
  link_.subscribe(topic(protocol::Channel::ack));
  link_.subscribe(topic(protocol::Channel::config));
  // Everything unacknowledged goes again, oldest first.
  resent_ += in_flight_.size();
  in_flight_.clear();
  cursor_ = 0;
  publish_status(now);
  log("connected");
}

void SyncEngine::on_disconnected(SteadyTime now, const std::string& reason) {
  const bool was = connected_;
  connected_ = false;
  connecting_ = false;
  next_connect_ = now + backoff_;
  backoff_ = std::min(backoff_ * 2, options_.reconnect_max);
  SyncStatus next = status();
  next.broker = BrokerState::disconnected;
  set_status(next);
  log(std::string(was ? "connection lost: " : "cannot connect: ") + reason);
}

std::optional<std::string> SyncEngine::readable_config(const std::string& topic,
                                                       const std::string& payload,
                                                       SyncStatus& next) {
  if (!options_.config_key_pem) {
    return payload;
  }
  auto verified = detail::verified_config_bytes(*options_.config_key_pem, topic, payload);
  if (auto* bytes = std::get_if<std::string>(&verified)) {
    return std::move(*bytes);
  }
  const auto& refusal = std::get<detail::SignatureRefusal>(verified);
  next.config_rejected = refusal.code;
  try {
    const auto count = store_.count_refused_config();
    log("refusing a room config (" + std::to_string(count) + " refused so far): " + refusal.reason);
  } catch (const LocalStoreError& e) {
    log("refusing a room config: " + refusal.reason + " (not counted: " + e.what() + ")");
  }
  status_dirty_ = true;  // the status's configs_refused grew
  return std::nullopt;
}

bool SyncEngine::is_newer(const protocol::RoomConfig& config, SyncStatus& next) {
  if (config.signing_epoch != current_epoch_) {
    if (config.signing_epoch > current_epoch_) {
      return true;  // a new epoch (a new key's, or a restored host's) whatever its rev
    }
    next.config_rejected = "older_epoch";
    log("rejecting room config of signing epoch " + std::to_string(config.signing_epoch) +
        ": epoch " + std::to_string(current_epoch_) + " is in force");
    return false;
  }
  if (config.rev == current_rev_) {
    return false;  // the retained copy of what we have, delivered again on connect
  }
  if (config.rev < current_rev_) {
    next.config_rejected = "older_rev";
    log("rejecting room config rev " + std::to_string(config.rev) + ": rev " +
        std::to_string(current_rev_) + " is in force");
    return false;
  }
  return true;
}

void SyncEngine::on_config(const std::string& topic, const std::string& message) {
  SyncStatus next = status();
  const auto payload = readable_config(topic, message, next);
  if (!payload) {
    set_status(next);
    return;
  }
  auto config = protocol::decode_config(topic, *payload);
  if (!config) {
    next.config_rejected = std::string(protocol::to_string(config.error().code));
    log("rejecting a room config: " + config.error().message());
    set_status(next);
    return;
  }
  auto& value = config.value();
  if (value.site != options_.site || value.device != options_.device) {
    next.config_rejected = "wrong_device";
    log("rejecting a room config for " + value.site + "/" + value.device);
    set_status(next);
    return;
  }
  if (options_.config_key_pem.has_value() != (value.signing_epoch != 0)) {
    next.config_rejected = "unsupported_version";  // signed bytes of version 1, or the reverse
    log("rejecting a room config in a version this kiosk does not read here");
    set_status(next);
    return;
  }
  if (!is_newer(value, next)) {
    if (next != status()) {
      set_status(next);
    }
    return;
  }
  try {
    store_.save_config(StoredConfig{value.rev, *payload});
  } catch (const LocalStoreError& e) {
    log(std::string("cannot persist the room config: ") + e.what());
    return;
  }
  current_rev_ = value.rev;
  current_epoch_ = value.signing_epoch;
  next.config_rejected.reset();
  set_status(next);
  log("room config rev " + std::to_string(value.rev) + " accepted");
  if (callbacks_.config_accepted) {
    callbacks_.config_accepted(std::move(value));
  }
}

void SyncEngine::fill_window(SteadyTime now) {
  const auto max = static_cast<std::size_t>(std::max(1, options_.max_in_flight));
  const auto events_topic = topic(protocol::Channel::events);
  while (in_flight_.size() < max) {
    std::vector<OutboxEntry> batch;
    try {
      batch = store_.pending(cursor_, max - in_flight_.size());
    } catch (const LocalStoreError& e) {
      log(std::string("cannot read the outbox: ") + e.what());
      return;
    }
    if (batch.empty()) {
      return;
    }
    for (auto& entry : batch) {
      if (!link_.publish(events_topic, entry.payload, false)) {
        // Lost the connection (its news is on the way) or the client's queue
        // is full: try again shortly rather than at the next ack.
        retry_at_ = now + kRetryPublish;
        return;
      }
      cursor_ = entry.seq;
      in_flight_[entry.seq] = InFlight{std::move(entry.id), std::move(entry.payload), now};
    }
  }
}

void SyncEngine::resend_overdue(SteadyTime now) {
  const auto events_topic = topic(protocol::Channel::events);
  for (auto& [seq, f] : in_flight_) {
    if (now >= f.sent + options_.ack_timeout) {
      if (!link_.publish(events_topic, f.payload, false)) {
        return;
      }
      f.sent = now;
      ++resent_;
    }
  }
}

void SyncEngine::publish_status(SteadyTime now) {
  if (link_.publish(topic(protocol::Channel::status), status_payload(true), true)) {
    status_dirty_ = false;
    next_status_ = now + kStatusInterval;
  }
}

void SyncEngine::shutdown() {
  if (connected_) {
    link_.publish(topic(protocol::Channel::status), status_payload(false), true);
  }
  link_.disconnect();
  connected_ = false;
}

}  // namespace tavla::kiosk
