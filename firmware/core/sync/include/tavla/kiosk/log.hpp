// Where the kiosk's libraries write what an operator may need to read (a
// lost connection, a refused room config, a change that was not stored): one
// line at a time, without a trailing newline, from any thread. The program
// passes one that writes to stderr (stdout belongs to the headless runner);
// tests may pass none. Libraries never write to a stream themselves.
#pragma once

#include <functional>
#include <string>
#include <utility>

namespace tavla::kiosk {

using Log = std::function<void(const std::string& line)>;

// `log`, or a log that drops every line when `log` is empty.
[[nodiscard]] inline Log or_silent(Log log) {
  if (log) {
    return log;
  }
  return [](const std::string& /*line*/) {};
}

}  // namespace tavla::kiosk
