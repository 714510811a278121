// Each device's room configuration, built from the site file and the store:
// its groups with their rosters (display_name and pin_hash or pin_verifier
// only, never full names or PINs), the municipalities and orgs to pick a
// guest's, agendas, its schedule, and the open actions of its groups.
// Published retained on the device's config topic, in the config version the
// device reads; version 2 signed with the host's key, in its signing epoch,
// with PIN verifiers keyed by the device's secret (made once and kept in the
// store). `rev` grows only when the bytes published (content, version,
// epoch) change, and is kept in the store, so it survives restarts.
#pragma once

#include <functional>
#include <set>
#include <string>
#include <vector>

#include "tavla/host/config/site.hpp"
#include "tavla/host/ingest/publisher.hpp"
#include "tavla/host/secrets/secrets.hpp"
#include "tavla/host/storage/repositories.hpp"
#include "tavla/protocol/room_config.hpp"

namespace tavla::host::rooms {

// The config of `device` without its rev (rev = 0). Lists beyond the
// protocol's limits keep the most relevant entries (the latest actions, the
// schedule nearest in time).
[[nodiscard]] protocol::RoomConfig build_room_config(
    const config::Site& site, const config::Device& device,
    const std::vector<storage::OpenActionRecord>& open_actions);

// The devices whose rooms show `groups`.
[[nodiscard]] std::set<std::string> devices_of_groups(const config::Site& site,
                                                      const std::set<std::string>& groups);

// Builds, numbers and publishes the configs of `devices` (all when empty),
// each in the newest config version its device announced it reads
// (protocol::config_version_for). Returns how many were published; one
// without a common version, or invalid, is reported through `log`, and so is
// one in version 2 when there are no `secrets` (null: they could not be
// opened) or its device has no secret.
std::size_t publish_room_configs(const config::Site& site, storage::Repositories& repos,
                                 const secrets::Secrets* secrets, ingest::Publisher& publisher,
                                 const std::set<std::string>& devices,
                                 const std::function<void(const std::string&)>& log);

}  // namespace tavla::host::rooms
