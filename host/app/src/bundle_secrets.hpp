// The host's secrets module (tavla::host_secrets) as the bundle provisioning
// writes sees it: each `devices add` or `rotate` gives the appliance a new
// device secret and the config-signing public key, and kiosk.toml names both.
#pragma once

#include "tavla/host/provisioning/provisioning.hpp"
#include "tavla/host/secrets/secrets.hpp"

namespace tavla::host::app {

inline constexpr const char* kDeviceSecretFile = "device.secret";
inline constexpr const char* kConfigKeyFile = "config-signing.pub";

class SecretsForBundles final : public provisioning::BundleSecrets {
 public:
  explicit SecretsForBundles(secrets::Secrets& secrets) : secrets_(secrets) {}

  [[nodiscard]] std::vector<std::string> file_names() const override;
  std::vector<provisioning::BundleFile> issue(const std::string& device) override;
  void forget(const std::string& device) override;
  [[nodiscard]] std::string kiosk_settings() const override;

 private:
  secrets::Secrets& secrets_;
};

}  // namespace tavla::host::app
