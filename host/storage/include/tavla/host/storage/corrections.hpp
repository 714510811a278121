// Attendance corrections made on the host (`tavla-host attendance`), each
// with who, when and why: the audit trail behind a changed count.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "tavla/host/storage/repository.hpp"

namespace tavla::host::storage {

struct Correction {
  std::int64_t id = 0;
  std::string session;
  std::string participant;
  std::string change;  // add | remove
  std::optional<std::string> municipality;
  std::optional<std::string> org;
  std::optional<std::string> foster_home;
  std::string reason;
  std::string made_by;
  std::string made_at;
};

class CorrectionRepository : public Repository {
 public:
  using Repository::Repository;

  std::int64_t insert(Transaction& tx, const Correction& correction);
  // Oldest first; of sessions of `year` and for `municipality` when given.
  [[nodiscard]] std::vector<Correction> list(std::optional<int> year,
                                             const std::optional<std::string>& municipality);
};

}  // namespace tavla::host::storage
