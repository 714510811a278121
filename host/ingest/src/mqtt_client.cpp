#include "tavla/host/ingest/mqtt_client.hpp"

#include <mqtt/async_client.h>

#include <thread>

#include "tavla/host/broker/connection.hpp"
#include "tavla/protocol/net/broker_url.hpp"
#include "tavla/protocol/net/tcp_nodelay.hpp"
#include "tavla/protocol/topic.hpp"

namespace tavla::host::ingest {

MqttClient::MqttClient(const config::Site& site, const std::string& client_id, MessageQueue& queue,
                       Log log)
    : site_(site), queue_(queue), log_(std::move(log)) {
  mqtt::create_options create(MQTTVERSION_5);
  // Acks and room configs published while the broker is away wait here;
  // losing one only means a device resends (acks) or a later republish.
  create.set_send_while_disconnected(true, true);
  create.set_max_buffered_messages(100000);
  create.set_delete_oldest_messages(true);
  client_ = std::make_unique<mqtt::async_client>(site.broker.url, client_id, create);
  client_->set_message_callback([this](const mqtt::const_message_ptr& msg) {
    queue_.push({msg->get_topic(), msg->get_payload_str()});
  });
  client_->set_connected_handler([this](const std::string&) {
    // A new connection is a new socket: Nagle off again (tcp_nodelay.hpp).
    protocol::net::disable_nagle_towards(protocol::net::broker_port(site_.broker.url));
    // After an automatic reconnect: subscribe again (never wait on Paho's
    // callback thread). The first connect subscribes in connect().
    if (connected_once_ && consuming_) {
      log_("reconnected to " + site_.broker.url + "; subscribing again");
      try {
        (void)subscribe();
      } catch (const mqtt::exception& e) {
        log_(std::string("subscribe failed: ") + e.what());
      }
    }
  });
  client_->set_connection_lost_handler([this](const std::string& cause) {
    log_("connection to the broker lost (" + cause + "); reconnecting");
  });
}

MqttClient::~MqttClient() {
  try {
    disconnect();
  } catch (...) {  // NOLINT(bugprone-empty-catch): nothing to do at exit
  }
}

std::vector<std::string> MqttClient::filters() const {
  std::vector<std::string> result;
  for (const auto channel : {protocol::Channel::events, protocol::Channel::status}) {
    const std::string filter = protocol::device_wildcard(site_.id, channel);
    result.push_back(site_.broker.shared_group.empty()
                         ? filter
                         : protocol::shared_subscription(site_.broker.shared_group, filter));
  }
  return result;
}

mqtt::token_ptr MqttClient::subscribe() {
  const auto topics = filters();
  return client_->subscribe(mqtt::string_collection::create(topics),
                            std::vector<int>(topics.size(), 1));
}

bool MqttClient::connect(const std::atomic<bool>& stop) {
  mqtt::properties props;
  props.add({mqtt::property::MAXIMUM_PACKET_SIZE, kMaxPacketBytes});
  // At most this many QoS 1 messages unacknowledged towards the host: with
  // a full MessageQueue (whose push holds Paho's acknowledgement back) the
  // broker keeps the rest, so the host's memory stays bounded. Paho's
  // max_inflight would limit only the host's own publishes.
  props.add({mqtt::property::RECEIVE_MAXIMUM, kReceiveMaximum});
  // A week: queued messages survive a host restart or upgrade.
  props.add({mqtt::property::SESSION_EXPIRY_INTERVAL, 7 * 24 * 3600});
  auto builder = mqtt::connect_options_builder()
                     .mqtt_version(MQTTVERSION_5)
                     .clean_start(false)
                     .keep_alive_interval(std::chrono::seconds(20))
                     .automatic_reconnect(std::chrono::milliseconds(500), std::chrono::seconds(30));
  broker::apply_login(builder, site_.broker, site_.broker.url);
  if (const auto address = protocol::net::parse_broker_url(site_.broker.url)) {
    log_("broker: " + protocol::net::describe_transport(*address));
  }
  auto options = builder.finalize();
  // Set on the object given to connect(): with Paho C++ 1.2, properties
  // given to the builder (or set before a copy of the options) never reach
  // the broker, so there was no session expiry and no session survived a
  // disconnect (mosquitto 2.0.11 answered every reconnect with "no session
  // present"). Serve tests check that the broker queues for a stopped host.
  options.set_properties(props);
  auto backoff = std::chrono::milliseconds(250);
  while (!stop) {
    try {
      client_->connect(options)->wait();
      protocol::net::disable_nagle_towards(protocol::net::broker_port(site_.broker.url));
      subscribe()->wait();
      connected_once_ = true;
      return true;
    } catch (const mqtt::exception& e) {
      log_("cannot connect to the broker at " + site_.broker.url + ": " +
           broker::describe_connect_failure(e, site_.broker, site_.broker.url) + "; retrying in " +
           std::to_string(backoff.count()) + " ms");
    }
    for (auto waited = std::chrono::milliseconds(0); waited < backoff && !stop;
         waited += std::chrono::milliseconds(50)) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    backoff = std::min(backoff * 2, std::chrono::milliseconds(30'000));
  }
  return false;
}

void MqttClient::stop_consuming() {
  consuming_ = false;
  // A lone host keeps its subscriptions: its session outlives the process
  // (session expiry above), so the broker queues what the rooms send while
  // it restarts or is upgraded, and delivers it on the next connect instead
  // of the devices resending after their ack timeout. An instance of a
  // shared group unsubscribes, so its peers take over at once.
  if (site_.broker.shared_group.empty()) {
    return;
  }
  try {
    const auto topics = filters();
    client_->unsubscribe(mqtt::string_collection::create(topics))
        ->wait_for(std::chrono::seconds(5));
  } catch (const mqtt::exception& e) {
    log_(std::string("unsubscribe failed: ") + e.what());
  }
}

void MqttClient::disconnect() {
  if (client_ && client_->is_connected()) {
    // Up to 5 s for in-flight acks to complete before the connection closes.
    client_->disconnect(5000)->wait_for(std::chrono::seconds(6));
  }
}

void MqttClient::publish(const std::string& topic, const std::string& payload, bool retained) {
  try {
    client_->publish(topic, payload.data(), payload.size(), 1, retained);
  } catch (const mqtt::exception& e) {
    // Dropped only when the client's buffer is full: the device resends its
    // events (and is acked then); configs are republished on the next change.
    log_("publish to " + topic + " failed: " + e.what());
  }
}

}  // namespace tavla::host::ingest
