// The MQTT client as the sync logic sees it: a small interface so the logic
// is unit-tested with a fake, while the program and the integration tests use
// PahoBrokerLink against a real mosquitto.
//
// Every method returns at once (no network wait). Results come back through
// the handlers, which may run on the client library's thread: they must only
// hand the news over (SyncEngine queues it), never block.
#pragma once

#include <functional>
#include <string>

namespace tavla::kiosk {

struct BrokerLinkHandlers {
  std::function<void(bool session_present)> connected;
  // The connection attempt failed or an established connection was lost.
  std::function<void(const std::string& reason)> disconnected;
  std::function<void(const std::string& topic, const std::string& payload)> message;
};

struct Will {
  std::string topic;
  std::string payload;
};

class BrokerLink {
 public:
  BrokerLink() = default;
  virtual ~BrokerLink() = default;
  BrokerLink(const BrokerLink&) = delete;
  BrokerLink& operator=(const BrokerLink&) = delete;
  BrokerLink(BrokerLink&&) = delete;
  BrokerLink& operator=(BrokerLink&&) = delete;
  virtual void set_handlers(BrokerLinkHandlers handlers) = 0;
  // Starts one connection attempt (`will` retained, QoS 1). Exactly one of
  // connected/disconnected follows.
  virtual void connect(const Will& will) = 0;
  // Closes the connection without publishing the will.
  virtual void disconnect() = 0;
  // Queues a QoS 1 publish; false when not connected or the client refuses.
  virtual bool publish(const std::string& topic, const std::string& payload, bool retained) = 0;
  // QoS 1 subscription; false when not connected.
  virtual bool subscribe(const std::string& filter) = 0;
};

}  // namespace tavla::kiosk
