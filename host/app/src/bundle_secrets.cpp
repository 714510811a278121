#include "bundle_secrets.hpp"

#include "tavla/protocol/pin_hash.hpp"

namespace tavla::host::app {

std::vector<std::string> SecretsForBundles::file_names() const {
  return {kDeviceSecretFile, kConfigKeyFile};
}

// A new secret on every call: a bundle is written once, and a rotated
// appliance must not keep verifying PINs with the secret it had.
std::vector<provisioning::BundleFile> SecretsForBundles::issue(const std::string& device) {
  const std::string secret = secrets_.rotate_device_secret(device);
  return {{kDeviceSecretFile, protocol::to_hex(secret) + "\n"},
          {kConfigKeyFile, secrets_.public_key_pem()}};
}

void SecretsForBundles::forget(const std::string& device) {
  secrets_.remove_device_secret(device);
}

std::string SecretsForBundles::kiosk_settings() const {
  return std::string(
             "\n[security]\n# only room configs signed by this key are taken\nconfig_key = \"") +
         kConfigKeyFile + "\"\n# keys the members' PIN verifiers; never leaves the appliance\n" +
         "device_secret_file = \"" + kDeviceSecretFile + "\"\n";
}

}  // namespace tavla::host::app
