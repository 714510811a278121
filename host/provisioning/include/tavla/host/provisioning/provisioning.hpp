// `tavla-host devices add|rotate|revoke`: an appliance's broker account in
// the dynamic-security plugin (its username and client id are its device
// id; its role, device_access.hpp), driven over the plugin's $CONTROL
// topics by the host's own broker account, and the bundle it needs.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "tavla/host/broker/dynsec_client.hpp"
#include "tavla/host/config/site.hpp"
#include "tavla/host/provisioning/bundle.hpp"

namespace tavla::host::provisioning {

// The seam to the module that keeps the device secrets and the
// config-signing key: `issue` makes the device's secret (a new one on each
// call, kept by the host) and returns the files the appliance needs of it
// and of the signing key; `forget` drops the device's secret on revoke.
// `kiosk_settings` is the kiosk.toml text that names those files. Without
// it, bundles hold the broker credentials and the CA only, and the result's
// notes say so.
class BundleSecrets {
 public:
  BundleSecrets() = default;
  virtual ~BundleSecrets() = default;
  BundleSecrets(const BundleSecrets&) = delete;
  BundleSecrets& operator=(const BundleSecrets&) = delete;
  BundleSecrets(BundleSecrets&&) = delete;
  BundleSecrets& operator=(BundleSecrets&&) = delete;

  [[nodiscard]] virtual std::vector<std::string> file_names() const = 0;
  virtual std::vector<BundleFile> issue(const std::string& device) = 0;
  [[nodiscard]] virtual std::string kiosk_settings() const = 0;
  virtual void forget(const std::string& device) = 0;
};

struct Provisioned {
  std::filesystem::path dir;
  std::vector<std::string> files;  // written into dir
  std::vector<std::string> notes;  // what the operator should know (missing CA, …)
};

// A broker password: 24 random bytes in hex.
using PasswordSource = std::function<std::string()>;
[[nodiscard]] std::string random_password();

class Provisioning {
 public:
  // `secrets` may be nullptr (see BundleSecrets).
  Provisioning(const config::Site& site, broker::DynsecClient& broker, BundleSecrets* secrets,
               PasswordSource passwords = random_password);

  // A new account for a [[device]] of the site file, and its bundle in
  // `dir`. Refuses a device the broker has an account for (rotate it).
  Provisioned add(const std::string& device, const std::filesystem::path& dir);
  // A new password (the broker drops the device's connection) and new
  // secrets, in a new bundle in `dir`.
  Provisioned rotate(const std::string& device, const std::filesystem::path& dir);
  // Removes the account and its role (the broker drops the connection) and
  // clears the device's retained room config. Returns notes.
  std::vector<std::string> revoke(const std::string& device);

  // The [[device]]s of the site file the broker has no account for.
  [[nodiscard]] std::vector<std::string> devices_unknown_to_broker();

 private:
  void ensure_host_role();
  [[nodiscard]] bool has_account(const std::string& device);
  Provisioned write(const std::string& device, const std::string& password,
                    const std::filesystem::path& dir);
  [[nodiscard]] std::vector<std::string> bundle_names(bool with_ca) const;

  const config::Site& site_;
  broker::DynsecClient& broker_;
  BundleSecrets* secrets_;
  PasswordSource passwords_;
};

}  // namespace tavla::host::provisioning
