// A virtual X display for the kiosk's UI tests and benchmarks: Xvfb on a free
// display number (Xvfb picks it itself with -displayfd, so parallel tests
// never race for the same number), started and waited for by the
// constructor and stopped by the destructor.
#pragma once

#include <memory>
#include <string>

#include "tavla/testing/process.hpp"
#include "tavla/testing/temp_dir.hpp"

namespace tavla::testing {

class XvfbServer {
 public:
  struct Options {
    int width = 1280;
    int height = 800;
  };

  XvfbServer();
  explicit XvfbServer(Options options);
  ~XvfbServer();
  XvfbServer(const XvfbServer&) = delete;
  XvfbServer& operator=(const XvfbServer&) = delete;

  [[nodiscard]] int number() const { return number_; }
  // ":<number>", the value for DISPLAY.
  [[nodiscard]] std::string display() const { return ":" + std::to_string(number_); }
  [[nodiscard]] bool running() const { return process_ && process_->running(); }

 private:
  Options options_;
  TempDir dir_{"tavla-xvfb"};
  std::unique_ptr<Process> process_;
  int number_ = -1;
};

[[nodiscard]] std::string xvfb_program();

}  // namespace tavla::testing
