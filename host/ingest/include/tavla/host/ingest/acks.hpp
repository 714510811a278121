// A batch's ack to one device as the messages that carry it.
#pragma once

#include <cstddef>
#include <vector>

#include "tavla/protocol/limits.hpp"
#include "tavla/protocol/messages.hpp"

namespace tavla::host::ingest {

// `ack` in messages of at most `max_ids` ids, in order, each rejection in
// the message that carries its id (once per message).
[[nodiscard]] std::vector<protocol::Ack> split_ack(const protocol::Ack& ack,
                                                   std::size_t max_ids = protocol::kMaxAckIds);

}  // namespace tavla::host::ingest
