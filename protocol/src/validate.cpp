// The rules of protocol version 1 on values in memory. decode_* applies them
// after reading the JSON; producers apply them before sending.
#include <algorithm>
#include <map>
#include <set>
#include <type_traits>

#include "checker.hpp"
#include "tavla/protocol/codec.hpp"
#include "tavla/protocol/limits.hpp"
#include "tavla/protocol/pin_hash.hpp"
#include "tavla/protocol/pin_verifier.hpp"

namespace tavla::protocol {
namespace {

using detail::at;
using detail::Checker;
using detail::join;

constexpr std::string_view kGuestPrefix = "guest-";

bool is_guest_id(std::string_view participant) {
  return participant.starts_with(kGuestPrefix);
}

void check_affiliation(Checker& check, const Affiliation& affiliation, const std::string& prefix) {
  const bool municipality = affiliation.kind == Affiliation::Kind::municipality;
  check.id(affiliation.id, join(prefix, municipality ? "municipality" : "org"));
}

void check_body(Checker& check, const SessionOpened& b) {
  check.id(b.session, "body.session");
  check.id(b.group, "body.group");
  check.text(b.title, "body.title");
  if (b.planned_start) {
    check.timestamp(*b.planned_start, "body.planned_start");
  }
  if (b.planned_end) {
    check.timestamp(*b.planned_end, "body.planned_end");
  }
}

void check_body(Checker& check, const SessionClosed& b) {
  check.id(b.session, "body.session");
}

void check_body(Checker& check, const CheckedIn& b) {
  check.id(b.session, "body.session");
  check.id(b.participant, "body.participant");
  if (!check.failed() && (b.method == CheckInMethod::guest) != is_guest_id(b.participant)) {
    check.fail(ErrorCode::invalid_value, "body.participant",
               "a guest check-in must have a 'guest-' participant id, and only a guest may");
  }
  check_affiliation(check, b.affiliation, "body");
  if (b.foster_home) {
    check.id(*b.foster_home, "body.foster_home");
  }
  if (b.corrected_by) {
    check.id(*b.corrected_by, "body.corrected_by");
  }
}

void check_body(Checker& check, const CheckedOut& b) {
  check.id(b.session, "body.session");
  check.id(b.participant, "body.participant");
  if (b.corrected_by) {
    check.id(*b.corrected_by, "body.corrected_by");
  }
}

void check_body(Checker& check, const SessionPaused& b) {
  check.id(b.session, "body.session");
}

void check_body(Checker& check, const SessionResumed& b) {
  check.id(b.session, "body.session");
}

void check_body(Checker& check, const ItemPaused& b) {
  check.id(b.session, "body.session");
  check.id(b.item, "body.item");
  check.number(b.elapsed_seconds, 0, kMaxElapsedSeconds, "body.elapsed_seconds");
}

void check_body(Checker& check, const ItemResumed& b) {
  check.id(b.session, "body.session");
  check.id(b.item, "body.item");
}

void check_body(Checker& check, const ItemSkipped& b) {
  check.id(b.session, "body.session");
  check.id(b.item, "body.item");
}

void check_body(Checker& check, const ItemExtended& b) {
  check.id(b.session, "body.session");
  check.id(b.item, "body.item");
  check.number(b.minutes, 1, kMaxPlannedMinutes, "body.minutes");
}

void check_body(Checker& check, const ActionReopened& b) {
  check.id(b.session, "body.session");
  check.id(b.action, "body.action");
}

void check_body(Checker& check, const ItemStarted& b) {
  check.id(b.session, "body.session");
  check.id(b.item, "body.item");
  check.text(b.title, "body.title");
  check.number(b.planned_minutes, 0, kMaxPlannedMinutes, "body.planned_minutes");
}

void check_body(Checker& check, const ItemFinished& b) {
  check.id(b.session, "body.session");
  check.id(b.item, "body.item");
  check.number(b.elapsed_seconds, 0, kMaxElapsedSeconds, "body.elapsed_seconds");
}

void check_body(Checker& check, const DecisionRecorded& b) {
  check.id(b.session, "body.session");
  check.id(b.item, "body.item");
  check.id(b.decision, "body.decision");
  check.text(b.text, "body.text");
}

void check_body(Checker& check, const ActionRecorded& b) {
  check.id(b.session, "body.session");
  check.id(b.item, "body.item");
  check.id(b.action, "body.action");
  check.text(b.text, "body.text");
  check.id(b.owner, "body.owner");
  if (b.due) {
    check.date(*b.due, "body.due");
  }
}

void check_body(Checker& check, const ActionDone& b) {
  check.id(b.session, "body.session");
  check.id(b.action, "body.action");
}

void check_body(Checker& check, const Retracted& b) {
  check.id(b.session, "body.session");
  check.id(b.target, "body.target");
  if (b.reason) {
    check.text(*b.reason, "body.reason", 0);
  }
}

// A rejection code: [a-z0-9_]{1,64}. Not checked against the known codes: a
// newer host may send one this build does not know.
void check_code(Checker& check, std::string_view code, const std::string& field) {
  const bool ok =
      !code.empty() && code.size() <= kMaxIdLength && std::ranges::all_of(code, [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
      });
  if (!ok) {
    check.fail(ErrorCode::out_of_bounds, field, "must be 1-64 of [a-z0-9_]");
  }
}

// Ids of a list must be unique: a second entry with the same id would be
// silently shadowed on the device.
class UniqueIds {
 public:
  void add(Checker& check, const std::string& id, const std::string& field) {
    if (!check.failed() && !seen_.insert(id).second) {
      check.fail(ErrorCode::invalid_value, field, "'" + id + "' appears twice");
    }
  }
  [[nodiscard]] bool contains(const std::string& id) const { return seen_.contains(id); }

 private:
  std::set<std::string, std::less<>> seen_;
};

void check_named_entries(Checker& check, const std::vector<NamedEntry>& entries, std::size_t max,
                         const std::string& field, UniqueIds& ids) {
  check.count(entries.size(), max, field);
  for (std::size_t i = 0; i < entries.size() && !check.failed(); ++i) {
    check.id(entries[i].id, join(at(field, i), "id"));
    ids.add(check, entries[i].id, join(at(field, i), "id"));
    check.text(entries[i].name, join(at(field, i), "name"));
  }
}

void check_member(Checker& check, const Member& member, const std::string& path,
                  const UniqueIds& municipalities, const UniqueIds& orgs) {
  check.id(member.participant, join(path, "participant"));
  if (!check.failed() && is_guest_id(member.participant)) {
    check.fail(ErrorCode::invalid_value, join(path, "participant"),
               "the 'guest-' prefix is reserved for walk-in guests");
  }
  check.text(member.display_name, join(path, "display_name"));
  check_affiliation(check, member.affiliation, path);
  if (!check.failed()) {
    const bool municipality = member.affiliation.kind == Affiliation::Kind::municipality;
    const auto& known = municipality ? municipalities : orgs;
    if (!known.contains(member.affiliation.id)) {
      check.fail(ErrorCode::invalid_value, join(path, municipality ? "municipality" : "org"),
                 "'" + member.affiliation.id + "' is not in this config's " +
                     (municipality ? "municipalities" : "orgs"));
    }
  }
  if (member.foster_home) {
    check.id(*member.foster_home, join(path, "foster_home"));
  }
  if (!check.failed() && member.pin_hash && !is_valid_pin_hash(*member.pin_hash)) {
    check.fail(ErrorCode::invalid_value, join(path, "pin_hash"),
               "must be sha256:<salt hex>:<64 lowercase hex>");
  }
  if (!check.failed() && member.pin_verifier && !is_valid_pin_verifier(*member.pin_verifier)) {
    check.fail(ErrorCode::invalid_value, join(path, "pin_verifier"),
               "must be $argon2id$v=19$m=<KiB>,t=<passes>,p=<lanes>$<salt>$<hash> with at least "
               "m=" +
                   std::to_string(kMinPinVerifierMemoryKib) +
                   ",t=" + std::to_string(kMinPinVerifierPasses) +
                   ",p=" + std::to_string(kMinPinVerifierLanes) +
                   " and at most m=" + std::to_string(kMaxPinVerifierMemoryKib) +
                   ",t=" + std::to_string(kMaxPinVerifierPasses) +
                   ",p=" + std::to_string(kMaxPinVerifierLanes) + ", a salt of " +
                   std::to_string(kMinPinVerifierSaltBytes) + "-" +
                   std::to_string(kMaxPinVerifierSaltBytes) + " bytes and a hash of " +
                   std::to_string(kMinPinVerifierHashBytes) + "-" +
                   std::to_string(kMaxPinVerifierHashBytes));
  }
}

}  // namespace

std::optional<Error> validate(const Event& event) {
  Checker check;
  check.event_id(event.id, "id");
  check.name(event.device, "device");
  check.epoch(event.epoch, "epoch");
  check.number(event.seq, 1, kMaxSafeInteger, "seq");
  check.timestamp(event.ts, "ts");
  std::visit([&check](const auto& body) { check_body(check, body); }, event.body);
  return check.result();
}

std::optional<Error> validate(const Ack& ack) {
  Checker check;
  if (ack.ids.empty()) {
    check.fail(ErrorCode::out_of_bounds, "ids", "must name at least one event");
  }
  check.count(ack.ids.size(), kMaxAckIds, "ids");
  for (std::size_t i = 0; i < ack.ids.size(); ++i) {
    check.event_id(ack.ids[i], at("ids", i));
  }
  check.count(ack.rejected.size(), kMaxAckIds, "rejected");
  for (std::size_t i = 0; i < ack.rejected.size() && !check.failed(); ++i) {
    const Rejection& r = ack.rejected[i];
    check.event_id(r.id, join(at("rejected", i), "id"));
    check_code(check, r.code, join(at("rejected", i), "code"));
    if (!check.failed() && std::ranges::find(ack.ids, r.id) == ack.ids.end()) {
      // A device that ignores `rejected` must still stop resending it.
      check.fail(ErrorCode::invalid_value, join(at("rejected", i), "id"),
                 "'" + r.id + "' is not among the acked ids");
    }
  }
  return check.result();
}

std::optional<Error> validate(const Status& status) {
  Checker check;
  if (status.online) {
    if (!status.fw) {
      check.fail(ErrorCode::missing_field, "fw", "is required when online");
    } else if (!status.outbox) {
      check.fail(ErrorCode::missing_field, "outbox", "is required when online");
    } else if (!status.clock_ok) {
      check.fail(ErrorCode::missing_field, "clock_ok", "is required when online");
    }
  }
  if (status.fw && !check.failed()) {
    const auto& fw = *status.fw;
    bool ok = !fw.empty() && fw.size() <= kMaxFirmwareVersionLength;
    for (const char c : fw) {
      ok = ok && ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                  c == '.' || c == '-' || c == '+' || c == '~');
    }
    if (!ok) {
      check.fail(ErrorCode::out_of_bounds, "fw", "must be 1-32 of [0-9A-Za-z.+~-]");
    }
  }
  if (status.outbox) {
    check.number(*status.outbox, 0, kMaxSafeInteger, "outbox");
  }
  if (status.last_ack) {
    check.timestamp(*status.last_ack, "last_ack");
  }
  if (status.versions) {
    if (status.versions->empty()) {
      check.fail(ErrorCode::out_of_bounds, "versions", "must name at least one version");
    }
    check.count(status.versions->size(), kMaxVersions, "versions");
    for (std::size_t i = 0; i < status.versions->size(); ++i) {
      check.number((*status.versions)[i], 1, kMaxSafeInteger, at("versions", i));
    }
  }
  if (status.configs_refused) {
    check.number(*status.configs_refused, 0, kMaxSafeInteger, "configs_refused");
  }
  return check.result();
}

namespace {

// Group ids with their kinds, for the schedule's references.
using GroupKinds = std::map<std::string, SessionKind, std::less<>>;

GroupKinds check_groups(Checker& check, const std::vector<Group>& groups,
                        const UniqueIds& municipalities, const UniqueIds& orgs) {
  GroupKinds kinds;
  UniqueIds group_ids;
  check.count(groups.size(), kMaxGroups, "groups");
  for (std::size_t g = 0; g < groups.size() && !check.failed(); ++g) {
    const Group& group = groups[g];
    const std::string path = at("groups", g);
    check.id(group.id, join(path, "id"));
    group_ids.add(check, group.id, join(path, "id"));
    check.text(group.name, join(path, "name"));
    kinds[group.id] = group.kind;
    check.count(group.members.size(), kMaxMembersPerGroup, join(path, "members"));
    UniqueIds participants;
    for (std::size_t m = 0; m < group.members.size() && !check.failed(); ++m) {
      const std::string member_path = at(join(path, "members"), m);
      check_member(check, group.members[m], member_path, municipalities, orgs);
      participants.add(check, group.members[m].participant, join(member_path, "participant"));
    }
  }
  return kinds;
}

UniqueIds check_agendas(Checker& check, const std::vector<Agenda>& agendas) {
  UniqueIds agenda_ids;
  check.count(agendas.size(), kMaxAgendas, "agendas");
  for (std::size_t a = 0; a < agendas.size() && !check.failed(); ++a) {
    const Agenda& agenda = agendas[a];
    const std::string path = at("agendas", a);
    check.id(agenda.id, join(path, "id"));
    agenda_ids.add(check, agenda.id, join(path, "id"));
    check.text(agenda.name, join(path, "name"));
    check.count(agenda.items.size(), kMaxAgendaItems, join(path, "items"));
    UniqueIds items;
    for (std::size_t i = 0; i < agenda.items.size() && !check.failed(); ++i) {
      const std::string item_path = at(join(path, "items"), i);
      check.id(agenda.items[i].item, join(item_path, "item"));
      items.add(check, agenda.items[i].item, join(item_path, "item"));
      check.text(agenda.items[i].title, join(item_path, "title"));
      check.number(agenda.items[i].minutes, 0, kMaxPlannedMinutes, join(item_path, "minutes"));
    }
  }
  return agenda_ids;
}

// An entry's references: its group exists with the same kind, it ends after
// it starts, its agenda exists.
void check_schedule_references(Checker& check, const ScheduledSession& entry,
                               const std::string& path, const GroupKinds& groups,
                               const UniqueIds& agendas) {
  const auto group = groups.find(entry.group);
  if (group == groups.end()) {
    check.fail(ErrorCode::invalid_value, join(path, "group"),
               "'" + entry.group + "' is not in this config's groups");
  } else if (group->second != entry.kind) {
    check.fail(ErrorCode::invalid_value, join(path, "kind"),
               "differs from the kind of group '" + entry.group + "'");
  } else if (entry.end <= entry.start) {
    check.fail(ErrorCode::invalid_value, join(path, "end"), "must be after start");
  } else if (entry.agenda && !agendas.contains(*entry.agenda)) {
    check.fail(ErrorCode::invalid_value, join(path, "agenda"),
               "'" + *entry.agenda + "' is not in this config's agendas");
  }
}

void check_schedule(Checker& check, const std::vector<ScheduledSession>& schedule,
                    const GroupKinds& groups, const UniqueIds& agendas) {
  UniqueIds sessions;
  check.count(schedule.size(), kMaxScheduleEntries, "schedule");
  for (std::size_t s = 0; s < schedule.size() && !check.failed(); ++s) {
    const ScheduledSession& entry = schedule[s];
    const std::string path = at("schedule", s);
    check.id(entry.session, join(path, "session"));
    sessions.add(check, entry.session, join(path, "session"));
    check.id(entry.group, join(path, "group"));
    check.text(entry.title, join(path, "title"));
    check.timestamp(entry.start, join(path, "start"));
    check.timestamp(entry.end, join(path, "end"));
    if (!check.failed()) {
      check_schedule_references(check, entry, path, groups, agendas);
    }
  }
}

void check_open_actions(Checker& check, const std::vector<OpenAction>& open_actions) {
  UniqueIds actions;
  check.count(open_actions.size(), kMaxOpenActions, "open_actions");
  for (std::size_t a = 0; a < open_actions.size() && !check.failed(); ++a) {
    const OpenAction& action = open_actions[a];
    const std::string path = at("open_actions", a);
    check.id(action.action, join(path, "action"));
    actions.add(check, action.action, join(path, "action"));
    check.text(action.text, join(path, "text"));
    check.id(action.owner, join(path, "owner"));
    if (action.due) {
      check.date(*action.due, join(path, "due"));
    }
    check.id(action.from_session, join(path, "from_session"));
  }
}

void check_cancelled(Checker& check, const std::vector<CancelledSession>& cancelled) {
  UniqueIds sessions;
  check.count(cancelled.size(), kMaxScheduleEntries, "cancelled");
  for (std::size_t c = 0; c < cancelled.size() && !check.failed(); ++c) {
    const std::string path = at("cancelled", c);
    check.id(cancelled[c].session, join(path, "session"));
    sessions.add(check, cancelled[c].session, join(path, "session"));
    check.text(cancelled[c].reason, join(path, "reason"), 0);
  }
}

}  // namespace

std::optional<Error> validate(const RoomConfig& config) {
  Checker check;
  check.name(config.site, "site");
  check.name(config.device, "device");
  check.text(config.room, "room");
  check.number(config.rev, 1, kMaxSafeInteger, "rev");

  UniqueIds municipalities;
  UniqueIds orgs;
  check_named_entries(check, config.municipalities, kMaxMunicipalities, "municipalities",
                      municipalities);
  check_named_entries(check, config.orgs, kMaxOrgs, "orgs", orgs);
  const GroupKinds groups = check_groups(check, config.groups, municipalities, orgs);
  const UniqueIds agendas = check_agendas(check, config.agendas);
  if (!check.failed()) {
    check_schedule(check, config.schedule, groups, agendas);
  }
  check_open_actions(check, config.open_actions);
  check_cancelled(check, config.cancelled);
  return check.result();
}

std::optional<Error> validate(const RoomConfig& config, std::uint64_t version) {
  if (std::ranges::find(kConfigVersions, version) == kConfigVersions.end()) {
    return Error{ErrorCode::unsupported_version, "v",
                 "version " + std::to_string(version) + " is not a config version of this build"};
  }
  Checker check;
  if (version >= kSignedConfigVersion) {
    check.number(config.signing_epoch, 1, kMaxSafeInteger, "signing_epoch");
  }
  if (check.failed()) {
    return check.result();
  }
  return validate(config);
}

}  // namespace tavla::protocol
