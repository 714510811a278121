// The registry decides who pays (docs/domain.md, "Rules of trust"): the
// member lists of the site file imported into the store as dated versions
// (storage/registry.hpp), and a member's municipality or org and foster home
// as they stood on a session's date. Imported when `serve` starts or
// reloads and when a command that computes money or usage starts, so the
// date a change takes effect is the day it was first seen.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "tavla/host/config/site.hpp"
#include "tavla/host/storage/repositories.hpp"
#include "tavla/protocol/event.hpp"
#include "tavla/protocol/timestamp.hpp"

namespace tavla::host::ingest {

// Every member of every group of `site`, as the registry keeps them.
[[nodiscard]] std::vector<storage::RegistryEntry> registry_entries(const config::Site& site);

// Imports `site`'s member lists in one transaction; changes are in force
// from the Europe/Oslo date of `now`. Writes nothing when nothing changed.
storage::RegistryImport import_registry(storage::Repositories& repos, const config::Site& site,
                                        protocol::Timestamp now);

// "registry: 1 member(s) added, 2 changed, 0 removed, in force from 2026-12-03".
[[nodiscard]] std::string describe_import(const storage::RegistryImport& result,
                                          protocol::Timestamp now);

// Where a member belongs on a date, for billing.
struct Membership {
  protocol::Affiliation affiliation;
  std::optional<std::string> foster_home;
  bool operator==(const Membership&) const = default;
};

// The Europe/Oslo date (YYYY-MM-DD) a session is billed on: its opening's.
[[nodiscard]] std::string billing_date(const storage::StoredSession& session);

// `participant`'s membership on `date`: the registry's version in force
// then (`versions` are those of the session's group), else the group's
// member list as loaded (a registry not imported yet), else nullopt.
[[nodiscard]] std::optional<Membership> membership_on(
    const std::vector<storage::RegistryVersion>& versions, const config::SiteGroup* group,
    const std::string& participant, const std::string& date);

}  // namespace tavla::host::ingest
