// Loopback ports for test servers.
#pragma once

#include <chrono>

namespace tavla::testing {

// A TCP port on 127.0.0.1 that was free a moment ago (the kernel's choice).
[[nodiscard]] int free_port();
// True once something accepts TCP connections on 127.0.0.1:port.
[[nodiscard]] bool port_accepts(int port);

}  // namespace tavla::testing
