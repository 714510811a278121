#include "tavla/protocol/topic.hpp"

#include <array>
#include <optional>
#include <vector>

#include "tavla/protocol/ids.hpp"
#include "tavla/protocol/limits.hpp"

namespace tavla::protocol {
namespace {

constexpr std::string_view kRoot = "tavla";
// "v1": the topic level, from the one constant that says it.
static_assert(kTopicVersion >= 1 && kTopicVersion <= 9, "the topic level is one digit");
constexpr std::array<char, 2> kVersionLevelChars{'v', static_cast<char>('0' + kTopicVersion)};
constexpr std::string_view kVersionLevel{kVersionLevelChars.data(), kVersionLevelChars.size()};

std::optional<Channel> channel_from_string(std::string_view name) {
  for (const Channel channel : {Channel::events, Channel::ack, Channel::config, Channel::status}) {
    if (to_string(channel) == name) {
      return channel;
    }
  }
  return std::nullopt;
}

std::vector<std::string_view> split_levels(std::string_view topic) {
  std::vector<std::string_view> levels;
  std::size_t start = 0;
  while (true) {
    const std::size_t slash = topic.find('/', start);
    if (slash == std::string_view::npos) {
      levels.push_back(topic.substr(start));
      return levels;
    }
    levels.push_back(topic.substr(start, slash - start));
    start = slash + 1;
  }
}

Error topic_error(std::string detail) {
  return Error{ErrorCode::bad_topic, "topic", std::move(detail)};
}

}  // namespace

std::string_view to_string(Channel channel) {
  switch (channel) {
    case Channel::events:
      return "events";
    case Channel::ack:
      return "ack";
    case Channel::config:
      return "config";
    case Channel::status:
      return "status";
  }
  return "unknown";
}

ChannelSpec spec_of(Channel channel) {
  switch (channel) {
    case Channel::events:
    case Channel::ack:
      return {1, false};
    case Channel::config:
    case Channel::status:
      return {1, true};
  }
  return {1, false};
}

std::string topic_for(std::string_view site, std::string_view device, Channel channel) {
  std::string topic;
  topic.append(kRoot).append("/").append(kVersionLevel).append("/");
  topic.append(site).append("/").append(device).append("/").append(to_string(channel));
  return topic;
}

Result<Topic> parse_topic(std::string_view topic) {
  const auto levels = split_levels(topic);
  if (levels.size() != 5 || levels[0] != kRoot) {
    return topic_error("is not tavla/" + std::string(kVersionLevel) + "/<site>/<device>/<channel>");
  }
  if (levels[1] != kVersionLevel) {
    return topic_error("has unsupported version level '" + std::string(levels[1]) + "'");
  }
  if (!is_valid_name(levels[2])) {
    return topic_error("site must match [a-z0-9][a-z0-9-]{0,63}");
  }
  if (!is_valid_name(levels[3])) {
    return topic_error("device must match [a-z0-9][a-z0-9-]{0,63}");
  }
  const auto channel = channel_from_string(levels[4]);
  if (!channel) {
    return topic_error("has unknown channel '" + std::string(levels[4]) + "'");
  }
  return Topic{std::string(levels[2]), std::string(levels[3]), *channel};
}

std::string device_wildcard(std::string_view site, Channel channel) {
  std::string filter;
  filter.append(kRoot).append("/").append(kVersionLevel).append("/");
  filter.append(site).append("/+/").append(to_string(channel));
  return filter;
}

std::string shared_subscription(std::string_view group, std::string_view filter) {
  std::string shared = "$share/";
  shared.append(group).append("/").append(filter);
  return shared;
}

}  // namespace tavla::protocol
