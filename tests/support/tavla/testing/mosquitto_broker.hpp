// A real mosquitto on a free loopback port with its own config file, for
// tests and benchmarks. stop() and start() restart it on the same port (for
// broker-restart tests); with persistence on, sessions and queued messages
// survive the restart as they would in production.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "tavla/testing/process.hpp"
#include "tavla/testing/temp_dir.hpp"

namespace tavla::testing {

class MosquittoBroker {
 public:
  struct Options {
    bool persistence = false;
    // mosquitto's default (1000) silently drops QoS 1 messages for a slow
    // subscriber; 0 means no limit, which tests and benchmarks want.
    int max_queued_messages = 0;
    std::string extra_config;  // appended verbatim
    // Instead of one anonymous listener on 127.0.0.1:<free port>: these
    // lines (listeners and their security, as a broker's config file has
    // them), with `port` the one start() waits for (0: a free one, which
    // the lines then cannot name: give one from free_port()).
    std::string listeners;
    int port = 0;
  };

  MosquittoBroker();
  explicit MosquittoBroker(Options options);
  ~MosquittoBroker();
  MosquittoBroker(const MosquittoBroker&) = delete;
  MosquittoBroker& operator=(const MosquittoBroker&) = delete;

  [[nodiscard]] int port() const { return port_; }
  [[nodiscard]] std::string url() const;  // tcp://127.0.0.1:<port>
  [[nodiscard]] bool running() const { return process_ != nullptr; }
  [[nodiscard]] std::filesystem::path log_path() const { return dir_ / "mosquitto.log"; }

  void start();      // starts and waits until it accepts connections
  void stop();       // SIGTERM: a clean shutdown (persists its state)
  void kill_hard();  // SIGKILL: a crash

 private:
  Options options_;
  TempDir dir_{"tavla-mosquitto"};
  int port_;
  std::unique_ptr<Process> process_;
};

// The mosquitto and mosquitto_pub/_sub binaries, found at configure time.
[[nodiscard]] std::string mosquitto_program();
[[nodiscard]] std::string mosquitto_pub_program();
[[nodiscard]] std::string mosquitto_sub_program();
[[nodiscard]] std::string mosquitto_ctrl_program();

// The dynamic-security plugin of Debian's mosquitto, and a fresh plugin
// config file with one administrator (`mosquitto_ctrl dynsec init`, as an
// operator makes it).
[[nodiscard]] std::string dynsec_plugin();
void init_dynsec(const std::filesystem::path& file, const std::string& admin,
                 const std::string& password);

}  // namespace tavla::testing
