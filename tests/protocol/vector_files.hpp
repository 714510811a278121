// Reading the golden vectors of protocol/vectors/ (see protocol/README.md,
// "Golden vectors").
#pragma once

#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "tavla/protocol/codec.hpp"

namespace tavla::protocol::testing {

struct VectorFile {
  std::string name;  // file name without .json, e.g. "event.checked_in_roster"
  std::filesystem::path path;
};
// How gtest prints a parameter: its name, not its bytes.
inline void PrintTo(const VectorFile& file, std::ostream* out) {
  *out << file.name;
}

std::vector<VectorFile> vector_files(const std::string& subdirectory);  // "valid" or "invalid"
std::string file_bytes(const std::filesystem::path& path);

// Which decoder a vector is for: the part of its name before the first dot.
std::string decoder_of(const std::string& name);

// An invalid case: the bytes to decode, the topic if any, and the expected error.
struct InvalidCase {
  std::string decoder;
  std::optional<std::string> topic;
  std::string payload;
  ErrorCode code{};
  std::string field;
};
InvalidCase read_invalid_case(const std::filesystem::path& path);

// Decodes `payload` with the named decoder and re-encodes it; nullopt and
// `error` set if it does not decode.
struct Decoded {
  std::optional<std::string> reencoded;
  std::optional<Error> error;
  bool round_trip_equal = false;  // decode(encode(x)) == x
};
Decoded decode_with(const std::string& decoder, const std::optional<std::string>& topic,
                    const std::string& payload);

// gtest parameter names allow only [A-Za-z0-9_].
std::string test_name(const std::string& vector_name);

}  // namespace tavla::protocol::testing
