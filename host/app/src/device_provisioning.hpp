// `tavla-host devices add|rotate|revoke ID`: an appliance's broker account
// through the dynamic-security plugin (host/provisioning) and its bundle.
#pragma once

#include <filesystem>
#include <string>

#include "command.hpp"

namespace tavla::host::app {

enum class DeviceAction { add, rotate, revoke };

// Runs `action` for `device` of the site in `config_file`; `output` is where
// add and rotate write the bundle. Returns the exit code; throws on failure.
int run_device_provisioning(DeviceAction action, const std::string& config_file,
                            const std::string& device, const std::filesystem::path& output,
                            const CommandContext& context);

// The [[device]]s of the site the broker has no account for, as warnings
// (for `check`). Does nothing without a broker account in the site file.
void warn_about_unprovisioned(const config::Site& site, const CommandContext& context);

}  // namespace tavla::host::app
