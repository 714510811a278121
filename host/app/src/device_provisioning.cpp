#include "device_provisioning.hpp"

#include <chrono>

#include "bundle_secrets.hpp"
#include "tavla/host/config/load.hpp"
#include "tavla/host/provisioning/provisioning.hpp"

namespace tavla::host::app {
namespace {

// Provisioning's own client id: it never takes over a running serve's.
std::string provisioning_client_id(const config::Site& site) {
  return "tavla-host-" + site.id + "-provisioning";
}

void report(const provisioning::Provisioned& result, const std::string& device,
            const CommandContext& context) {
  context.out << "bundle for " << device << " in " << result.dir.string() << ":";
  for (const auto& file : result.files) {
    context.out << " " << file;
  }
  context.out << "\ncarry it to the appliance (docs/operator.md, \"Provision an appliance\")\n";
  for (const auto& note : result.notes) {
    context.log("note: " + note);
  }
}

}  // namespace

int run_device_provisioning(DeviceAction action, const std::string& config_file,
                            const std::string& device, const std::filesystem::path& output,
                            const CommandContext& context) {
  const auto site = config::load_site(config_file);
  broker::DynsecClient client(site.broker, provisioning_client_id(site));
  // The device secrets and the config-signing key: the same directory serve
  // signs with, so the bundle's public key is the one the configs carry.
  auto secrets = secrets::Secrets::open(
      site.secrets_dir,
      std::chrono::duration_cast<std::chrono::seconds>(context.now().time_since_epoch()).count());
  SecretsForBundles for_bundles(secrets);
  provisioning::Provisioning provisioning(site, client, &for_bundles);
  switch (action) {
    case DeviceAction::add:
      report(provisioning.add(device, output), device, context);
      break;
    case DeviceAction::rotate:
      report(provisioning.rotate(device, output), device, context);
      break;
    case DeviceAction::revoke:
      for (const auto& note : provisioning.revoke(device)) {
        context.log("note: " + note);
      }
      context.out << "revoked " << device
                  << ": its broker account is gone and its retained room config cleared\n";
      break;
  }
  return 0;
}

void warn_about_unprovisioned(const config::Site& site, const CommandContext& context) {
  if (!site.broker.username) {
    return;
  }
  try {
    broker::DynsecClient client(site.broker, provisioning_client_id(site));
    provisioning::Provisioning provisioning(site, client, nullptr);
    for (const auto& device : provisioning.devices_unknown_to_broker()) {
      context.err << "warning: the broker has no account for [[device]] " << device
                  << ": `tavla-host devices add " << device << "` makes one\n";
    }
  } catch (const std::exception& e) {
    context.err << "warning: cannot ask the broker which devices it knows: " << e.what() << "\n";
  }
}

}  // namespace tavla::host::app
