// The protocol's versions and every size limit, in one place. Producers check
// against these before sending; the decoder rejects anything beyond them.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

namespace tavla::protocol {

// Versions, under the rollout rule of protocol/README.md ("Versions and
// rollout"):
// - the topic level `tavla/v1/` never changes;
// - events, acks and status grow only by new event types and new optional
//   fields, so their `v` stays kVersion;
// - a change a kiosk must understand (a new room-config format) is a new
//   config version; a kiosk announces the ones it reads in its status and
//   the host publishes the newest both sides know (config_version_for).
inline constexpr int kTopicVersion = 1;
inline constexpr int kVersion = 1;
// Room-config versions this build reads and writes, oldest first. Version 2
// is the signed one (signed_config.hpp): its envelope carries the exact
// bytes signed and their Ed25519 signature.
inline constexpr std::array<std::uint64_t, 2> kConfigVersions{1, 2};
inline constexpr std::uint64_t kSignedConfigVersion = 2;

// Whole messages, in bytes, as they travel.
inline constexpr std::size_t kMaxEventBytes = std::size_t{64} * 1024;
// An ack carries at most kMaxAckIds ids and as many rejections.
inline constexpr std::size_t kMaxAckBytes = std::size_t{256} * 1024;
inline constexpr std::size_t kMaxStatusBytes = std::size_t{4} * 1024;
inline constexpr std::size_t kMaxConfigBytes = std::size_t{1024} * 1024;
// Deeper JSON than this is never a message of ours.
inline constexpr std::size_t kMaxJsonDepth = 16;

// Identifiers.
inline constexpr std::size_t kMaxNameLength = 64;     // <site>, <device>: [a-z0-9][a-z0-9-]{0,63}
inline constexpr std::size_t kMinEventIdLength = 16;  // event `id`: [0-9A-Za-z_-]{16,64}
inline constexpr std::size_t kMaxEventIdLength = 64;
inline constexpr std::size_t kMinEpochLength = 8;  // `epoch`: [0-9A-Za-z_-]{8,64}
inline constexpr std::size_t kMaxEpochLength = 64;
inline constexpr std::size_t kMaxIdLength = 64;  // other ids: [0-9A-Za-z_.-]{1,64}

// Free text (titles, names, decisions, actions): valid UTF-8, no control
// characters other than tab and newline.
inline constexpr std::size_t kMaxTextBytes = 2000;
inline constexpr std::size_t kMaxFirmwareVersionLength = 32;  // status `fw`

// Numbers. 2^53 - 1 keeps every integer exact in any JSON implementation.
inline constexpr std::uint64_t kMaxSafeInteger = (std::uint64_t{1} << 53U) - 1U;
inline constexpr std::uint64_t kMaxPlannedMinutes = std::uint64_t{24} * 60;
inline constexpr std::uint64_t kMaxElapsedSeconds = std::uint64_t{24} * 60 * 60;

// Lists.
inline constexpr std::size_t kMaxAckIds = 500;   // also bounds an ack's `rejected`
inline constexpr std::size_t kMaxVersions = 16;  // a status' `versions`
inline constexpr std::size_t kMaxMunicipalities = 1000;
inline constexpr std::size_t kMaxOrgs = 200;
inline constexpr std::size_t kMaxGroups = 200;
inline constexpr std::size_t kMaxMembersPerGroup = 500;
inline constexpr std::size_t kMaxAgendas = 50;
inline constexpr std::size_t kMaxAgendaItems = 100;
inline constexpr std::size_t kMaxScheduleEntries = 2000;
inline constexpr std::size_t kMaxOpenActions = 1000;

// `pin_hash` = "sha256:<salt hex>:<64 lowercase hex>" (config version 1).
inline constexpr std::size_t kMinPinSaltHex = 8;
inline constexpr std::size_t kMaxPinSaltHex = 64;

// `pin_verifier` (config version 2, pin_verifier.hpp): Argon2id's cost at
// least OWASP's minimum for it (19 MiB, 2 passes, 1 lane), so a config
// cannot weaken the PINs it carries, and at most what a kiosk can afford
// per try.
inline constexpr std::uint64_t kMinPinVerifierMemoryKib = 19456;
inline constexpr std::uint64_t kMaxPinVerifierMemoryKib = 262144;  // 256 MiB
inline constexpr std::uint64_t kMinPinVerifierPasses = 2;
inline constexpr std::uint64_t kMaxPinVerifierPasses = 16;
inline constexpr std::uint64_t kMinPinVerifierLanes = 1;
inline constexpr std::uint64_t kMaxPinVerifierLanes = 8;
inline constexpr std::size_t kMinPinVerifierSaltBytes = 16;
inline constexpr std::size_t kMaxPinVerifierSaltBytes = 64;
inline constexpr std::size_t kMinPinVerifierHashBytes = 32;
inline constexpr std::size_t kMaxPinVerifierHashBytes = 64;

// A signed config's signature: Ed25519.
inline constexpr std::size_t kConfigSignatureBytes = 64;

}  // namespace tavla::protocol
