// Encoding to and strict decoding from the bytes on the wire.
//
// encode_*: canonical JSON (fields in the documented order, no whitespace),
// so the same value always gives the same bytes. The value should pass
// validate() first; encode never throws (invalid UTF-8 becomes U+FFFD).
//
// decode_*: checks size, UTF-8, JSON syntax, depth, duplicate keys, `v` (a
// room config: one of kConfigVersions; in version 2, decode_config reads the
// signed bytes, decode_signed_config the envelope around them),
// types and every limit, and returns the value or an Error naming the field.
// Never throws, never crashes, whatever the bytes. Unknown extra fields are
// ignored, so an additive optional field stays compatible.
//
// The overloads taking a topic also check that the topic is ours, has the
// right channel, and names the same device (and site) as the message.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "tavla/protocol/error.hpp"
#include "tavla/protocol/event.hpp"
#include "tavla/protocol/messages.hpp"
#include "tavla/protocol/room_config.hpp"

namespace tavla::protocol {

[[nodiscard]] std::string encode(const Event& event);
[[nodiscard]] std::string encode(const Ack& ack);
[[nodiscard]] std::string encode(const Status& status);
// A room config in config version 1 (golden vectors, tools).
[[nodiscard]] std::string encode(const RoomConfig& config);
// A room config in `version`, one of kConfigVersions: the host publishes each
// room's config in config_version_for(the room's status). In version 2 these
// are the bytes the host signs (signed_config.hpp).
[[nodiscard]] std::string encode(const RoomConfig& config, std::uint64_t version);

[[nodiscard]] Result<Event> decode_event(std::string_view payload);
[[nodiscard]] Result<Ack> decode_ack(std::string_view payload);
[[nodiscard]] Result<Status> decode_status(std::string_view payload);
[[nodiscard]] Result<RoomConfig> decode_config(std::string_view payload);

[[nodiscard]] Result<Event> decode_event(std::string_view topic, std::string_view payload);
[[nodiscard]] Result<Ack> decode_ack(std::string_view topic, std::string_view payload);
[[nodiscard]] Result<Status> decode_status(std::string_view topic, std::string_view payload);
[[nodiscard]] Result<RoomConfig> decode_config(std::string_view topic, std::string_view payload);

// The same rules decode applies, for values built in memory: a producer
// calls these before it commits to sending.
[[nodiscard]] std::optional<Error> validate(const Event& event);
[[nodiscard]] std::optional<Error> validate(const Ack& ack);
[[nodiscard]] std::optional<Error> validate(const Status& status);
[[nodiscard]] std::optional<Error> validate(const RoomConfig& config);
// validate(config) and what `version` adds: version 2 needs a signing_epoch.
[[nodiscard]] std::optional<Error> validate(const RoomConfig& config, std::uint64_t version);

}  // namespace tavla::protocol
