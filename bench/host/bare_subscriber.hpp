// The baseline of the ingest benchmark: a bare `mosquitto_sub -q 1` on the
// same topic as the host, in the same run, writing one line per message
// ("<unix time with ns> <payload>") to a file, so its arrivals can be counted
// and timed afterwards without slowing it down.
#pragma once

#include <chrono>
#include <filesystem>
#include <memory>
#include <string>
#include <unordered_set>

#include "tavla/testing/process.hpp"

namespace tavla::bench {

using WallTime = std::chrono::system_clock::time_point;

class BareSubscriber {
 public:
  BareSubscriber(int port, const std::string& topic, const std::filesystem::path& output);
  // Messages received so far (lines written; reads only what is new).
  std::size_t lines();
  void stop();

  struct Arrivals {
    std::size_t lines = 0;     // every message, duplicates included
    std::size_t distinct = 0;  // of `ids`
    WallTime last;             // when the last of them arrived first
  };
  // Reads the whole file: how many of `ids` arrived and when the last did.
  [[nodiscard]] Arrivals arrivals(const std::unordered_set<std::string>& ids) const;

 private:
  std::filesystem::path output_;
  std::unique_ptr<testing::Process> process_;
  std::uintmax_t read_ = 0;
  std::size_t lines_ = 0;
};

// The "id" of an encoded event, or "" (the canonical encoding has one "id" key).
[[nodiscard]] std::string event_id_of(std::string_view payload);

}  // namespace tavla::bench
