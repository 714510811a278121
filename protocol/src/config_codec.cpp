// The room configuration.
#include <nlohmann/json.hpp>

#include "json_input.hpp"
#include "tavla/protocol/codec.hpp"
#include "tavla/protocol/limits.hpp"
#include "topic_check.hpp"

namespace tavla::protocol {
namespace {

using detail::FieldReader;
using detail::Json;
using Out = nlohmann::ordered_json;

Out named_entries_json(const std::vector<NamedEntry>& entries) {
  Out out = Out::array();
  for (const auto& entry : entries) {
    out.push_back(Out{{"id", entry.id}, {"name", entry.name}});
  }
  return out;
}

// Version 1 carries a member's PIN as pin_hash, version 2 as pin_verifier;
// neither version carries the other's.
Out member_json(const Member& member, std::uint64_t version) {
  Out out{{"participant", member.participant}, {"display_name", member.display_name}};
  out[member.affiliation.kind == Affiliation::Kind::municipality ? "municipality" : "org"] =
      member.affiliation.id;
  if (member.foster_home) {
    out["foster_home"] = *member.foster_home;
  }
  if (version == 1 && member.pin_hash) {
    out["pin_hash"] = *member.pin_hash;
  }
  if (version >= kSignedConfigVersion && member.pin_verifier) {
    out["pin_verifier"] = *member.pin_verifier;
  }
  if (member.leader) {
    out["leader"] = true;
  }
  return out;
}

Out groups_json(const std::vector<Group>& groups, std::uint64_t version) {
  Out out = Out::array();
  for (const auto& group : groups) {
    Out members = Out::array();
    for (const auto& member : group.members) {
      members.push_back(member_json(member, version));
    }
    out.push_back(Out{{"id", group.id},
                      {"name", group.name},
                      {"kind", to_string(group.kind)},
                      {"members", std::move(members)}});
  }
  return out;
}

Out agendas_json(const std::vector<Agenda>& agendas) {
  Out out = Out::array();
  for (const auto& agenda : agendas) {
    Out items = Out::array();
    for (const auto& item : agenda.items) {
      items.push_back(Out{{"item", item.item}, {"title", item.title}, {"minutes", item.minutes}});
    }
    out.push_back(Out{{"id", agenda.id}, {"name", agenda.name}, {"items", std::move(items)}});
  }
  return out;
}

Out schedule_json(const std::vector<ScheduledSession>& schedule) {
  Out out = Out::array();
  for (const auto& entry : schedule) {
    Out json{{"session", entry.session},
             {"group", entry.group},
             {"kind", to_string(entry.kind)},
             {"title", entry.title},
             {"start", format_timestamp(entry.start)},
             {"end", format_timestamp(entry.end)}};
    if (entry.agenda) {
      json["agenda"] = *entry.agenda;
    }
    out.push_back(std::move(json));
  }
  return out;
}

Out open_actions_json(const std::vector<OpenAction>& actions) {
  Out out = Out::array();
  for (const auto& action : actions) {
    Out json{{"action", action.action}, {"text", action.text}, {"owner", action.owner}};
    if (action.due) {
      json["due"] = format_date(*action.due);
    }
    json["from_session"] = action.from_session;
    out.push_back(std::move(json));
  }
  return out;
}

std::vector<NamedEntry> read_named_entries(FieldReader& reader, std::string_view key) {
  std::vector<NamedEntry> entries;
  reader.object_array(key, [&entries](FieldReader& entry, std::size_t) {
    NamedEntry named;
    named.id = entry.string("id");
    named.name = entry.string("name");
    entries.push_back(std::move(named));
  });
  return entries;
}

Member read_member(FieldReader& reader, std::uint64_t version) {
  Member member;
  member.participant = reader.string("participant");
  member.display_name = reader.string("display_name");
  const bool has_municipality = reader.has("municipality");
  if (has_municipality == reader.has("org")) {
    reader.fail(ErrorCode::municipality_or_org, has_municipality ? "org" : "municipality",
                has_municipality ? "must not be given together with municipality"
                                 : "one of municipality or org is required");
  } else if (has_municipality) {
    member.affiliation = {Affiliation::Kind::municipality, reader.string("municipality")};
  } else {
    member.affiliation = {Affiliation::Kind::org, reader.string("org")};
  }
  member.foster_home = reader.optional_string("foster_home");
  if (version == 1) {
    member.pin_hash = reader.optional_string("pin_hash");
  } else {
    member.pin_verifier = reader.optional_string("pin_verifier");
  }
  member.leader = reader.optional_boolean("leader").value_or(false);
  return member;
}

}  // namespace

std::string encode(const RoomConfig& config) {
  return encode(config, kConfigVersions.front());
}

// Version 2 differs from 1 in signing_epoch after rev and in the members'
// pin_verifier (member_json); its bytes are what the host signs.
std::string encode(const RoomConfig& config, std::uint64_t version) {
  Out out{{"v", version},
          {"site", config.site},
          {"device", config.device},
          {"room", config.room},
          {"rev", config.rev}};
  if (version >= kSignedConfigVersion) {
    out["signing_epoch"] = config.signing_epoch;
  }
  out["locale"] = to_string(config.locale);
  out["municipalities"] = named_entries_json(config.municipalities);
  out["orgs"] = named_entries_json(config.orgs);
  out["groups"] = groups_json(config.groups, version);
  out["agendas"] = agendas_json(config.agendas);
  out["schedule"] = schedule_json(config.schedule);
  out["open_actions"] = open_actions_json(config.open_actions);
  if (!config.cancelled.empty()) {
    Out cancelled = Out::array();
    for (const auto& c : config.cancelled) {
      cancelled.push_back(Out{{"session", c.session}, {"reason", c.reason}});
    }
    out["cancelled"] = std::move(cancelled);
  }
  return out.dump(-1, ' ', false, Out::error_handler_t::replace);
}

namespace {

void read_groups(FieldReader& reader, std::uint64_t version, std::vector<Group>& groups) {
  reader.object_array("groups", [&groups, version](FieldReader& g, std::size_t) {
    Group group;
    group.id = g.string("id");
    group.name = g.string("name");
    group.kind = g.enumeration<SessionKind>("kind", session_kind_from_string);
    g.object_array("members", [&group, version](FieldReader& m, std::size_t) {
      group.members.push_back(read_member(m, version));
    });
    groups.push_back(std::move(group));
  });
}

void read_agendas(FieldReader& reader, std::vector<Agenda>& agendas) {
  reader.object_array("agendas", [&agendas](FieldReader& a, std::size_t) {
    Agenda agenda;
    agenda.id = a.string("id");
    agenda.name = a.string("name");
    a.object_array("items", [&agenda](FieldReader& i, std::size_t) {
      AgendaItem item;
      item.item = i.string("item");
      item.title = i.string("title");
      item.minutes = i.unsigned_integer("minutes");
      agenda.items.push_back(std::move(item));
    });
    agendas.push_back(std::move(agenda));
  });
}

void read_schedule(FieldReader& reader, std::vector<ScheduledSession>& schedule) {
  reader.object_array("schedule", [&schedule](FieldReader& s, std::size_t) {
    ScheduledSession entry;
    entry.session = s.string("session");
    entry.group = s.string("group");
    entry.kind = s.enumeration<SessionKind>("kind", session_kind_from_string);
    entry.title = s.string("title");
    entry.start = s.timestamp("start");
    entry.end = s.timestamp("end");
    entry.agenda = s.optional_string("agenda");
    schedule.push_back(std::move(entry));
  });
}

void read_open_actions(FieldReader& reader, std::vector<OpenAction>& open_actions) {
  reader.object_array("open_actions", [&open_actions](FieldReader& a, std::size_t) {
    OpenAction action;
    action.action = a.string("action");
    action.text = a.string("text");
    action.owner = a.string("owner");
    action.due = a.optional_date("due");
    action.from_session = a.string("from_session");
    open_actions.push_back(std::move(action));
  });
}

// Optional: a config without it cancels nothing.
void read_cancelled(FieldReader& reader, std::vector<CancelledSession>& cancelled) {
  if (!reader.has("cancelled")) {
    return;
  }
  reader.object_array("cancelled", [&cancelled](FieldReader& c, std::size_t) {
    cancelled.push_back({c.string("session"), c.string("reason")});
  });
}

}  // namespace

Result<RoomConfig> decode_config(std::string_view payload) {
  Json json;
  if (auto error = detail::parse_message(payload, kMaxConfigBytes, json)) {
    return *error;
  }
  std::optional<Error> error;
  FieldReader reader{&json, "", &error};
  const std::uint64_t version = reader.version_of(kConfigVersions);
  RoomConfig config;
  config.site = reader.string("site");
  config.device = reader.string("device");
  config.room = reader.string("room");
  config.rev = reader.unsigned_integer("rev");
  if (version >= kSignedConfigVersion) {
    config.signing_epoch = reader.unsigned_integer("signing_epoch");
  }
  config.locale = reader.enumeration<Locale>("locale", locale_from_string);
  config.municipalities = read_named_entries(reader, "municipalities");
  config.orgs = read_named_entries(reader, "orgs");
  read_groups(reader, version, config.groups);
  read_agendas(reader, config.agendas);
  read_schedule(reader, config.schedule);
  read_open_actions(reader, config.open_actions);
  read_cancelled(reader, config.cancelled);
  if (error) {
    return *error;
  }
  if (auto invalid = validate(config, version)) {
    return *invalid;
  }
  return config;
}

Result<RoomConfig> decode_config(std::string_view topic, std::string_view payload) {
  auto parsed = detail::check_topic(topic, Channel::config);
  if (!parsed) {
    return parsed.error();
  }
  auto config = decode_config(payload);
  if (config && (config.value().device != parsed.value().device ||
                 config.value().site != parsed.value().site)) {
    return Error{ErrorCode::device_mismatch, "device",
                 "config for '" + config.value().site + "/" + config.value().device +
                     "' arrived on the topic of '" + parsed.value().site + "/" +
                     parsed.value().device + "'"};
  }
  return config;
}

}  // namespace tavla::protocol
