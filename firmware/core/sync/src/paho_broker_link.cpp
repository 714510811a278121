#include "tavla/kiosk/paho_broker_link.hpp"

#include <mqtt/async_client.h>

#include "tavla/protocol/net/broker_url.hpp"
#include "tavla/protocol/net/connect_refusal.hpp"
#include "tavla/protocol/net/tcp_nodelay.hpp"
#include "tavla/protocol/net/tls_check.hpp"

namespace tavla::kiosk {

namespace {
constexpr int kQos = 1;
constexpr auto kConnectTimeout = std::chrono::seconds(5);
// A dead link is noticed within 1.5 keep-alives (and the broker sends the will).
constexpr auto kKeepAlive = std::chrono::seconds(10);
// Paho's own limits; ours (SyncEngine's max_in_flight) is the one that
// counts. Paho also refuses a publish when more than max_buffered commands
// wait in its queue (default 100), even while connected.
constexpr int kPahoMaxInflight = 65535;
constexpr int kPahoMaxBuffered = 65535;
// How long the check of a failed TLS connect may take (tls_check.hpp).
constexpr auto kTlsCheckTimeout = std::chrono::seconds(3);

// Paho's TLS options: the chain verified against ca_file (or the system's
// CAs) and, with `verify`, the host name against the certificate. No
// error_handler: Paho C keeps a pointer to the options object it was set on
// (a temporary by the time a handshake fails: a use-after-free); a failed
// connect is diagnosed by tls_check.hpp instead.
mqtt::ssl_options tls_options(const BrokerConfig& broker) {
  auto ssl = mqtt::ssl_options_builder().enable_server_cert_auth(true).verify(true);
  if (broker.ca_file) {
    ssl.trust_store(broker.ca_file->string());
  }
  return ssl.finalize();
}
}  // namespace

// Connect results come through an action listener (so a failed first
// attempt reports back too); lost connections through the lost handler.
class PahoBrokerLink::Impl final : public mqtt::iaction_listener {
 public:
  Impl(const BrokerConfig& broker, const std::string& client_id, Log log)
      : broker_(broker),
        address_(protocol::net::parse_broker_url(broker.url)),
        log_(or_silent(std::move(log))),
        client_(broker.url, client_id, mqtt::create_options(MQTTVERSION_3_1_1, kPahoMaxBuffered)) {}

  ~Impl() override {
    try {
      client_.disable_callbacks();
      if (client_.is_connected()) {
        client_.disconnect(std::chrono::milliseconds(0))->wait_for(std::chrono::seconds(2));
      }
    } catch (const std::exception&) {  // NOLINT(bugprone-empty-catch): going away anyway
    }
  }
  Impl(const Impl&) = delete;
  Impl& operator=(const Impl&) = delete;

  void set_handlers(BrokerLinkHandlers handlers) {
    handlers_ = std::move(handlers);
    client_.set_connection_lost_handler([this](const std::string& cause) {
      if (handlers_.disconnected) {
        handlers_.disconnected(cause.empty() ? "connection lost" : cause);
      }
    });
    client_.set_message_callback([this](mqtt::const_message_ptr msg) {
      if (handlers_.message) {
        handlers_.message(msg->get_topic(), msg->get_payload_str());
      }
    });
  }

  void connect(const Will& will) {
    // A clean session works around a Paho C bug (libpaho-mqtt3as 1.3.12 and
    // upstream at 1.3.13; eclipse-paho/paho.mqtt.c issues 1621 and 1622):
    // when writing a QoS 1 PUBLISH fails because the broker went away, Paho
    // frees the message's topic and payload while its outbound list still
    // holds them, and a persistent session resends that list after the
    // reconnect: a use-after-free (tests/sanitizers/README.md has the
    // reproducer). A clean session drops the list instead; its second free
    // is a no-op in Debian's build (Paho's heap tracking). Nothing is lost:
    // SyncEngine resends every unacked event after a reconnect, subscribes
    // again, and the room config is retained.
    auto builder = mqtt::connect_options_builder()
                       .clean_session(true)
                       .keep_alive_interval(kKeepAlive)
                       .connect_timeout(kConnectTimeout)
                       .automatic_reconnect(false)
                       .max_inflight(kPahoMaxInflight)
                       .will(mqtt::message(will.topic, will.payload, kQos, true));
    if (broker_.username) {
      builder.user_name(*broker_.username);
    }
    if (broker_.password) {
      builder.password(*broker_.password);
    }
    if (address_ && address_->tls) {
      builder.ssl(tls_options(broker_));
    }
    if (!transport_logged_ && address_) {
      log_("broker: " + protocol::net::describe_transport(*address_));
      transport_logged_ = true;
    }
    try {
      client_.connect(builder.finalize(), nullptr, *this);
    } catch (const mqtt::exception& e) {
      if (handlers_.disconnected) {
        handlers_.disconnected(e.what());
      }
    }
  }

  void disconnect() {
    try {
      if (client_.is_connected()) {
        client_.disconnect()->wait_for(std::chrono::seconds(2));
      }
    } catch (const mqtt::exception&) {  // NOLINT(bugprone-empty-catch): nothing left to do
    }
  }

  bool publish(const std::string& topic, const std::string& payload, bool retained) {
    if (!client_.is_connected()) {
      return false;
    }
    try {
      client_.publish(topic, payload.data(), payload.size(), kQos, retained);
      return true;
    } catch (const mqtt::exception&) {
      return false;
    }
  }

  bool subscribe(const std::string& filter) {
    if (!client_.is_connected()) {
      return false;
    }
    try {
      client_.subscribe(filter, kQos);
      return true;
    } catch (const mqtt::exception&) {
      return false;
    }
  }

 private:
  void on_success(const mqtt::token& tok) override {
    protocol::net::disable_nagle_towards(protocol::net::broker_port(broker_.url));
    bool session_present = false;
    try {
      session_present = tok.get_connect_response().is_session_present();
    } catch (const std::exception&) {  // NOLINT(bugprone-empty-catch): treat as no session
    }
    if (handlers_.connected) {
      handlers_.connected(session_present);
    }
  }
  void on_failure(const mqtt::token& tok) override {
    if (handlers_.disconnected) {
      handlers_.disconnected(failure_reason(tok.get_return_code()));
    }
  }

  // A refused login with its username; a TLS failure as the check finds it
  // (this runs on Paho's thread after the connect failed, when nothing else
  // waits on it); else the broker could not be reached.
  std::string failure_reason(int code) {
    if (code > 0) {
      return protocol::net::describe_connect_refusal(code, broker_.username);
    }
    if (!address_) {
      return "connect failed (code " + std::to_string(code) + ")";
    }
    if (address_->tls) {
      return protocol::net::diagnose_tls(*address_, broker_.ca_file, kTlsCheckTimeout).sentence;
    }
    return "cannot reach the broker at " + address_->host + ":" + std::to_string(address_->port);
  }

  BrokerConfig broker_;
  std::optional<protocol::net::BrokerAddress> address_;
  Log log_;
  bool transport_logged_ = false;
  mqtt::async_client client_;
  BrokerLinkHandlers handlers_;
};

PahoBrokerLink::PahoBrokerLink(const BrokerConfig& broker, const std::string& client_id, Log log)
    : impl_(std::make_unique<Impl>(broker, client_id, std::move(log))) {}
PahoBrokerLink::~PahoBrokerLink() = default;

void PahoBrokerLink::set_handlers(BrokerLinkHandlers handlers) {
  impl_->set_handlers(std::move(handlers));
}
void PahoBrokerLink::connect(const Will& will) {
  impl_->connect(will);
}
void PahoBrokerLink::disconnect() {
  impl_->disconnect();
}
bool PahoBrokerLink::publish(const std::string& topic, const std::string& payload, bool retained) {
  return impl_->publish(topic, payload, retained);
}
bool PahoBrokerLink::subscribe(const std::string& filter) {
  return impl_->subscribe(filter);
}

}  // namespace tavla::kiosk
