#include "mqtt_peer.hpp"

#include <mqtt/async_client.h>

namespace tavla::host::testing {

MqttPeer::MqttPeer(const std::string& url, const std::string& client_id,
                   const std::optional<Login>& login) {
  const bool v5 = !login || login->version == Version::v5;
  const int version = v5 ? MQTTVERSION_5 : MQTTVERSION_3_1_1;
  mqtt::create_options create(version);
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
  auto builder = mqtt::connect_options_builder().mqtt_version(version).automatic_reconnect(
      std::chrono::milliseconds(200), std::chrono::seconds(2));
  if (v5) {
    builder.clean_start(true);
  } else {
    builder.clean_session(true);
  }
  if (login) {
    builder.user_name(login->username).password(login->password);
    if (url.starts_with("ssl://")) {
      auto ssl = mqtt::ssl_options_builder().enable_server_cert_auth(true).verify(true);
      if (login->ca_file) {
        ssl.trust_store(login->ca_file->string());
      }
      builder.ssl(ssl.finalize());
    }
  }
  client_->connect(builder.finalize())->wait();
}

std::string MqttPeer::try_connect(const std::string& url, const std::string& client_id,
                                  const std::optional<Login>& login) {
  try {
    const MqttPeer peer(url, client_id, login);
    return peer.connected() ? "" : "not connected";
  } catch (const mqtt::exception& e) {
    return e.what();
  }
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
  const auto token = client_->subscribe(filter, 1);
  token->wait();
  const auto response = token->get_subscribe_response();  // by value: keep it
  for (const auto code : response.get_reason_codes()) {
    if (code >= mqtt::ReasonCode::UNSPECIFIED_ERROR) {
      throw mqtt::exception(MQTTASYNC_FAILURE, code);
    }
  }
}

void MqttPeer::publish(const std::string& topic, const std::string& payload, bool retained) {
  client_->publish(topic, payload.data(), payload.size(), 1, retained);
}

bool MqttPeer::publish_acknowledged(const std::string& topic, const std::string& payload) {
  try {
    const auto token = client_->publish(topic, payload.data(), payload.size(), 1, false);
    return token->wait_for(std::chrono::seconds(5)) && token->get_return_code() == 0 &&
           token->get_reason_code() < mqtt::ReasonCode::UNSPECIFIED_ERROR;
  } catch (const mqtt::exception&) {
    return false;
  }
}

std::vector<MqttPeer::Received> MqttPeer::received() {
  const std::lock_guard lock(mutex_);
  return received_;
}

bool MqttPeer::connected() const {
  return client_->is_connected();
}

}  // namespace tavla::host::testing
