// The host's registry: who belonged where on which date (docs/domain.md,
// "Rules of trust"). Each row of a group's member list is kept as versions
// with the Europe/Oslo dates each was in force, [valid_from, valid_to): a
// changed row becomes a new version, never an overwrite, so a session bills
// the municipality or org and foster home of its own date. A member's first
// version is in force from the beginning (valid_from NULL). Names never come
// here: the member lists keep them.
//
// Also the mismatches: where a kiosk's check-in claimed another affiliation
// or foster home than the registry's, which billing ignored.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "tavla/host/storage/repository.hpp"

namespace tavla::host::storage {

// One member of one group as a member list says now: what billing needs.
struct RegistryEntry {
  std::string group;
  std::string participant;
  std::optional<std::string> municipality;  // exactly one of municipality and org
  std::optional<std::string> org;
  std::optional<std::string> foster_home;
  bool operator==(const RegistryEntry&) const = default;
};

struct RegistryVersion {
  std::int64_t id = 0;  // grows with every version written
  RegistryEntry entry;
  std::optional<std::string> valid_from;  // YYYY-MM-DD; nullopt: from the beginning
  std::optional<std::string> valid_to;    // YYYY-MM-DD, exclusive; nullopt: in force
  std::string imported_at;                // when this version was written
};

// What an import changed: members seen for the first time (or again after
// they left), members whose row changed, members no longer listed.
struct RegistryImport {
  std::size_t added = 0;
  std::size_t changed = 0;
  std::size_t removed = 0;
  [[nodiscard]] bool changed_anything() const { return added + changed + removed > 0; }
};

// The version of `participant` in force on `date` (YYYY-MM-DD) among
// `versions` (those of one group), if any.
[[nodiscard]] const RegistryVersion* version_on(const std::vector<RegistryVersion>& versions,
                                                const std::string& participant,
                                                const std::string& date);

// A check-in whose claim differed from the registry's (billing used the registry's).
struct RegistryMismatch {
  std::int64_t id = 0;
  std::string session;
  std::string participant;
  std::string event_id;
  std::optional<std::string> kiosk_municipality;
  std::optional<std::string> kiosk_org;
  std::optional<std::string> kiosk_foster_home;
  std::optional<std::string> registry_municipality;
  std::optional<std::string> registry_org;
  std::optional<std::string> registry_foster_home;
  std::string noted_at;
};

class RegistryRepository : public Repository {
 public:
  using Repository::Repository;

  // Makes the registry say `current` from `date` on: a member not seen before
  // gets a first version in force from the beginning, one listed again after
  // it left a version from `date`; a changed row closes its version at
  // `date` and opens a new one; a member no longer listed has its version
  // closed at `date`. Nothing is written when nothing changed.
  RegistryImport update(Transaction& tx, const std::vector<RegistryEntry>& current,
                        const std::string& date, const std::string& at);
  // Every version of `group`'s members, oldest first.
  [[nodiscard]] std::vector<RegistryVersion> versions(const std::string& group);
  // Per participant of `group`, the id of its first version: the order in
  // which members first appeared, which reloads and reordered lists keep.
  [[nodiscard]] std::map<std::string, std::int64_t> first_seen(const std::string& group);

  void note_mismatch(Transaction& tx, const RegistryMismatch& mismatch);
  // The latest `limit`, newest first.
  [[nodiscard]] std::vector<RegistryMismatch> mismatches(std::size_t limit);
};

}  // namespace tavla::host::storage
