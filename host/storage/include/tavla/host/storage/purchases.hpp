// Individual-guidance hours bought (`tavla-host purchases`), each with who
// recorded it and when, and, once removed, who removed it, when and why: a
// purchase is corrected by removing it and recording the right one, never
// by changing or deleting a row.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "tavla/host/storage/repository.hpp"

namespace tavla::host::storage {

struct Purchase {
  std::int64_t id = 0;
  int year = 0;
  std::string municipality;
  std::int64_t hundredths = 0;  // hours × 100
  std::string note;
  std::string made_by;
  std::string made_at;
  std::optional<std::string> removed_by;  // set once removed: no longer counted
  std::optional<std::string> removed_at;
  std::optional<std::string> removed_reason;
};

class PurchaseRepository : public Repository {
 public:
  using Repository::Repository;

  std::int64_t insert(Transaction& tx, const Purchase& purchase);
  // Marks purchase `id` removed; false if there is none not yet removed.
  bool remove(Transaction& tx, std::int64_t id, const std::string& by, const std::string& at,
              const std::string& reason);
  // The year's purchases that count, oldest first; with the removed ones too
  // when `with_removed`.
  [[nodiscard]] std::vector<Purchase> list(int year, bool with_removed = false);
  [[nodiscard]] std::optional<Purchase> find(std::int64_t id);
};

}  // namespace tavla::host::storage
