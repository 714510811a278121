// Paho C never sets TCP_NODELAY and does not expose its socket. With Nagle
// on, the host's ack (a QoS 1 publish right after the PUBACK of the event it
// acknowledges, on the same connection) waits for the broker's delayed TCP
// ACK: measured with bench/e2e_latency.sh, ~45 ms from a check-in to its
// ack instead of a few. So after every (re)connect, Nagle is turned off on
// this process's TCP sockets whose peer has the broker's port. (The kiosk
// does the same in firmware/core/sync; host and kiosk share only protocol/.)
#pragma once

#include <string>

namespace tavla::host::ingest {

// The port of a broker URL ("tcp://host:1883"); 0 if it names none.
[[nodiscard]] int broker_port(const std::string& url);

// Sets TCP_NODELAY on every TCP socket of this process connected to `port`.
void disable_nagle_towards(int port);

}  // namespace tavla::host::ingest
