// The small messages: `ack` (host -> device) and `status` (device -> host).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tavla/protocol/timestamp.hpp"

namespace tavla::protocol {

// Why the host kept an event in quarantine instead of its event table, as
// the `code` of an ack's `rejected` entry. A message that failed to decode
// carries its ErrorCode's name (error.hpp); the host's rules carry one of
// these. A device shows a code it does not know as it is: a newer host may
// add codes (the rollout rule, protocol/README.md).
enum class RejectionCode {
  unknown_device,             // the topic's device is not in the site's registry
  unknown_group,              // session.opened names a group the site does not have
  wrong_session_kind,         // session.opened's kind differs from its group's
  group_of_another_device,    // session.opened for a group of another room
  session_already_opened,     // the session id was opened before
  session_of_another_device,  // a session another room opened or is scheduled for
  not_a_member,               // a roster or PIN check-in of someone not in the group
  unknown_affiliation,        // a municipality or org the site does not know
  not_a_leader,               // a correction `corrected_by` someone who leads no such group
};
[[nodiscard]] std::string_view to_string(RejectionCode code);
// Every code, in declaration order, found from to_string's switch.
[[nodiscard]] std::vector<RejectionCode> all_rejection_codes();

// One refused event: its id and the code of the reason.
struct Rejection {
  std::string id;
  std::string code;  // an ErrorCode or RejectionCode name: [a-z0-9_]{1,64}
  bool operator==(const Rejection&) const = default;
};

// Ids of events the host has durably stored, in its event table or in
// quarantine: the device stops sending them. At most kMaxAckIds per message:
// a host splits longer lists. `rejected` (optional, additive) names those of
// `ids` that went to quarantine and why, so the device can show them; a
// device that ignores it still stops resending them.
struct Ack {
  std::vector<std::string> ids;
  std::vector<Rejection> rejected;
  bool operator==(const Ack&) const = default;
};

// A device's retained status. The MQTT will is Status{.online = false}: then
// the other fields are absent; when online they are all present but last_ack,
// which is absent before the first ack.
// `versions` (optional, additive) lists the room-config versions the device
// reads (kConfigVersions of its build); absent means version 1 only.
// `configs_refused` (optional, additive) counts the room configs the device
// refused as unsigned or wrongly signed, since its store was made.
struct Status {
  bool online{false};
  std::optional<std::string> fw;
  std::optional<std::uint64_t> outbox;
  std::optional<bool> clock_ok;
  std::optional<Timestamp> last_ack;
  std::optional<std::vector<std::uint64_t>> versions;
  std::optional<std::uint64_t> configs_refused;
  bool operator==(const Status&) const = default;
};

// The room-config version to publish to a device whose status announced
// `device_reads` (nullopt: it announced nothing, so version 1): the newest
// version both this build and the device know, or nullopt when they share
// none.
[[nodiscard]] std::optional<std::uint64_t> config_version_for(
    const std::optional<std::vector<std::uint64_t>>& device_reads);

}  // namespace tavla::protocol
