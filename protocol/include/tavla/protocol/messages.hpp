// The small messages: `ack` (host -> device) and `status` (device -> host).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "tavla/protocol/timestamp.hpp"

namespace tavla::protocol {

// Ids of events the host has durably stored, in its event table or in
// quarantine. At most kMaxAckIds per message: a host splits longer lists.
struct Ack {
  std::vector<std::string> ids;
  bool operator==(const Ack&) const = default;
};

// A device's retained status. The MQTT will is Status{.online = false}: then
// the other fields are absent; when online they are all present but last_ack,
// which is absent before the first ack.
struct Status {
  bool online{false};
  std::optional<std::string> fw;
  std::optional<std::uint64_t> outbox;
  std::optional<bool> clock_ok;
  std::optional<Timestamp> last_ack;
  bool operator==(const Status&) const = default;
};

}  // namespace tavla::protocol
