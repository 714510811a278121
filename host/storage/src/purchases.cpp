#include "tavla/host/storage/purchases.hpp"

namespace tavla::host::storage {

std::int64_t PurchaseRepository::insert(Transaction& tx, const Purchase& p) {
  return writing(tx)
      .query(
          "INSERT INTO purchases (year, municipality, hundredths, note, made_by, made_at) "
          "VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
          {std::int64_t{p.year}, p.municipality, p.hundredths, p.note, p.made_by, p.made_at})
      .at(0)
      .i64(0);
}

std::vector<Purchase> PurchaseRepository::list(int year) {
  std::vector<Purchase> result;
  for (const auto& r : db().query(
           "SELECT id, year, municipality, hundredths, note, made_by, made_at FROM purchases "
           "WHERE year = ? ORDER BY id",
           {std::int64_t{year}})) {
    result.push_back(
        {r.i64(0), static_cast<int>(r.i64(1)), r.str(2), r.i64(3), r.str(4), r.str(5), r.str(6)});
  }
  return result;
}

}  // namespace tavla::host::storage
