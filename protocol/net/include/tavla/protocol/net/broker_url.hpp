// A broker URL as kiosk and host both read it, and the one transport rule
// they share: TLS (ssl://, mqtts://) anywhere, plain TCP (tcp://, mqtt://)
// only to this machine's loopback, where nothing crosses a network.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace tavla::protocol::net {

struct BrokerAddress {
  bool tls = false;
  std::string host;  // as written, without IPv6 brackets
  int port = 0;      // the URL's, else 8883 for TLS and 1883 for plain TCP
};

// "ssl://mqtt.example.no:8883" → {true, "mqtt.example.no", 8883}; nullopt for
// another scheme, an empty host or a port outside 1-65535.
[[nodiscard]] std::optional<BrokerAddress> parse_broker_url(std::string_view url);

// localhost, 127.0.0.0/8 and ::1.
[[nodiscard]] bool is_loopback_host(std::string_view host);

// Why `url` may not be used: not a broker URL, or plain TCP to a host that
// is not loopback. nullopt when it may.
[[nodiscard]] std::optional<std::string> broker_url_problem(std::string_view url);

// What the log says about the transport before connecting: "TLS to
// mqtt.example.no:8883 (certificate chain and host name verified)" or
// "plain TCP to 127.0.0.1:1883 (allowed on loopback only)".
[[nodiscard]] std::string describe_transport(const BrokerAddress& address);

}  // namespace tavla::protocol::net
