// The Paho MQTT v5 async client of `serve`: a persistent session (messages
// queued by the broker while the host is down arrive after it returns),
// subscriptions to every device's events and status (shared when the site
// sets shared_group), renewed on every (re)connect, a 256 KiB maximum packet
// so oversize messages still reach quarantine, a Receive Maximum so a full
// MessageQueue pushes back on the broker, and automatic reconnect with
// backoff. Over TLS it verifies the broker's chain and host name
// (host/broker/connection.hpp) and logs why a connect failed in words.
// Arriving messages go straight to the MessageQueue.
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <string>

#include "tavla/host/config/site.hpp"
#include "tavla/host/ingest/publisher.hpp"
#include "tavla/host/ingest/queue.hpp"

namespace mqtt {
class async_client;
class token;
}  // namespace mqtt

namespace tavla::host::ingest {

inline constexpr int kMaxPacketBytes = 256 * 1024;
// MQTT 5's Receive Maximum on the host's connect (see mqtt_client.cpp).
inline constexpr int kReceiveMaximum = 64;

class MqttClient final : public Publisher {
 public:
  using Log = std::function<void(const std::string&)>;
  MqttClient(const config::Site& site, const std::string& client_id, MessageQueue& queue, Log log);
  ~MqttClient() override;
  MqttClient(const MqttClient&) = delete;
  MqttClient& operator=(const MqttClient&) = delete;
  MqttClient(MqttClient&&) = delete;
  MqttClient& operator=(MqttClient&&) = delete;

  // Connects and subscribes, retrying with backoff until it succeeds or
  // `stop` becomes true. Returns whether it is subscribed.
  bool connect(const std::atomic<bool>& stop);
  // Stops resubscribing; in a shared group also unsubscribes so the peers
  // take over. Keeps the connection for the last acks.
  void stop_consuming();
  void disconnect();
  void publish(const std::string& topic, const std::string& payload, bool retained) override;

 private:
  std::shared_ptr<mqtt::token> subscribe();
  [[nodiscard]] std::vector<std::string> filters() const;

  const config::Site site_;  // a copy: a reload never races the callback thread
  MessageQueue& queue_;
  Log log_;
  std::unique_ptr<mqtt::async_client> client_;
  std::atomic<bool> consuming_{true};
  std::atomic<bool> connected_once_{false};
};

}  // namespace tavla::host::ingest
