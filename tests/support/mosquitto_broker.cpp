#include "tavla/testing/mosquitto_broker.hpp"

#include <pwd.h>
#include <signal.h>
#include <unistd.h>

#include <stdexcept>

#include "tavla/testing/net.hpp"

namespace tavla::testing {
namespace {

// mosquitto started as root drops to the user `mosquitto`, which could not
// write our temporary directory; naming the current user keeps it as is.
std::string current_user() {
  const passwd* entry = ::getpwuid(::geteuid());
  return entry != nullptr ? entry->pw_name : "root";
}

}  // namespace

std::string mosquitto_program() {
  return TAVLA_MOSQUITTO;
}
std::string mosquitto_pub_program() {
  return TAVLA_MOSQUITTO_PUB;
}
std::string mosquitto_sub_program() {
  return TAVLA_MOSQUITTO_SUB;
}
std::string mosquitto_ctrl_program() {
  return TAVLA_MOSQUITTO_CTRL;
}
std::string dynsec_plugin() {
  return TAVLA_DYNSEC_PLUGIN;
}

void init_dynsec(const std::filesystem::path& file, const std::string& admin,
                 const std::string& password) {
  const auto result =
      run({mosquitto_ctrl_program(), "dynsec", "init", file.string(), admin, password});
  if (result.exit_code != 0) {
    throw std::runtime_error("mosquitto_ctrl dynsec init failed: " + result.out + result.err);
  }
}

MosquittoBroker::MosquittoBroker() : MosquittoBroker(Options{}) {}

MosquittoBroker::MosquittoBroker(Options options)
    : options_(std::move(options)), port_(options_.port != 0 ? options_.port : free_port()) {
  std::string config;
  if (options_.listeners.empty()) {
    config += "listener " + std::to_string(port_) + " 127.0.0.1\n";
    config += "allow_anonymous true\n";
  }
  config += "user " + current_user() + "\n";
  config += "log_dest file " + log_path().string() + "\n";
  config += "log_type error\nlog_type warning\nlog_type notice\n";
  config += "max_queued_messages " + std::to_string(options_.max_queued_messages) + "\n";
  config += "max_inflight_messages 0\n";
  if (options_.persistence) {
    config += "persistence true\n";
    config += "persistence_location " + dir_.path().string() + "/\n";
    config += "autosave_interval 1\n";
  } else {
    config += "persistence false\n";
  }
  config += options_.extra_config;
  config += options_.listeners;
  write_file(dir_ / "mosquitto.conf", config);
  start();
}

MosquittoBroker::~MosquittoBroker() {
  kill_hard();
}

std::string MosquittoBroker::url() const {
  return "tcp://127.0.0.1:" + std::to_string(port_);
}

void MosquittoBroker::start() {
  if (process_) {
    return;
  }
  process_ = std::make_unique<Process>(
      Process::Options{{mosquitto_program(), "-c", (dir_ / "mosquitto.conf").string()},
                       {},
                       dir_ / "stdout.log",
                       dir_ / "stderr.log",
                       {}});
  const bool up = eventually([this] { return !process_->running() || port_accepts(port_); },
                             std::chrono::seconds(10));
  if (!up || !process_->running()) {
    process_.reset();
    throw std::runtime_error("mosquitto did not start on port " + std::to_string(port_) + "; see " +
                             log_path().string() + " and " + (dir_ / "stderr.log").string());
  }
}

void MosquittoBroker::stop() {
  if (process_) {
    process_->stop(SIGTERM);
    process_.reset();
  }
}

void MosquittoBroker::kill_hard() {
  if (process_) {
    process_->kill_hard();
    process_.reset();
  }
}

}  // namespace tavla::testing
