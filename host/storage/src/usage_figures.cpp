#include "tavla/host/storage/usage_figures.hpp"

namespace tavla::host::storage {

std::vector<UsageMonth> UsageRepository::months(int year) {
  std::vector<UsageMonth> result;
  for (const auto& r :
       db().query("SELECT municipality, year, month, sessions, units, meetings FROM usage_months "
                  "WHERE year = ? ORDER BY municipality, month",
                  {std::int64_t{year}})) {
    result.push_back({r.str(0), static_cast<int>(r.i64(1)), static_cast<int>(r.i64(2)), r.i64(3),
                      r.i64(4), r.i64(5)});
  }
  return result;
}

std::vector<SessionUnits> UsageRepository::session_units(int year,
                                                         const std::string& municipality) {
  std::vector<SessionUnits> result;
  for (const auto& r : db().query(
           "SELECT s.session, s.grp, s.kind, s.opened_at, s.source, m.count FROM session_munis m "
           "JOIN sessions s ON s.session = m.session WHERE s.year = ? AND m.municipality = ? "
           "AND m.count > 0 ORDER BY s.opened_at, s.session",
           {std::int64_t{year}, municipality})) {
    result.push_back({r.str(0), r.str(1), r.str(2), r.str(3), r.str(4), r.i64(5)});
  }
  return result;
}

std::vector<GroupUnits> UsageRepository::group_units(int year) {
  std::vector<GroupUnits> result;
  for (const auto& r : db().query(
           "SELECT s.grp, m.municipality, SUM(m.count) FROM session_munis m JOIN sessions s ON "
           "s.session = m.session WHERE s.year = ? AND s.kind = 'group_guidance' "
           "GROUP BY s.grp, m.municipality ORDER BY s.grp, m.municipality",
           {std::int64_t{year}})) {
    result.push_back({r.str(0), r.str(1), r.i64(2)});
  }
  return result;
}

bool UsageRepository::is_year_closed(int year) {
  return !db().query("SELECT 1 FROM closed_years WHERE year = ?", {std::int64_t{year}}).empty();
}

void UsageRepository::close_year(Transaction& tx, int year, const std::vector<FrozenUsage>& rows,
                                 const std::string& by, const std::string& at) {
  writing(tx).query("INSERT INTO closed_years (year, closed_at, closed_by) VALUES (?, ?, ?)",
                    {std::int64_t{year}, at, by});
  for (const auto& f : rows) {
    writing(tx).query(
        "INSERT INTO frozen_usage (year, municipality, sessions, units, enrollments, meetings, "
        "purchased_hundredths) VALUES (?, ?, ?, ?, ?, ?, ?)",
        {std::int64_t{year}, f.municipality, f.sessions, f.units, f.enrollments, f.meetings,
         f.purchased_hundredths});
  }
}

std::vector<FrozenUsage> UsageRepository::frozen_usage(int year) {
  std::vector<FrozenUsage> result;
  for (const auto& r : db().query(
           "SELECT municipality, sessions, units, enrollments, meetings, purchased_hundredths "
           "FROM frozen_usage WHERE year = ? ORDER BY municipality",
           {std::int64_t{year}})) {
    result.push_back({r.str(0), r.i64(1), r.i64(2), r.i64(3), r.i64(4), r.i64(5)});
  }
  return result;
}

void UsageRepository::store_frozen_figures(Transaction& tx, int year, const std::string& figures) {
  writing(tx).query("INSERT INTO frozen_figures (year, figures) VALUES (?, ?)",
                    {std::int64_t{year}, figures});
}

std::optional<std::string> UsageRepository::frozen_figures(int year) {
  const auto rows =
      db().query("SELECT figures FROM frozen_figures WHERE year = ?", {std::int64_t{year}});
  if (rows.empty()) {
    return std::nullopt;
  }
  return rows.front().str(0);
}

void UsageRepository::reopen_year(Transaction& tx, int year, const std::string& by,
                                  const std::string& at, const std::string& reason) {
  for (const char* table : {"frozen_figures", "frozen_usage", "closed_years"}) {
    writing(tx).query(std::string("DELETE FROM ") + table + " WHERE year = ?",
                      {std::int64_t{year}});
  }
  writing(tx).query(
      "INSERT INTO year_reopenings (year, reason, reopened_by, reopened_at) VALUES (?, ?, ?, ?)",
      {std::int64_t{year}, reason, by, at});
}

}  // namespace tavla::host::storage
