// A test's own MQTT client (Paho): plays a kiosk or a bare subscriber. It
// records every message on the topics it subscribes to.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace mqtt {
class async_client;
}

namespace tavla::host::testing {

class MqttPeer {
 public:
  struct Received {
    std::string topic;
    std::string payload;
    bool retained = false;
  };
  MqttPeer(const std::string& url, const std::string& client_id);
  ~MqttPeer();
  void subscribe(const std::string& filter);
  void publish(const std::string& topic, const std::string& payload, bool retained = false);
  [[nodiscard]] std::vector<Received> received();
  [[nodiscard]] bool connected() const;

 private:
  std::unique_ptr<mqtt::async_client> client_;
  mutable std::mutex mutex_;
  std::vector<Received> received_;
  std::vector<std::string> filters_;
};

}  // namespace tavla::host::testing
