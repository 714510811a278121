// What can still be read from an event that failed to decode: its id (to
// ack it, so the device stops resending) and its place in the sequence (a
// quarantined event's seq counts as received).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace tavla::host::ingest {

struct Salvage {
  std::optional<std::string> id;
  std::optional<std::string> epoch;
  std::optional<std::int64_t> seq;
};

// The envelope fields of `payload` that are valid on their own; none if it
// is not a JSON object.
[[nodiscard]] Salvage salvage(const std::string& payload);

}  // namespace tavla::host::ingest
