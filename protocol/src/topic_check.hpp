// Internal: the topic half of decode_*(topic, payload).
#pragma once

#include <string_view>

#include "tavla/protocol/topic.hpp"

namespace tavla::protocol::detail {

// The topic parses and carries the expected channel.
Result<Topic> check_topic(std::string_view topic, Channel expected);

}  // namespace tavla::protocol::detail
