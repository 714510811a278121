// The host's MqttClient connected to a real mosquitto: Nagle is off on its
// connection (tavla::protocol_net's helper is tested in tests/protocol/net).
#include "tavla/host/ingest/mqtt_client.hpp"

#include <arpa/inet.h>
#include <dirent.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <charconv>
#include <string_view>

#include "tavla/testing/mosquitto_broker.hpp"

namespace tavla::host::ingest {
namespace {

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
