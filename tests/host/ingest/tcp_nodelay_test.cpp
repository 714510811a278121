// Nagle off on the host's connection to the broker: the helper with real
// loopback sockets, and the MqttClient connected to a real mosquitto.
#include "tavla/host/ingest/tcp_nodelay.hpp"

#include <arpa/inet.h>
#include <dirent.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <charconv>
#include <string_view>

#include "tavla/host/ingest/mqtt_client.hpp"
#include "tavla/testing/mosquitto_broker.hpp"

namespace tavla::host::ingest {
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

// TCP_NODELAY of this process's sockets connected to `port`.
std::vector<int> nodelay_towards(int port) {
  std::vector<int> values;
  DIR* dir = ::opendir("/proc/self/fd");
  while (const dirent* entry = dir != nullptr ? ::readdir(dir) : nullptr) {
    int fd = -1;
    const std::string_view name(entry->d_name);
    if (std::from_chars(name.data(), name.data() + name.size(), fd).ec != std::errc{}) {
      continue;
    }
    sockaddr_in peer{};
    socklen_t len = sizeof peer;
    // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast): the sockets API
    if (::getpeername(fd, reinterpret_cast<sockaddr*>(&peer), &len) == 0 &&
        peer.sin_family == AF_INET && ntohs(peer.sin_port) == port) {
      values.push_back(nodelay(fd));
    }
  }
  if (dir != nullptr) {
    ::closedir(dir);
  }
  return values;
}

TEST(HostTcpNoDelay, TurnsNagleOffOnlyTowardsTheBrokersPort) {
  Pair broker;
  Pair other;
  ASSERT_EQ(nodelay(broker.client), 0);
  disable_nagle_towards(broker.port);
  EXPECT_EQ(nodelay(broker.client), 1);
  EXPECT_EQ(nodelay(other.client), 0);
}

TEST(HostTcpNoDelay, ReadsThePortOfABrokerUrl) {
  EXPECT_EQ(broker_port("tcp://127.0.0.1:1883"), 1883);
  EXPECT_EQ(broker_port("ssl://mqtt.example.no:8883"), 8883);
  EXPECT_EQ(broker_port("tcp://localhost"), 0);
}

TEST(HostTcpNoDelay, TheHostsClientHasNagleOffOnceConnected) {
  tavla::testing::MosquittoBroker broker;
  config::Site site;
  site.id = "stottepilar";
  site.broker.url = broker.url();
  MessageQueue queue;
  MqttClient client(site, "test-nodelay", queue, [](const std::string&) {});
  const std::atomic<bool> stop{false};
  ASSERT_TRUE(client.connect(stop));
  EXPECT_EQ(nodelay_towards(broker.port()), std::vector<int>{1});
  client.disconnect();
}

}  // namespace
}  // namespace tavla::host::ingest
