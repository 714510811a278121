#include "tavla/testing/secure_broker.hpp"

#include <stdexcept>

#include "tavla/testing/net.hpp"
#include "tavla/testing/process.hpp"

namespace tavla::testing {

SecureBroker::SecureBroker() : server_(ca_.issue("server", {"localhost"})), tls_port_(free_port()) {
  const auto dynsec = dir_ / "dynamic-security.json";
  init_dynsec(dynsec, admin_, admin_password_);
  const int plain = free_port();
  // One plugin for every listener (per_listener_settings false), as shipped.
  const std::string listeners =
      "per_listener_settings false\n"
      "allow_anonymous false\n"
      "plugin " +
      dynsec_plugin() + "\n" + "plugin_opt_config_file " + dynsec.string() + "\n" + "listener " +
      std::to_string(tls_port_) + " 127.0.0.1\n" + "certfile " + server_.certificate.string() +
      "\n" + "keyfile " + server_.key.string() + "\n" + "listener " + std::to_string(plain) +
      " 127.0.0.1\n";
  broker_ = std::make_unique<MosquittoBroker>(
      MosquittoBroker::Options{.listeners = listeners, .port = plain});
  // The privileged subscriber: reads everything under # (not $CONTROL).
  control({"createRole", observer_});
  control({"addRoleACL", observer_, "subscribePattern", "#", "allow"});
  control({"addRoleACL", observer_, "publishClientReceive", "#", "allow"});
  control({"createClient", observer_, "-p", observer_password_});
  control({"addClientRole", observer_, observer_});
}

void SecureBroker::control(const std::vector<std::string>& command) const {
  std::vector<std::string> argv{mosquitto_ctrl_program(),
                                "-h",
                                "127.0.0.1",
                                "-p",
                                std::to_string(plain_port()),
                                "-u",
                                admin_,
                                "-P",
                                admin_password_,
                                "dynsec"};
  argv.insert(argv.end(), command.begin(), command.end());
  const auto result = run(argv);
  if (result.exit_code != 0) {
    throw std::runtime_error("mosquitto_ctrl dynsec " + command.front() + " failed: " + result.out +
                             result.err);
  }
}

std::string SecureBroker::tls_url(const std::string& host) const {
  return "ssl://" + host + ":" + std::to_string(tls_port_);
}

}  // namespace tavla::testing
