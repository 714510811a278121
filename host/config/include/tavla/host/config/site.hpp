// The site configuration: one human-edited TOML file (plus the members CSV
// files it names), loaded into plain values. Everything the host knows about
// municipalities, groups, rooms, the schedule and the plans comes from here;
// the store holds only what happened.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "tavla/allocation/allocation.hpp"
#include "tavla/protocol/event.hpp"
#include "tavla/protocol/room_config.hpp"
#include "tavla/protocol/timestamp.hpp"

namespace tavla::host::config {

struct Municipality {
  std::string id;
  std::string name;
  // A single count (key "") or counts by label ("2022Q2").
  std::map<std::string, std::int64_t> population;
  std::optional<protocol::Date> member_from;
  std::optional<protocol::Date> member_until;
  bool member = true;                            // false: an outside buyer, billed at external_rate
  std::optional<allocation::Ore> external_rate;  // per attendance unit
  std::optional<std::int64_t> foster_homes;
  // The official municipality number (four digits) by the first year it
  // applies from: numbers changed in 2020 and 2024. A single number applies
  // from year 0. Required for members; empty for an outside buyer without one.
  std::map<int, std::string> numbers;
  std::optional<std::string> org_number;  // nine digits with the mod-11 check

  // Whether it takes part in the allocation of `year` (a member on any day of it).
  [[nodiscard]] bool is_member_in(int year) const;
  // The number in force in `year`, or nullopt.
  [[nodiscard]] std::optional<std::string> number_in(int year) const;
};

// Whether `digits` is an organisation number: nine digits whose last is the
// mod-11 check digit of the first eight (weights 3 2 7 6 5 4 3 2).
[[nodiscard]] bool is_org_number(std::string_view digits);

struct Org {
  std::string id;
  std::string name;
};

struct Device {
  std::string id;
  std::string room;
};

// One row of a group's members CSV. full_name and pin never leave the host.
struct GroupMember {
  std::string participant;
  std::string display_name;
  protocol::Affiliation affiliation;
  std::optional<std::string> foster_home;
  std::string full_name;
  std::optional<std::string> pin_hash;  // made from the CSV's pin on load
  // The CSV's pin itself, from which a room config of version 2 makes a
  // verifier keyed by the device secret (host/secrets/pin_verifiers.hpp).
  std::optional<std::string> pin;
  bool leader = false;
};

// A group as the site file defines it: its room, its year and its members
// with full names. Its room's config carries a protocol::Group without them.
struct SiteGroup {
  std::string id;
  std::string name;
  protocol::SessionKind kind{};
  std::string device;
  std::optional<int> year;  // the year its enrollments count for (default: its sessions' years)
  // Group guidance as a series (a foster home counts once, as an enrollment)
  // or single sessions (each session's attendance units count instead).
  bool series = true;
  std::vector<GroupMember> members;

  [[nodiscard]] const GroupMember* member(std::string_view participant) const;
};

struct Agenda {
  std::string id;
  std::string name;
  std::vector<protocol::AgendaItem> items;
};

// One scheduled occurrence, already expanded and in UTC.
struct ScheduledSession {
  std::string session;
  std::string group;
  std::string title;
  protocol::Timestamp start;
  protocol::Timestamp end;
  std::optional<std::string> agenda;
};

struct PlanSource {
  int year = 0;
  std::optional<std::string> population_label;
  allocation::Plan plan;
};

struct Broker {
  std::string url;  // the host's own connection (TLS, or plain TCP on loopback)
  std::optional<std::string> username;
  std::optional<std::filesystem::path> password_file;
  // The CA of the broker's certificate: the host verifies with it, and
  // `devices add` puts it into each appliance's bundle.
  std::optional<std::filesystem::path> ca_file;
  // The URL the appliances connect to (their kiosk.toml), when it differs
  // from the host's (a host on the broker's machine uses loopback).
  std::optional<std::string> device_url;
  std::string shared_group;  // non-empty: $share/<group>/… subscriptions
};

struct Site {
  std::filesystem::path file;  // the TOML file it came from
  std::string id;
  std::string name;
  protocol::Locale locale = protocol::Locale::nb;
  Broker broker;
  std::string database_url;
  // The host's signing key, signing epoch and device secrets
  // (host/secrets): `[secrets] dir`, relative to the site file; "secrets".
  std::filesystem::path secrets_dir;
  std::vector<Municipality> municipalities;
  std::vector<Org> orgs;
  std::vector<Device> devices;
  std::vector<SiteGroup> groups;
  std::vector<Agenda> agendas;
  std::vector<ScheduledSession> schedule;
  std::vector<PlanSource> plans;

  [[nodiscard]] const Municipality* municipality(std::string_view key) const;
  [[nodiscard]] const Org* org(std::string_view key) const;
  [[nodiscard]] const Device* device(std::string_view key) const;
  [[nodiscard]] const SiteGroup* group(std::string_view key) const;
  [[nodiscard]] const PlanSource* plan(int year) const;
  // The population a plan's key uses for `m`: the plan's label, or the single count.
  [[nodiscard]] static std::int64_t population_for(const Municipality& m, const PlanSource& plan);
  // The same, or nullopt when `m` has no count the plan can use.
  [[nodiscard]] static std::optional<std::int64_t> population_of(const Municipality& m,
                                                                 const PlanSource& plan);
};

}  // namespace tavla::host::config
