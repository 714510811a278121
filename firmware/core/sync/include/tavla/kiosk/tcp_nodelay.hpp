// Paho C never sets TCP_NODELAY and does not expose its socket. With Nagle
// on, a QoS 1 publish that follows a PUBACK on the same connection waits for
// the peer's delayed TCP ACK: measured here, a publish -> subscriber ->
// publish round trip took ~90 ms instead of ~0.2 ms (the broker needs
// mosquitto's `set_tcp_nodelay true` as well). So after connecting, Nagle is
// turned off on this process's TCP sockets whose peer has the broker's port.
#pragma once

#include <string>

namespace tavla::kiosk {

// The port of a broker URL ("tcp://host:1883"); 0 if it names none.
[[nodiscard]] int broker_port(const std::string& url);

// Sets TCP_NODELAY on every TCP socket of this process connected to `port`.
void disable_nagle_towards(int port);

}  // namespace tavla::kiosk
