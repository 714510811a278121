// tavla::protocol_net: Nagle off on the process's sockets towards the
// broker's port, with real loopback sockets.
#include "tavla/protocol/net/tcp_nodelay.hpp"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

namespace tavla::protocol::net {
namespace {

// A listening socket and a connected client on 127.0.0.1.
struct Pair {
  int listener = ::socket(AF_INET, SOCK_STREAM, 0);
  int client = ::socket(AF_INET, SOCK_STREAM, 0);
  int port = 0;
  Pair() {
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast): the sockets API
    auto* any = reinterpret_cast<sockaddr*>(&addr);
    ::bind(listener, any, sizeof addr);
    ::listen(listener, 1);
    socklen_t len = sizeof addr;
    ::getsockname(listener, any, &len);
    port = ntohs(addr.sin_port);
    ::connect(client, any, sizeof addr);
  }
  ~Pair() {
    ::close(client);
    ::close(listener);
  }
  Pair(const Pair&) = delete;
  Pair& operator=(const Pair&) = delete;
};

int nodelay(int fd) {
  int value = -1;
  socklen_t len = sizeof value;
  ::getsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &value, &len);
  return value;
}

TEST(TcpNoDelay, TurnsNagleOffOnlyTowardsTheBrokersPort) {
  Pair broker;
  Pair other;
  ASSERT_EQ(nodelay(broker.client), 0);
  disable_nagle_towards(broker.port);
  EXPECT_EQ(nodelay(broker.client), 1);
  EXPECT_EQ(nodelay(other.client), 0);
}

TEST(TcpNoDelay, ReadsThePortOfABrokerUrl) {
  EXPECT_EQ(broker_port("tcp://127.0.0.1:1883"), 1883);
  EXPECT_EQ(broker_port("ssl://mqtt.example.no:8883"), 8883);
  EXPECT_EQ(broker_port("tcp://localhost"), 0);
}

}  // namespace
}  // namespace tavla::protocol::net
