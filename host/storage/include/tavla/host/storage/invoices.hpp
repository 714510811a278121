// The a-konto as it was invoiced (`tavla-host provisional --issue`): the
// figure sent to each member, when and by whom, so that the year-end
// settlement compares with what was sent, never with a recomputation after
// a mid-year change of the plan.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "tavla/host/storage/repository.hpp"

namespace tavla::host::storage {

struct IssuedProvisional {
  std::string municipality;
  std::int64_t amount = 0;  // øre
  std::string issued_at;
  std::string issued_by;
};

class InvoiceRepository : public Repository {
 public:
  using Repository::Repository;

  void record_provisional(Transaction& tx, int year, const std::vector<IssuedProvisional>& rows);
  // What was recorded for `year`, in the order recorded; empty if none.
  [[nodiscard]] std::vector<IssuedProvisional> provisional(int year);
};

}  // namespace tavla::host::storage
