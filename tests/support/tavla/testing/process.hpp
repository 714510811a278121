// A child process for tests: a real server or one of our programs, with its
// stdout and stderr in files. It dies with the test process (PDEATHSIG), so a
// crashed test leaves no server behind.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace tavla::testing {

class Process {
 public:
  struct Options {
    std::vector<std::string> argv;           // argv[0] is the program's path
    std::map<std::string, std::string> env;  // added to (or replacing in) our environment
    std::filesystem::path stdout_path;       // empty: /dev/null
    std::filesystem::path stderr_path;       // empty: /dev/null
    std::filesystem::path stdin_path;        // empty: /dev/null
  };

  explicit Process(Options options);  // starts it; throws std::runtime_error if it cannot
  ~Process();                         // SIGKILL and reap if still running
  Process(const Process&) = delete;
  Process& operator=(const Process&) = delete;

  [[nodiscard]] pid_t pid() const { return pid_; }
  [[nodiscard]] bool running();
  // Sends `signal` and waits up to `timeout` for the exit; returns the exit
  // status as waitpid reports it, or nullopt if it did not exit in time.
  std::optional<int> stop(int signal, std::chrono::milliseconds timeout = std::chrono::seconds(10));
  // Waits for it to exit on its own.
  std::optional<int> wait(std::chrono::milliseconds timeout);
  void kill_hard();  // SIGKILL and reap

  // The exit code if it exited normally, else -signal.
  [[nodiscard]] static int exit_code(int wait_status);

 private:
  pid_t pid_ = -1;
  std::optional<int> status_;
};

// Runs a program to completion, returning its exit code and its output.
struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};
RunResult run(const std::vector<std::string>& argv, const std::string& stdin_text = "",
              std::chrono::milliseconds timeout = std::chrono::seconds(60),
              const std::map<std::string, std::string>& env = {});

// Polls `condition` every 10 ms until it holds or `timeout` passes.
template <class Condition>
bool eventually(Condition condition, std::chrono::milliseconds timeout = std::chrono::seconds(10));

}  // namespace tavla::testing

#include "tavla/testing/process_inl.hpp"
