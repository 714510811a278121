#include "tavla/protocol/net/tcp_nodelay.hpp"

#include <arpa/inet.h>
#include <dirent.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

#include <charconv>
#include <string_view>

namespace tavla::protocol::net {

int broker_port(const std::string& url) {
  const auto colon = url.rfind(':');
  int port = 0;
  if (colon == std::string::npos ||
      std::from_chars(url.data() + colon + 1, url.data() + url.size(), port).ec != std::errc{}) {
    return 0;
  }
  return port;
}

void disable_nagle_towards(int port) {
  DIR* dir = ::opendir("/proc/self/fd");
  if (dir == nullptr || port == 0) {
    if (dir != nullptr) {
      ::closedir(dir);
    }
    return;
  }
  // NOLINTNEXTLINE(concurrency-mt-unsafe): each DIR stream is read by one thread only
  while (const dirent* entry = ::readdir(dir)) {
    int fd = -1;
    const std::string_view name(entry->d_name);
    if (std::from_chars(name.data(), name.data() + name.size(), fd).ec != std::errc{}) {
      continue;
    }
    int type = 0;
    socklen_t type_len = sizeof type;
    sockaddr_storage peer{};
    socklen_t peer_len = sizeof peer;
    if (::getsockopt(fd, SOL_SOCKET, SO_TYPE, &type, &type_len) != 0 || type != SOCK_STREAM ||
        // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast): the sockets API
        ::getpeername(fd, reinterpret_cast<sockaddr*>(&peer), &peer_len) != 0) {
      continue;
    }
    int peer_port = 0;
    if (peer.ss_family == AF_INET) {
      // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast): the sockets API
      peer_port = ntohs(reinterpret_cast<const sockaddr_in*>(&peer)->sin_port);
    } else if (peer.ss_family == AF_INET6) {
      // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast): the sockets API
      peer_port = ntohs(reinterpret_cast<const sockaddr_in6*>(&peer)->sin6_port);
    }
    if (peer_port == port) {
      const int on = 1;
      ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
    }
  }
  ::closedir(dir);
}

}  // namespace tavla::protocol::net
