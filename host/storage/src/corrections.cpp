#include "tavla/host/storage/corrections.hpp"

#include "values.hpp"

namespace tavla::host::storage {

std::int64_t CorrectionRepository::insert(Transaction& tx, const Correction& c) {
  const auto rows = writing(tx).query(
      "INSERT INTO corrections (session, participant, change, municipality, org, foster_home, "
      "reason, made_by, made_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {c.session, c.participant, c.change, opt(c.municipality), opt(c.org), opt(c.foster_home),
       c.reason, c.made_by, c.made_at});
  return rows.at(0).i64(0);
}

std::vector<Correction> CorrectionRepository::list(std::optional<int> year,
                                                   const std::optional<std::string>& municipality) {
  const Value year_value = year ? Value{std::int64_t{*year}} : Value{};
  std::vector<Correction> result;
  for (const auto& r : db().query(
           "SELECT c.id, c.session, c.participant, c.change, c.municipality, c.org, "
           "c.foster_home, c.reason, c.made_by, c.made_at FROM corrections c "
           "JOIN sessions s ON s.session = c.session "
           "WHERE (CAST(? AS INTEGER) IS NULL OR s.year = ?) AND (CAST(? AS TEXT) IS NULL OR "
           "c.municipality = ?) ORDER BY c.id",
           {year_value, year_value, opt(municipality), opt(municipality)})) {
    result.push_back({r.i64(0), r.str(1), r.str(2), r.str(3), opt_str(r, 4), opt_str(r, 5),
                      opt_str(r, 6), r.str(7), r.str(8), r.str(9)});
  }
  return result;
}

}  // namespace tavla::host::storage
