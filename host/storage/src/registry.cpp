#include "tavla/host/storage/registry.hpp"

#include <set>
#include <utility>

#include "values.hpp"

namespace tavla::host::storage {
namespace {

using MemberKey = std::pair<std::string, std::string>;  // (group, participant)

constexpr std::string_view kVersionColumns =
    "id, grp, participant, municipality, org, foster_home, valid_from, valid_to, imported_at";

RegistryVersion version_of(const Row& r) {
  return {r.i64(0),
          {r.str(1), r.str(2), opt_str(r, 3), opt_str(r, 4), opt_str(r, 5)},
          opt_str(r, 6),
          opt_str(r, 7),
          r.str(8)};
}

void insert_version(Transaction& tx, const RegistryEntry& e,
                    const std::optional<std::string>& valid_from, const std::string& at) {
  tx.query(
      "INSERT INTO registry (grp, participant, municipality, org, foster_home, valid_from, "
      "imported_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
      {e.group, e.participant, opt(e.municipality), opt(e.org), opt(e.foster_home), opt(valid_from),
       at});
}

void close_version(Transaction& tx, std::int64_t id, const std::string& date) {
  tx.query("UPDATE registry SET valid_to = ? WHERE id = ?", {date, id});
}

}  // namespace

const RegistryVersion* version_on(const std::vector<RegistryVersion>& versions,
                                  const std::string& participant, const std::string& date) {
  const RegistryVersion* found = nullptr;
  for (const auto& v : versions) {
    if (v.entry.participant == participant && (!v.valid_from || *v.valid_from <= date) &&
        (!v.valid_to || date < *v.valid_to)) {
      found = &v;  // the latest written, should two ever overlap
    }
  }
  return found;
}

RegistryImport RegistryRepository::update(Transaction& tx,
                                          const std::vector<RegistryEntry>& current,
                                          const std::string& date, const std::string& at) {
  Transaction& w = writing(tx);
  std::map<MemberKey, RegistryVersion> in_force;
  std::set<MemberKey> known;
  // Read inside the transaction (and its lock): two hosts importing at
  // once write one set of versions.
  for (const auto& r : w.query("SELECT " + std::string(kVersionColumns) + " FROM registry")) {
    RegistryVersion v = version_of(r);
    MemberKey key{v.entry.group, v.entry.participant};
    known.insert(key);
    if (!v.valid_to) {
      in_force[key] = std::move(v);
    }
  }
  RegistryImport result;
  for (const auto& entry : current) {
    const MemberKey key{entry.group, entry.participant};
    const auto it = in_force.find(key);
    if (it == in_force.end()) {
      // First seen: in force from the beginning, so earlier sessions resolve.
      insert_version(w, entry, known.contains(key) ? std::optional(date) : std::nullopt, at);
      ++result.added;
      continue;
    }
    const RegistryVersion before = std::move(it->second);
    in_force.erase(it);
    if (before.entry != entry) {
      close_version(w, before.id, date);
      insert_version(w, entry, date, at);
      ++result.changed;
    }
  }
  for (const auto& [_, gone] : in_force) {
    close_version(w, gone.id, date);
    ++result.removed;
  }
  return result;
}

std::vector<RegistryVersion> RegistryRepository::versions(const std::string& group) {
  std::vector<RegistryVersion> result;
  for (const auto& r : db().query(
           "SELECT " + std::string(kVersionColumns) + " FROM registry WHERE grp = ? ORDER BY id",
           {group})) {
    result.push_back(version_of(r));
  }
  return result;
}

std::map<std::string, std::int64_t> RegistryRepository::first_seen(const std::string& group) {
  std::map<std::string, std::int64_t> result;
  for (const auto& r :
       db().query("SELECT participant, MIN(id) FROM registry WHERE grp = ? GROUP BY participant",
                  {group})) {
    result[r.str(0)] = r.i64(1);
  }
  return result;
}

void RegistryRepository::note_mismatch(Transaction& tx, const RegistryMismatch& m) {
  writing(tx).query(
      "INSERT INTO registry_mismatches (session, participant, event_id, kiosk_municipality, "
      "kiosk_org, kiosk_foster_home, registry_municipality, registry_org, registry_foster_home, "
      "noted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {m.session, m.participant, m.event_id, opt(m.kiosk_municipality), opt(m.kiosk_org),
       opt(m.kiosk_foster_home), opt(m.registry_municipality), opt(m.registry_org),
       opt(m.registry_foster_home), m.noted_at});
}

std::vector<RegistryMismatch> RegistryRepository::mismatches(std::size_t limit) {
  std::vector<RegistryMismatch> result;
  for (const auto& r :
       db().query("SELECT id, session, participant, event_id, kiosk_municipality, kiosk_org, "
                  "kiosk_foster_home, registry_municipality, registry_org, "
                  "registry_foster_home, noted_at FROM registry_mismatches ORDER BY id DESC "
                  "LIMIT ?",
                  {static_cast<std::int64_t>(limit)})) {
    result.push_back({r.i64(0), r.str(1), r.str(2), r.str(3), opt_str(r, 4), opt_str(r, 5),
                      opt_str(r, 6), opt_str(r, 7), opt_str(r, 8), opt_str(r, 9), r.str(10)});
  }
  return result;
}

}  // namespace tavla::host::storage
