#include "tavla/host/storage/purchases.hpp"

#include "values.hpp"

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

namespace {

constexpr std::string_view kColumns =
    "SELECT id, year, municipality, hundredths, note, made_by, made_at, removed_by, removed_at, "
    "removed_reason FROM purchases ";

Purchase purchase_of(const Row& r) {
  return {r.i64(0),      static_cast<int>(r.i64(1)),
          r.str(2),      r.i64(3),
          r.str(4),      r.str(5),
          r.str(6),      opt_str(r, 7),
          opt_str(r, 8), opt_str(r, 9)};
}

}  // namespace

bool PurchaseRepository::remove(Transaction& tx, std::int64_t id, const std::string& by,
                                const std::string& at, const std::string& reason) {
  return !writing(tx)
              .query(
                  "UPDATE purchases SET removed_by = ?, removed_at = ?, removed_reason = ? "
                  "WHERE id = ? AND removed_at IS NULL RETURNING id",
                  {by, at, reason, id})
              .empty();
}

std::vector<Purchase> PurchaseRepository::list(int year, bool with_removed) {
  std::vector<Purchase> result;
  const std::string sql = std::string(kColumns) + "WHERE year = ?" +
                          (with_removed ? "" : " AND removed_at IS NULL") + " ORDER BY id";
  for (const auto& r : db().query(sql, {std::int64_t{year}})) {
    result.push_back(purchase_of(r));
  }
  return result;
}

std::optional<Purchase> PurchaseRepository::find(std::int64_t id) {
  const auto rows = db().query(std::string(kColumns) + "WHERE id = ?", {id});
  if (rows.empty()) {
    return std::nullopt;
  }
  return purchase_of(rows.front());
}

}  // namespace tavla::host::storage
