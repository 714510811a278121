// The store's `pin_lockout` table: each person's PIN lockout count
// (pin_lockout.hpp), so a restart does not reset it. Called by LocalStore
// under its mutex.
#pragma once

#include <sqlite3.h>

#include <map>
#include <string>

#include "tavla/kiosk/pin_lockout.hpp"

namespace tavla::kiosk::detail {

inline constexpr const char* kPinLockoutSchema = R"sql(
CREATE TABLE IF NOT EXISTS pin_lockout(
  key TEXT PRIMARY KEY,
  failures INTEGER NOT NULL,
  locks INTEGER NOT NULL,
  locked_until_ms INTEGER
) WITHOUT ROWID;
)sql";

[[nodiscard]] std::map<std::string, LockoutEntry> read_pin_lockouts(sqlite3* db);
void write_pin_lockout(sqlite3* db, const std::string& key, const LockoutEntry& entry);
void delete_pin_lockout(sqlite3* db, const std::string& key);

}  // namespace tavla::kiosk::detail
