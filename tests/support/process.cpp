#include "tavla/testing/process.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <stdexcept>
#include <string_view>
#include <thread>

#include "tavla/testing/temp_dir.hpp"

extern char**
    environ;  // NOLINT(readability-redundant-declaration): POSIX, not declared by unistd.h in C++

namespace tavla::testing {
namespace {

int open_or_null(const std::filesystem::path& path, int flags) {
  const char* name = path.empty() ? "/dev/null" : path.c_str();
  return ::open(name, flags | O_CLOEXEC, 0644);
}

// Environment for the child: ours, with `overrides` replacing or adding.
std::vector<std::string> merged_environment(const std::map<std::string, std::string>& overrides) {
  std::vector<std::string> env;
  for (char** entry = environ; *entry != nullptr; ++entry) {
    const std::string text = *entry;
    const auto name = text.substr(0, text.find('='));
    if (!overrides.contains(name)) {
      env.push_back(text);
    }
  }
  for (const auto& [name, value] : overrides) {
    env.push_back(name + "=" + value);
  }
  return env;
}

std::vector<char*> pointers(std::vector<std::string>& strings) {
  std::vector<char*> result;
  result.reserve(strings.size() + 1);
  for (auto& s : strings) {
    result.push_back(s.data());
  }
  result.push_back(nullptr);
  return result;
}

// execve does not search PATH; a bare name ("qemu-aarch64") is looked up
// here, before fork, where allocating is still allowed.
std::string resolve_program(const std::string& name) {
  if (name.find('/') != std::string::npos) {
    return name;
  }
  const char* path = std::getenv("PATH");
  std::string_view dirs = path != nullptr ? path : "/usr/local/bin:/usr/bin:/bin";
  while (!dirs.empty()) {
    const auto colon = dirs.find(':');
    const std::string candidate = std::string(dirs.substr(0, colon)) + "/" + name;
    if (::access(candidate.c_str(), X_OK) == 0) {
      return candidate;
    }
    dirs = colon == std::string_view::npos ? std::string_view{} : dirs.substr(colon + 1);
  }
  return name;
}

}  // namespace

Process::Process(Options options) {
  if (options.argv.empty()) {
    throw std::runtime_error("Process: empty argv");
  }
  options.argv[0] = resolve_program(options.argv[0]);
  auto env_strings = merged_environment(options.env);
  auto argv = pointers(options.argv);
  auto envp = pointers(env_strings);
  const int in = open_or_null(options.stdin_path, O_RDONLY);
  const int out = open_or_null(options.stdout_path, O_WRONLY | O_CREAT | O_APPEND);
  const int err = open_or_null(options.stderr_path, O_WRONLY | O_CREAT | O_APPEND);
  if (in < 0 || out < 0 || err < 0) {
    throw std::runtime_error("Process: cannot open the redirections for " + options.argv[0]);
  }
  const pid_t parent = ::getpid();
  pid_ = ::fork();
  if (pid_ == 0) {
    // Only async-signal-safe calls between fork and exec.
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (::getppid() != parent) {
      ::_exit(127);
    }
    ::dup2(in, STDIN_FILENO);
    ::dup2(out, STDOUT_FILENO);
    ::dup2(err, STDERR_FILENO);
    ::setpgid(0, 0);
    ::execve(argv[0], argv.data(), envp.data());
    ::_exit(127);
  }
  const int fork_errno = errno;
  ::close(in);
  ::close(out);
  ::close(err);
  if (pid_ < 0) {
    throw std::runtime_error(std::string("Process: fork failed: ") + std::strerror(fork_errno));
  }
}

Process::~Process() {
  kill_hard();
}

bool Process::running() {
  if (status_) {
    return false;
  }
  int status = 0;
  if (::waitpid(pid_, &status, WNOHANG) == pid_) {
    status_ = status;
    return false;
  }
  return true;
}

std::optional<int> Process::wait(std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (running()) {
    if (std::chrono::steady_clock::now() >= deadline) {
      return std::nullopt;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return status_;
}

std::optional<int> Process::stop(int signal, std::chrono::milliseconds timeout) {
  if (running()) {
    ::kill(pid_, signal);
  }
  return wait(timeout);
}

void Process::kill_hard() {
  if (pid_ > 0 && running()) {
    ::kill(pid_, SIGKILL);
    int status = 0;
    if (::waitpid(pid_, &status, 0) == pid_) {
      status_ = status;
    }
  }
}

int Process::exit_code(int wait_status) {
  if (WIFEXITED(wait_status)) {
    return WEXITSTATUS(wait_status);
  }
  if (WIFSIGNALED(wait_status)) {
    return -WTERMSIG(wait_status);
  }
  return -1;
}

RunResult run(const std::vector<std::string>& argv, const std::string& stdin_text,
              std::chrono::milliseconds timeout, const std::map<std::string, std::string>& env) {
  TempDir dir("tavla-run");
  write_file(dir / "stdin", stdin_text);
  Process process({argv, env, dir / "stdout", dir / "stderr", dir / "stdin"});
  const auto status = process.wait(timeout);
  if (!status) {
    process.kill_hard();
  }
  RunResult result;
  result.exit_code = status ? Process::exit_code(*status) : -SIGKILL;
  result.out = read_file(dir / "stdout");
  result.err = read_file(dir / "stderr");
  return result;
}

}  // namespace tavla::testing
