// The room's configuration, published by the host on `config` (retained).
// Carries what the room's own screen needs and nothing more: display names
// (first name and initial), never full names; PIN verifiers, never PINs.
// In config version 2 it travels signed (signed_config.hpp).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "tavla/protocol/event.hpp"
#include "tavla/protocol/timestamp.hpp"

namespace tavla::protocol {

enum class Locale { nb, nn, en };
[[nodiscard]] std::string_view to_string(Locale locale);
[[nodiscard]] std::optional<Locale> locale_from_string(std::string_view name);

struct NamedEntry {  // a municipality or an org
  std::string id;
  std::string name;
  bool operator==(const NamedEntry&) const = default;
};

struct Member {
  std::string participant;
  std::string display_name;
  Affiliation affiliation;
  std::optional<std::string> foster_home;
  // Config version 1 only: "sha256:<salt hex>:<hex of sha256(salt || pin)>".
  std::optional<std::string> pin_hash;
  bool leader{false};
  // Config version 2 only: an Argon2id PHC string keyed by the device secret
  // (pin_verifier.hpp).
  std::optional<std::string> pin_verifier;
  bool operator==(const Member&) const = default;
};

struct Group {
  std::string id;
  std::string name;
  SessionKind kind{};
  std::vector<Member> members;
  bool operator==(const Group&) const = default;
};

struct AgendaItem {
  std::string item;
  std::string title;
  std::uint64_t minutes{};
  bool operator==(const AgendaItem&) const = default;
};

struct Agenda {
  std::string id;
  std::string name;
  std::vector<AgendaItem> items;
  bool operator==(const Agenda&) const = default;
};

struct ScheduledSession {
  std::string session;
  std::string group;
  SessionKind kind{};
  std::string title;
  Timestamp start;
  Timestamp end;
  std::optional<std::string> agenda;
  bool operator==(const ScheduledSession&) const = default;
};

struct OpenAction {
  std::string action;
  std::string text;
  std::string owner;
  std::optional<Date> due;
  std::string from_session;
  bool operator==(const OpenAction&) const = default;
};

// A session the host cancelled at short notice (optional, additive): the
// kiosk does not open it, closes it if open, and says so on its screen;
// the host counts no attendance of it. `reason` is shown to the room.
struct CancelledSession {
  std::string session;
  std::string reason;  // may be empty
  bool operator==(const CancelledSession&) const = default;
};

struct RoomConfig {
  std::string site;
  std::string device;
  std::string room;
  std::uint64_t rev{};  // grows within a signing epoch
  // Config version 2 only (0 in version 1): the host's signing epoch. A new
  // one begins when its key is made and after a restore from backup; a
  // config of a newer epoch replaces one of an older epoch whatever its rev.
  std::uint64_t signing_epoch{};
  Locale locale{Locale::nb};
  std::vector<NamedEntry> municipalities;
  std::vector<NamedEntry> orgs;
  std::vector<Group> groups;
  std::vector<Agenda> agendas;
  std::vector<ScheduledSession> schedule;
  std::vector<OpenAction> open_actions;
  std::vector<CancelledSession> cancelled;  // optional on the wire: absent when empty
  bool operator==(const RoomConfig&) const = default;
};

}  // namespace tavla::protocol
