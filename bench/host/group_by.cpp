// The baseline of the national-scale benchmark: a plain SQL GROUP BY over
// the raw check-in rows of the host's SQLite database, as a fresh process.
//   participants: one row per check-in (session, participant) with its
//                 municipality column, as the store keeps them;
//   events:       the raw events themselves, municipality read from the JSON.
// Prints "municipality,checkins" lines.
//
// usage: tavla_bench_host_groupby DATABASE_FILE participants|events
#include <sqlite3.h>

#include <cstdio>
#include <string>

int main(int argc, char** argv) {
  if (argc != 3) {
    (void)std::fprintf(stderr, "usage: %s DATABASE_FILE participants|events\n", argv[0]);
    return 2;
  }
  const std::string which = argv[2];
  const char* sql =
      which == "participants"
          ? "SELECT municipality, COUNT(*) FROM participants WHERE checked_in = 1 "
            "GROUP BY municipality ORDER BY municipality"
          : "SELECT json_extract(payload, '$.body.municipality') AS m, COUNT(*) FROM events "
            "WHERE type = 'attendance.checked_in' GROUP BY m ORDER BY m";
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    (void)std::fprintf(stderr, "cannot open %s: %s\n", argv[1], sqlite3_errmsg(db));
    return 1;
  }
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) != SQLITE_OK) {
    (void)std::fprintf(stderr, "cannot prepare: %s\n", sqlite3_errmsg(db));
    return 1;
  }
  int rc = 0;
  while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
    // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast): SQLite's text is unsigned char
    const auto* muni = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
    (void)std::printf("%s,%lld\n", muni != nullptr ? muni : "",
                      static_cast<long long>(sqlite3_column_int64(stmt, 1)));
  }
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return rc == SQLITE_DONE ? 0 : 1;
}
