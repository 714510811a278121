// What the host needs of a broker connection: publishing acks and room
// configs. The Paho client (mqtt_client.hpp) implements it; unit tests may
// use a fake. (The kiosk's Transport is a different, larger interface.)
#pragma once

#include <string>

namespace tavla::host::ingest {

class Publisher {
 public:
  Publisher() = default;
  virtual ~Publisher() = default;
  // An interface over one connection: implementations are not copied or moved.
  Publisher(const Publisher&) = delete;
  Publisher& operator=(const Publisher&) = delete;
  Publisher(Publisher&&) = delete;
  Publisher& operator=(Publisher&&) = delete;
  // QoS 1. May be called while disconnected: the client buffers it.
  virtual void publish(const std::string& topic, const std::string& payload, bool retained) = 0;
};

}  // namespace tavla::host::ingest
