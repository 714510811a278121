#include "mqtt_peer.hpp"

#include <mqtt/async_client.h>

namespace tavla::host::testing {

MqttPeer::MqttPeer(const std::string& url, const std::string& client_id) {
  mqtt::create_options create(MQTTVERSION_5);
  create.set_send_while_disconnected(true, true);
  create.set_max_buffered_messages(1'000'000);
  client_ = std::make_unique<mqtt::async_client>(url, client_id, create);
  client_->set_message_callback([this](mqtt::const_message_ptr msg) {
    const std::lock_guard lock(mutex_);
    received_.push_back({msg->get_topic(), msg->get_payload_str(), msg->is_retained()});
  });
  client_->set_connected_handler([this](const std::string&) {
    // A clean session forgets subscriptions: renew them after a reconnect.
    const std::lock_guard lock(mutex_);
    for (const auto& filter : filters_) {
      client_->subscribe(filter, 1);
    }
  });
  auto options = mqtt::connect_options_builder()
                     .mqtt_version(MQTTVERSION_5)
                     .clean_start(true)
                     .automatic_reconnect(std::chrono::milliseconds(200), std::chrono::seconds(2))
                     .finalize();
  client_->connect(options)->wait();
}

MqttPeer::~MqttPeer() {
  try {
    client_->disconnect()->wait_for(std::chrono::seconds(2));
  } catch (...) {  // NOLINT(bugprone-empty-catch): the broker may be gone already
  }
}

void MqttPeer::subscribe(const std::string& filter) {
  {
    const std::lock_guard lock(mutex_);
    filters_.push_back(filter);
  }
  client_->subscribe(filter, 1)->wait();
}

void MqttPeer::publish(const std::string& topic, const std::string& payload, bool retained) {
  client_->publish(topic, payload.data(), payload.size(), 1, retained);
}

std::vector<MqttPeer::Received> MqttPeer::received() {
  const std::lock_guard lock(mutex_);
  return received_;
}

bool MqttPeer::connected() const {
  return client_->is_connected();
}

}  // namespace tavla::host::testing
