// How the host connects to the broker, shared by serve's MqttClient and the
// provisioning's DynsecClient: the site file's account (username and
// password file), TLS with the chain (against [broker] ca_file) and the
// host name verified, and why a connect failed, in words.
#pragma once

#include <mqtt/async_client.h>

#include <filesystem>
#include <stdexcept>
#include <string>

#include "tavla/host/config/site.hpp"

namespace tavla::host::broker {

// A broker that cannot be reached, refuses the login or the request.
class BrokerError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The first line of a password file (a trailing newline is not part of it).
[[nodiscard]] std::string read_secret(const std::filesystem::path& file);

// `url` (the site's broker.url, or another of the same broker) with the
// site's account and TLS options (chain and host name verified) on
// `builder`. No Paho ssl error_handler: Paho C keeps a pointer to the
// options object it was set on, gone by the time a handshake fails.
void apply_login(mqtt::connect_options_builder& builder, const config::Broker& broker,
                 const std::string& url);

// Why connecting to `url` failed: "not authorised" with the username for a
// refused login; for TLS, what diagnose_tls finds (wrong host name, unknown
// CA, unreachable); else Paho's words.
[[nodiscard]] std::string describe_connect_failure(const mqtt::exception& e,
                                                   const config::Broker& broker,
                                                   const std::string& url);

}  // namespace tavla::host::broker
