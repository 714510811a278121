// A mosquitto set up as host/dist/mosquitto-tavla.conf sets one up: a TLS
// listener (a throwaway CA's certificate for "localhost" only), a plain
// listener on loopback, no anonymous clients, and the dynamic-security
// plugin with one administrator account (what provisioning acts as) and a
// privileged observer that may read every topic under #.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "tavla/testing/mosquitto_broker.hpp"
#include "tavla/testing/temp_dir.hpp"
#include "tavla/testing/throwaway_ca.hpp"

namespace tavla::testing {

class SecureBroker {
 public:
  SecureBroker();

  [[nodiscard]] const ThrowawayCa& ca() const { return ca_; }
  [[nodiscard]] int tls_port() const { return tls_port_; }
  [[nodiscard]] int plain_port() const { return broker_->port(); }
  // ssl://<host>:<tls port>; the certificate is valid for "localhost" only,
  // so ssl://127.0.0.1:… is a wrong host name.
  [[nodiscard]] std::string tls_url(const std::string& host = "localhost") const;
  [[nodiscard]] std::string plain_url() const { return broker_->url(); }
  [[nodiscard]] const std::string& admin() const { return admin_; }
  [[nodiscard]] const std::string& admin_password() const { return admin_password_; }
  [[nodiscard]] const std::string& observer() const { return observer_; }
  [[nodiscard]] const std::string& observer_password() const { return observer_password_; }
  [[nodiscard]] MosquittoBroker& broker() { return *broker_; }
  // `mosquitto_ctrl dynsec <command…>` as the administrator; throws if it fails.
  void control(const std::vector<std::string>& command) const;

 private:
  ThrowawayCa ca_;
  ThrowawayCa::Issued server_;
  TempDir dir_{"tavla-secure-broker"};
  int tls_port_;
  std::string admin_ = "tavla-admin";
  std::string admin_password_ = "admin-secret";
  std::string observer_ = "tavla-observer";
  std::string observer_password_ = "observer-secret";
  std::unique_ptr<MosquittoBroker> broker_;
};

}  // namespace tavla::testing
