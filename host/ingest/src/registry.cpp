#include "tavla/host/ingest/registry.hpp"

#include "tavla/host/config/schedule.hpp"

namespace tavla::host::ingest {
namespace {

storage::RegistryEntry entry_of(const config::SiteGroup& group, const config::GroupMember& m) {
  storage::RegistryEntry e{group.id, m.participant, {}, {}, m.foster_home};
  (m.affiliation.kind == protocol::Affiliation::Kind::municipality ? e.municipality : e.org) =
      m.affiliation.id;
  return e;
}

std::string oslo_day(protocol::Timestamp instant) {
  return protocol::format_date(config::oslo_date(instant));
}

}  // namespace

std::vector<storage::RegistryEntry> registry_entries(const config::Site& site) {
  std::vector<storage::RegistryEntry> entries;
  for (const auto& g : site.groups) {
    for (const auto& m : g.members) {
      entries.push_back(entry_of(g, m));
    }
  }
  return entries;
}

storage::RegistryImport import_registry(storage::Repositories& repos, const config::Site& site,
                                        protocol::Timestamp now) {
  const auto entries = registry_entries(site);
  return storage::in_transaction(repos.db(), [&](storage::Transaction& tx) {
    return repos.registry().update(tx, entries, oslo_day(now), protocol::format_timestamp(now));
  });
}

std::string describe_import(const storage::RegistryImport& result, protocol::Timestamp now) {
  return "registry: " + std::to_string(result.added) + " member(s) added, " +
         std::to_string(result.changed) + " changed, " + std::to_string(result.removed) +
         " removed, in force from " + oslo_day(now);
}

std::string billing_date(const storage::StoredSession& session) {
  const auto opened = protocol::parse_timestamp(session.opened_at);
  // opened_at is always the host's own spelling; an unreadable one would be
  // a store written by something else.
  return opened ? oslo_day(*opened) : session.opened_at.substr(0, 10);
}

std::optional<Membership> membership_on(const std::vector<storage::RegistryVersion>& versions,
                                        const config::SiteGroup* group,
                                        const std::string& participant, const std::string& date) {
  if (const auto* v = storage::version_on(versions, participant, date)) {
    const auto& e = v->entry;
    if (e.municipality) {
      return Membership{{protocol::Affiliation::Kind::municipality, *e.municipality},
                        e.foster_home};
    }
    return Membership{{protocol::Affiliation::Kind::org, e.org.value_or("")}, e.foster_home};
  }
  const config::GroupMember* member = group != nullptr ? group->member(participant) : nullptr;
  if (member == nullptr) {
    return std::nullopt;
  }
  return Membership{member->affiliation, member->foster_home};
}

}  // namespace tavla::host::ingest
