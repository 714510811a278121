// Paho C never sets TCP_NODELAY and does not expose its socket. With Nagle
// on, a QoS 1 publish that follows a PUBACK on the same connection waits for
// the peer's delayed TCP ACK: the host's ack of an event took ~45 ms instead
// of a few (bench/e2e_latency.sh), and a kiosk's publish -> subscriber ->
// publish round trip ~90 ms instead of ~0.2 ms (the broker needs mosquitto's
// `set_tcp_nodelay true` as well). So after every (re)connect, kiosk and host
// turn Nagle off on their TCP sockets whose peer has the broker's port.
//
// Part of the transport both sides share, so it lives beside the protocol
// (its own library, tavla::protocol_net: POSIX sockets only, no MQTT).
#pragma once

#include <string>

namespace tavla::protocol::net {

// The port of a broker URL ("tcp://host:1883"); 0 if it names none.
[[nodiscard]] int broker_port(const std::string& url);

// Sets TCP_NODELAY on every TCP socket of this process connected to `port`.
void disable_nagle_towards(int port);

}  // namespace tavla::protocol::net
