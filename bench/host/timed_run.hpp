// Runs a program to completion as a fresh process and measures it exactly:
// wall time from spawn to reaped exit (no polling), and its CPU time from
// wait4. For the cold-process figures of the host benchmarks.
#pragma once

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

namespace tavla::bench {

struct TimedRun {
  int exit_code = -1;
  std::chrono::duration<double, std::milli> wall{};
  std::chrono::duration<double, std::milli> cpu{};  // user + system
  std::string out;                                  // stdout
};

// stderr goes to `stderr_path` (appended); stdout is returned.
[[nodiscard]] TimedRun timed_run(const std::vector<std::string>& argv,
                                 const std::filesystem::path& stdout_path,
                                 const std::filesystem::path& stderr_path);

// The median of `values` (the lower middle one for an even count).
[[nodiscard]] double median(std::vector<double> values);

}  // namespace tavla::bench
