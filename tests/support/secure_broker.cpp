#include "tavla/testing/secure_broker.hpp"

#include "tavla/testing/net.hpp"

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
}

std::string SecureBroker::tls_url(const std::string& host) const {
  return "ssl://" + host + ":" + std::to_string(tls_port_);
}

}  // namespace tavla::testing
