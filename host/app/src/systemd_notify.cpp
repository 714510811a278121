#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>

#include "tavla/host/app/serve.hpp"

namespace tavla::host::app {

void notify_systemd(const std::string& state) {
  const char* path = std::getenv("NOTIFY_SOCKET");  // NOLINT(concurrency-mt-unsafe): read once
  if (path == nullptr || *path == '\0') {
    return;
  }
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  std::strncpy(address.sun_path, path, sizeof(address.sun_path) - 1);
  if (address.sun_path[0] == '@') {
    address.sun_path[0] = '\0';  // an abstract socket
  }
  const int fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
  if (fd < 0) {
    return;
  }
  // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast): the sockets API
  const auto* target = reinterpret_cast<const sockaddr*>(&address);
  (void)::sendto(fd, state.data(), state.size(), 0, target, sizeof(address));
  ::close(fd);
}

}  // namespace tavla::host::app
