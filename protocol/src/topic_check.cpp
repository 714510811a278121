#include "topic_check.hpp"

#include <string>

namespace tavla::protocol::detail {

Result<Topic> check_topic(std::string_view topic, Channel expected) {
  auto parsed = parse_topic(topic);
  if (parsed && parsed.value().channel != expected) {
    return Error{ErrorCode::bad_topic, "topic",
                 "channel is '" + std::string(to_string(parsed.value().channel)) + "', expected '" +
                     std::string(to_string(expected)) + "'"};
  }
  return parsed;
}

}  // namespace tavla::protocol::detail
