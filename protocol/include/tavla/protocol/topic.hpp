// The topic scheme: tavla/v1/<site>/<device>/<channel>. Only this header
// spells a topic; firmware and host build and parse them through it.
#pragma once

#include <string>
#include <string_view>

#include "tavla/protocol/error.hpp"

namespace tavla::protocol {

enum class Channel {
  events,  // device -> host, QoS 1, not retained: one event envelope
  ack,     // host -> device, QoS 1, not retained: ids the host has stored
  config,  // host -> device, QoS 1, retained: the room configuration
  status,  // device -> host, QoS 1, retained: online state; also the MQTT will
};

struct ChannelSpec {
  int qos;
  bool retained;
};

[[nodiscard]] std::string_view to_string(Channel channel);
[[nodiscard]] ChannelSpec spec_of(Channel channel);

struct Topic {
  std::string site;
  std::string device;
  Channel channel{};
  bool operator==(const Topic&) const = default;
};

// Precondition: site and device satisfy is_valid_name().
[[nodiscard]] std::string topic_for(std::string_view site, std::string_view device,
                                    Channel channel);
[[nodiscard]] Result<Topic> parse_topic(std::string_view topic);

// "tavla/v1/<site>/+/<channel>": one channel of every device of a site.
[[nodiscard]] std::string device_wildcard(std::string_view site, Channel channel);
// "$share/<group>/<filter>" (MQTT v5 shared subscription).
[[nodiscard]] std::string shared_subscription(std::string_view group, std::string_view filter);

}  // namespace tavla::protocol
