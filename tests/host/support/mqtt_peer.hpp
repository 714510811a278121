// A test's own MQTT client (Paho): plays a kiosk or a bare subscriber. It
// records every message on the topics it subscribes to.
#pragma once

#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
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
  // An account, and for ssl:// the CA to verify the broker with (chain and host name).
  // MQTT 5 by default; the kiosk speaks 3.1.1 (where a refused publish is
  // acknowledged as if accepted, while under MQTT 5 Paho drops the
  // connection at its negative PUBACK).
  enum class Version { v5, v3_1_1 };
  struct Login {
    std::string username;
    std::string password;
    std::optional<std::filesystem::path> ca_file;
    Version version = Version::v5;
  };
  // Throws mqtt::exception if the broker refuses the connect.
  MqttPeer(const std::string& url, const std::string& client_id,
           const std::optional<Login>& login = std::nullopt);
  // "" when a connect as `login` with `client_id` is accepted, else the failure.
  [[nodiscard]] static std::string try_connect(const std::string& url, const std::string& client_id,
                                               const std::optional<Login>& login);
  ~MqttPeer();
  // Throws mqtt::exception if the broker refuses it (MQTT 5 reason code).
  void subscribe(const std::string& filter);
  void publish(const std::string& topic, const std::string& payload, bool retained = false);
  // A QoS 1 publish and its PUBACK: false if the broker refused it (or
  // dropped the connection instead) within a few seconds.
  [[nodiscard]] bool publish_acknowledged(const std::string& topic, const std::string& payload);
  [[nodiscard]] std::vector<Received> received();
  [[nodiscard]] bool connected() const;

 private:
  std::unique_ptr<mqtt::async_client> client_;
  mutable std::mutex mutex_;
  std::vector<Received> received_;
  std::vector<std::string> filters_;
};

}  // namespace tavla::host::testing
