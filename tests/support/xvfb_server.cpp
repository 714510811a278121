#include "tavla/testing/xvfb_server.hpp"

#include <signal.h>

#include <cctype>
#include <stdexcept>

namespace tavla::testing {
namespace {

// The number Xvfb wrote (one line) once it accepts connections; -1 until then.
int written_display_number(const std::filesystem::path& path) {
  std::string text;
  try {
    text = read_file(path);
  } catch (const std::exception&) {
    return -1;
  }
  if (text.empty() || text.back() != '\n') {
    return -1;
  }
  for (std::size_t i = 0; i + 1 < text.size(); ++i) {
    if (std::isdigit(static_cast<unsigned char>(text[i])) == 0) {
      return -1;
    }
  }
  return text.size() > 1 ? std::stoi(text) : -1;
}

}  // namespace

std::string xvfb_program() {
  return TAVLA_XVFB;
}

XvfbServer::XvfbServer() : XvfbServer(Options{}) {}

XvfbServer::XvfbServer(Options options) : options_(options) {
  const auto screen =
      std::to_string(options_.width) + "x" + std::to_string(options_.height) + "x24";
  // -displayfd 1: Xvfb chooses a free display and writes its number to
  // stdout when it is ready for clients. -nolisten tcp: a unix socket only.
  process_ = std::make_unique<Process>(Process::Options{
      {xvfb_program(), "-displayfd", "1", "-screen", "0", screen, "-nolisten", "tcp", "-noreset"},
      {},
      dir_ / "display",
      dir_ / "stderr.log",
      {}});
  const bool ready = eventually(
      [this] {
        number_ = written_display_number(dir_ / "display");
        return number_ >= 0 || !process_->running();
      },
      std::chrono::seconds(20));
  if (!ready || number_ < 0) {
    std::string log;
    try {
      log = read_file(dir_ / "stderr.log");
    } catch (const std::exception&) {
    }
    process_.reset();
    throw std::runtime_error("Xvfb did not start: " + log);
  }
}

XvfbServer::~XvfbServer() {
  if (process_) {
    process_->stop(SIGTERM, std::chrono::seconds(5));
  }
}

}  // namespace tavla::testing
