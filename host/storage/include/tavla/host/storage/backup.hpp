// An online, consistent copy of the site's SQLite database (`tavla-host
// backup`). SQLite's backup API copies every page inside one read
// transaction, so the copy is the database as of one commit even while
// `tavla-host serve` keeps writing (WAL: the writer is not blocked). A
// PostgreSQL database is backed up with pg_dump instead.
#pragma once

#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>

namespace tavla::host::storage {

class BackupError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct BackupResult {
  std::filesystem::path file;
  std::uintmax_t bytes = 0;
  std::int64_t events = 0;  // rows of the events table in the copy
};

// Copies the database of `database_url` ("sqlite:PATH") to `target`. The copy
// is written beside `target` under a temporary name, checked with
// PRAGMA integrity_check, switched to a plain rollback journal (one
// self-contained file) and only then renamed to `target`, so `target` is
// either a complete, checked copy or untouched. Refuses an existing
// `target` unless `overwrite`, a missing source database, and a PostgreSQL
// url (the message names pg_dump). Throws BackupError saying what failed.
BackupResult backup_database(const std::string& database_url, const std::filesystem::path& target,
                             bool overwrite = false);

}  // namespace tavla::host::storage
