// Individual-guidance hours bought (`tavla-host purchases`), each with who
// recorded it and when.
#pragma once

#include <cstdint>
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
};

class PurchaseRepository : public Repository {
 public:
  using Repository::Repository;

  std::int64_t insert(Transaction& tx, const Purchase& purchase);
  // The year's purchases, oldest first.
  [[nodiscard]] std::vector<Purchase> list(int year);
};

}  // namespace tavla::host::storage
