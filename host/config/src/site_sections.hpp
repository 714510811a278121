// The readers of the site file's sections, in the order parse_site calls
// them: each checks its section and the references to the ones before it
// (a group's device, a session's group and agenda, a plan's municipalities).
#pragma once

#include <toml++/toml.h>

#include "tavla/host/config/site.hpp"
#include "toml_reader.hpp"

namespace tavla::host::config {

// [site], [broker] and [database] (site_connections.cpp).
void read_site_table(const TomlReader& r, const toml::table& root, Site& site);
void read_broker(const TomlReader& r, const toml::table& root, Site& site);
void read_database(const TomlReader& r, const toml::table& root, Site& site);
void read_secrets(const TomlReader& r, const toml::table& root, Site& site);

// [[municipality]], [[org]], [[device]] (site_registry.cpp).
void read_municipalities(const TomlReader& r, const toml::table& root, Site& site);
void read_orgs(const TomlReader& r, const toml::table& root, Site& site);
void read_devices(const TomlReader& r, const toml::table& root, Site& site);

// [[group]] and the members CSV each names (site_groups.cpp).
void read_groups(const TomlReader& r, const toml::table& root, Site& site);

// [[agenda]] and [[session]], expanded to dates (site_schedule.cpp).
void read_agendas(const TomlReader& r, const toml::table& root, Site& site);
void read_schedule(const TomlReader& r, const toml::table& root, Site& site);

// [[plan]] with its [[plan.part]]s (site_plans.cpp).
void read_plans(const TomlReader& r, const toml::table& root, Site& site);

}  // namespace tavla::host::config
