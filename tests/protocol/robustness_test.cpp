// A deterministic cousin of the fuzz target, small enough for every CI run:
// mutated golden vectors never crash or throw a decoder, and whatever decodes
// re-encodes to something that decodes to the same value.
#include <gtest/gtest.h>

#include <random>
#include <string_view>

#include "vector_files.hpp"

namespace tavla::protocol::testing {
namespace {

std::string mutate(std::string bytes, std::mt19937& random) {
  std::uniform_int_distribution<int> kind(0, 4);
  const auto position = [&] {
    return std::uniform_int_distribution<std::size_t>(0,
                                                      bytes.empty() ? 0 : bytes.size() - 1)(random);
  };
  switch (kind(random)) {
    case 0:  // flip a bit
      if (!bytes.empty()) {
        bytes[position()] ^=
            static_cast<char>(1U << std::uniform_int_distribution<unsigned>(0, 7)(random));
      }
      break;
    case 1:  // truncate
      bytes.resize(position());
      break;
    case 2: {  // insert a structural or otherwise interesting byte
      constexpr std::string_view kInteresting = "{}[]\",:\\0-1e\xff\xc3";
      bytes.insert(position(), 1,
                   kInteresting[std::uniform_int_distribution<std::size_t>(
                       0, kInteresting.size() - 1)(random)]);
      break;
    }
    case 3:  // delete a byte
      if (!bytes.empty()) {
        bytes.erase(position(), 1);
      }
      break;
    default:  // duplicate a slice
      if (!bytes.empty()) {
        const auto start = position();
        bytes.insert(position(), bytes.substr(start, 8));
      }
      break;
  }
  return bytes;
}

TEST(Robustness, MutatedVectorsNeverCrashAndRoundTripWhenAccepted) {
  std::mt19937 random(20261123);  // fixed: a failure reproduces
  const auto files = vector_files("valid");
  ASSERT_FALSE(files.empty());
  std::size_t accepted = 0;
  constexpr int kRounds = 20000;
  for (int round = 0; round < kRounds; ++round) {
    const auto& file = files[static_cast<std::size_t>(round) % files.size()];
    std::string bytes = file_bytes(file.path);
    const int mutations = std::uniform_int_distribution<int>(1, 4)(random);
    for (int m = 0; m < mutations; ++m) {
      bytes = mutate(bytes, random);
    }
    for (const char* decoder : {"event", "ack", "status", "config"}) {
      Decoded decoded;
      ASSERT_NO_THROW(decoded = decode_with(decoder, std::nullopt, bytes))
          << decoder << ": " << bytes;
      if (!decoded.error) {
        ++accepted;
        EXPECT_TRUE(decoded.round_trip_equal) << decoder << ": " << bytes;
      }
    }
  }
  // Some mutations (inside string values) stay valid; if none did, the
  // mutator would be too crude to exercise the accepting paths.
  EXPECT_GT(accepted, 0U);
}

}  // namespace
}  // namespace tavla::protocol::testing
