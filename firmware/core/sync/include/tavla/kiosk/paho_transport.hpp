// The real MQTT client: Paho MQTT C++ (async_client), MQTT 3.1.1, client id =
// device id, clean session (a Paho bug makes a persistent one unsafe, see
// paho_transport.cpp), QoS 1. Reconnecting is SyncEngine's job (with its own
// backoff), so Paho's automatic reconnect is off: it would not retry a first
// connect that failed anyway.
#pragma once

#include <memory>
#include <string>

#include "tavla/kiosk/config.hpp"
#include "tavla/kiosk/transport.hpp"

namespace tavla::kiosk {

class PahoTransport final : public Transport {
 public:
  PahoTransport(const BrokerConfig& broker, const std::string& client_id);
  ~PahoTransport() override;
  PahoTransport(const PahoTransport&) = delete;
  PahoTransport& operator=(const PahoTransport&) = delete;

  void set_handlers(TransportHandlers handlers) override;
  void connect(const Will& will) override;
  void disconnect() override;
  bool publish(const std::string& topic, const std::string& payload, bool retained) override;
  bool subscribe(const std::string& filter) override;

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace tavla::kiosk
