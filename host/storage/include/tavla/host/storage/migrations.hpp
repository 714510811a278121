// Versioned schema migrations. Each migration runs once, in order, inside a
// transaction, and is recorded in schema_migrations; a database that is newer
// than this program is refused rather than guessed at.
#pragma once

#include "tavla/host/storage/database.hpp"

namespace tavla::host::storage {

// The schema version this program writes.
[[nodiscard]] int latest_schema_version();
// Brings `db` up to latest_schema_version(); returns the version it found.
int migrate(Database& db);

}  // namespace tavla::host::storage
