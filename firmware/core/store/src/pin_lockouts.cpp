#include "pin_lockouts.hpp"

#include "sqlite_handle.hpp"

namespace tavla::kiosk::detail {

std::map<std::string, LockoutEntry> read_pin_lockouts(sqlite3* db) {
  std::map<std::string, LockoutEntry> entries;
  Statement rows(db, "SELECT key, failures, locks, locked_until_ms FROM pin_lockout");
  while (rows.step()) {
    LockoutEntry entry{static_cast<int>(rows.integer(1)), static_cast<int>(rows.integer(2)), {}};
    if (!rows.is_null(3)) {
      entry.locked_until = Timestamp{Milliseconds{rows.integer(3)}};
    }
    entries.emplace(rows.text(0), entry);
  }
  return entries;
}

void write_pin_lockout(sqlite3* db, const std::string& key, const LockoutEntry& entry) {
  Statement s(db,
              "INSERT INTO pin_lockout(key, failures, locks, locked_until_ms) VALUES(?, ?, ?, ?) "
              "ON CONFLICT(key) DO UPDATE SET failures = excluded.failures, "
              "locks = excluded.locks, locked_until_ms = excluded.locked_until_ms");
  s.bind(1, key).bind(2, std::int64_t{entry.failures}).bind(3, std::int64_t{entry.locks});
  if (entry.locked_until) {
    s.bind(4, static_cast<std::int64_t>(entry.locked_until->time_since_epoch().count()));
  } else {
    s.bind_null(4);
  }
  s.step();
}

void delete_pin_lockout(sqlite3* db, const std::string& key) {
  Statement s(db, "DELETE FROM pin_lockout WHERE key = ?");
  s.bind(1, key);
  s.step();
}

}  // namespace tavla::kiosk::detail
