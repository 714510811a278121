// Who may do what on the broker, as roles of the dynamic-security plugin:
// an appliance writes only its own events and status and reads only its own
// acks and room config, all under its own site (tavla/v1/<site>/<device>/…);
// the host's account reads every device's events and status of its site
// (also through $share/ subscriptions) and writes their acks and configs.
#pragma once

#include <string>
#include <vector>

#include "tavla/host/broker/dynsec.hpp"

namespace tavla::host::provisioning {

[[nodiscard]] std::string device_role(const std::string& device);  // "tavla-device-<device>"
[[nodiscard]] std::vector<broker::Acl> device_acls(const std::string& site,
                                                   const std::string& device);

[[nodiscard]] std::string host_role(const std::string& site);  // "tavla-host-<site>"
[[nodiscard]] std::vector<broker::Acl> host_acls(const std::string& site);

}  // namespace tavla::host::provisioning
