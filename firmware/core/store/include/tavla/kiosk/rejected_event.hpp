// Events the host refused: it acked them (the kiosk stops sending them) and
// kept them in quarantine, saying why in the ack's `rejected` list. The kiosk
// keeps them for the room's admin (protocol/README.md, "Versions and
// rollout") as long as it keeps acknowledged events.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "tavla/kiosk/time.hpp"

namespace tavla::kiosk {

struct RejectedEvent {
  std::string id;
  // Why: an ErrorCode or RejectionCode name (protocol), or a code of a newer
  // host that this build does not know.
  std::string code;
  std::string type;    // the event's wire type, from the outbox
  Timestamp event_ts;  // when the event happened (its ts)
  Timestamp received;  // when the ack that refused it arrived
  bool operator==(const RejectedEvent&) const = default;
};

// How many refused events are kept, and the latest of them.
struct Rejections {
  std::uint64_t count = 0;
  std::vector<RejectedEvent> latest;  // newest first, at most kLatestRejections
  bool operator==(const Rejections&) const = default;
};

// How many of the latest refused events the snapshot carries.
inline constexpr std::size_t kLatestRejections = 20;

}  // namespace tavla::kiosk
