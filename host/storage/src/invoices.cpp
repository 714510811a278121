#include "tavla/host/storage/invoices.hpp"

namespace tavla::host::storage {

void InvoiceRepository::record_provisional(Transaction& tx, int year,
                                           const std::vector<IssuedProvisional>& rows) {
  std::int64_t position = 0;
  for (const auto& r : rows) {
    writing(tx).query(
        "INSERT INTO provisional_issued (year, position, municipality, amount, issued_at, "
        "issued_by) VALUES (?, ?, ?, ?, ?, ?)",
        {std::int64_t{year}, position++, r.municipality, r.amount, r.issued_at, r.issued_by});
  }
}

std::vector<IssuedProvisional> InvoiceRepository::provisional(int year) {
  std::vector<IssuedProvisional> result;
  for (const auto& r :
       db().query("SELECT municipality, amount, issued_at, issued_by FROM provisional_issued "
                  "WHERE year = ? ORDER BY position",
                  {std::int64_t{year}})) {
    result.push_back({r.str(0), r.i64(1), r.str(2), r.str(3)});
  }
  return result;
}

}  // namespace tavla::host::storage
