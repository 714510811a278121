// The real MQTT client: Paho MQTT C++ (async_client), MQTT 3.1.1, client id =
// device id, clean session (a Paho bug makes a persistent one unsafe, see
// paho_broker_link.cpp), QoS 1. Reconnecting is SyncEngine's job (with its
// own backoff), so Paho's automatic reconnect is off: it would not retry a
// first connect that failed anyway. Over TLS it verifies the broker's chain
// (against ca_file) and host name; a failed connect is reported in words
// (a refused login with its username, a wrong host name, an unknown CA).
#pragma once

#include <memory>
#include <string>

#include "tavla/kiosk/broker_link.hpp"
#include "tavla/kiosk/config.hpp"
#include "tavla/kiosk/log.hpp"

namespace tavla::kiosk {

class PahoBrokerLink final : public BrokerLink {
 public:
  // `log` gets one line on the transport (TLS, or plain TCP on loopback) at
  // the first connect.
  PahoBrokerLink(const BrokerConfig& broker, const std::string& client_id, Log log = {});
  ~PahoBrokerLink() override;
  PahoBrokerLink(const PahoBrokerLink&) = delete;
  PahoBrokerLink& operator=(const PahoBrokerLink&) = delete;

  void set_handlers(BrokerLinkHandlers handlers) override;
  void connect(const Will& will) override;
  void disconnect() override;
  bool publish(const std::string& topic, const std::string& payload, bool retained) override;
  bool subscribe(const std::string& filter) override;

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace tavla::kiosk
