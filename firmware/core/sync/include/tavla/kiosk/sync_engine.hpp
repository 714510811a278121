// Sync: sends the outbox to the host and takes in acks and room configs.
//
// Single-threaded logic driven by one worker thread: broker link callbacks and
// "new events" notifications are queued (post_*), and process() handles them
// together with the timers. That keeps Paho's rule (never block in a
// callback) and lets unit tests drive the logic with a fake broker link.
//
// Rules:
// - publishes unacknowledged events in seq order, at most max_in_flight
//   unacknowledged at a time (QoS 1, not retained);
// - only the host's ack ends an event's journey: acked events are marked in
//   the store (all acks waiting in the queue in one transaction), unknown ids
//   are ignored;
// - after a reconnect every unacknowledged event is sent again from the
//   oldest; while connected, an event without ack after ack_timeout is sent
//   again (a broker may drop QoS 1 messages for a full subscriber queue);
// - reconnects with exponential backoff (reconnect_min doubling to
//   reconnect_max), the MQTT will on `status` says offline;
// - publishes the retained status on connect and when outbox depth or last
//   ack change (at most once a second);
// - a room config is accepted only when it decodes and validates, names this
//   site and device, and has a newer rev; it is persisted before it is used.
// - an ack's `rejected` entries are kept in the store in the same transaction
//   as its marks, and the status carries how many and the latest.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "tavla/kiosk/broker_link.hpp"
#include "tavla/kiosk/broker_state.hpp"
#include "tavla/kiosk/config.hpp"
#include "tavla/kiosk/local_store.hpp"
#include "tavla/kiosk/log.hpp"
#include "tavla/kiosk/time.hpp"
#include "tavla/protocol/room_config.hpp"
#include "tavla/protocol/topic.hpp"

namespace tavla::kiosk {

struct SyncOptions {
  std::string site;
  std::string device;
  std::string firmware;    // status `fw`
  std::string build_date;  // YYYY-MM-DD: clock plausibility
  int max_in_flight = 256;
  std::chrono::milliseconds ack_timeout{10000};
  std::chrono::milliseconds reconnect_min{500};
  std::chrono::milliseconds reconnect_max{30000};
  std::chrono::milliseconds retention{std::chrono::hours(24 * 30)};
  // The host's config-signing public key (PEM). Set: the kiosk announces
  // and reads only signed configs (version 2), refusing and counting any
  // other; unset: only unsigned version 1 (a development setup).
  std::optional<std::string> config_key_pem;
  // The signing epoch of the config in force (0: none, or version 1).
  std::uint64_t current_signing_epoch = 0;
};

// What the snapshot shows of sync.
struct SyncStatus {
  BrokerState broker = BrokerState::connecting;
  std::uint64_t outbox = 0;
  std::optional<Timestamp> last_ack;
  std::optional<std::string> config_rejected;
  std::uint64_t resent = 0;  // events published again (after reconnect or timeout)
  Rejections rejected;       // events the host refused (acked into its quarantine)
  bool operator==(const SyncStatus&) const = default;
};

// What the store says of sync before any news: outbox, last ack, rejections.
[[nodiscard]] SyncStatus stored_sync_status(LocalStore& store);

class SyncEngine {
 public:
  using SteadyTime = std::chrono::steady_clock::time_point;
  struct Callbacks {
    // A new room config was accepted and persisted (worker thread).
    std::function<void(protocol::RoomConfig)> config_accepted;
    // SyncStatus changed (worker thread).
    std::function<void(const SyncStatus&)> status_changed;
  };

  // `current_rev`: the rev of the config in force (0: none). `log` gets
  // connects, losses and refused configs.
  SyncEngine(SyncOptions options, LocalStore& store, BrokerLink& link, const Clock& clock,
             std::uint64_t current_rev, Callbacks callbacks, Log log = {});

  // Thread-safe: queue news for the worker and wake it.
  void post_connected(bool session_present);
  void post_disconnected(const std::string& reason);
  void post_message(const std::string& topic, const std::string& payload);
  void notify_outbox();
  void wake();

  // Worker: waits for queued news until `deadline`.
  void wait(SteadyTime deadline);
  // Worker: handles everything queued and every timer due at `now`; returns
  // when it next needs to run.
  SteadyTime process(SteadyTime now);
  // Worker: publishes the offline status and disconnects.
  void shutdown();

  [[nodiscard]] SyncStatus status() const;
  [[nodiscard]] std::string topic(protocol::Channel channel) const;

 private:
  // The news the link's callbacks and the core queue for the worker.
  struct Connected {
    bool session_present = false;
  };
  struct Disconnected {
    std::string reason;
  };
  struct Received {
    std::string topic;
    std::string payload;
  };
  struct OutboxGrew {};
  using News = std::variant<Connected, Disconnected, Received, OutboxGrew>;
  // Acks that arrived together, marked in one transaction.
  struct AckBatch {
    std::vector<std::string> ids;
    std::vector<protocol::Rejection> rejected;
  };
  struct InFlight {
    std::string id;
    std::string payload;
    SteadyTime sent;
  };

  void post(News news);
  void start_once(SteadyTime now);
  // One handler per kind of news (take_news visits with them).
  void handle(const Connected& news, SteadyTime now, AckBatch& acks);
  void handle(const Disconnected& news, SteadyTime now, AckBatch& acks);
  void handle(const Received& news, SteadyTime now, AckBatch& acks);
  void handle(const OutboxGrew& news, SteadyTime now, AckBatch& acks);
  AckBatch take_news(SteadyTime now);
  void mark_acked(const AckBatch& acks);
  void connect_if_due(SteadyTime now);
  void send(SteadyTime now);
  void prune_if_due(SteadyTime now);
  void refresh_status();
  [[nodiscard]] SteadyTime next_wake(SteadyTime now) const;
  void on_connected(SteadyTime now);
  void on_disconnected(SteadyTime now, const std::string& reason);
  void on_ack(const std::string& topic, const std::string& payload, AckBatch& acks);
  void on_config(const std::string& topic, const std::string& payload);
  // The config's bytes to read: a signed one's verified bytes, or nullopt
  // (refused, counted, logged) when the kiosk wants signed ones.
  std::optional<std::string> readable_config(const std::string& topic, const std::string& payload,
                                             SyncStatus& next);
  // Whether `config` replaces the one in force: a newer signing epoch
  // whatever its rev, else a higher rev; an equal one is ignored quietly.
  bool is_newer(const protocol::RoomConfig& config, SyncStatus& next);
  void fill_window(SteadyTime now);
  void resend_overdue(SteadyTime now);
  void publish_status(SteadyTime now);
  void set_status(const SyncStatus& next);
  [[nodiscard]] std::string status_payload(bool online) const;
  void log(const std::string& line) const;

  SyncOptions options_;
  LocalStore& store_;
  BrokerLink& link_;
  const Clock& clock_;
  Callbacks callbacks_;
  Log log_;

  mutable std::mutex mutex_;  // guards queue_ and status_
  std::condition_variable cv_;
  std::deque<News> queue_;
  SyncStatus status_;

  // Worker-only state.
  bool started_ = false;
  bool connected_ = false;
  bool connecting_ = false;
  std::chrono::milliseconds backoff_;
  SteadyTime next_connect_{};
  std::uint64_t cursor_ = 0;  // highest seq published since the last (re)connect
  std::map<std::uint64_t, InFlight> in_flight_;
  std::uint64_t current_rev_;
  std::uint64_t current_epoch_;
  bool status_dirty_ = false;
  SteadyTime next_status_{};
  SteadyTime next_prune_{};
  std::optional<SteadyTime> retry_at_;  // a publish was refused while connected
  std::uint64_t resent_ = 0;
  bool rejections_changed_ = false;  // read them again for the status
};

}  // namespace tavla::kiosk
