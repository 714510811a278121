#include "tavla/host/storage/backup.hpp"

#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <memory>
#include <random>
#include <thread>

namespace tavla::host::storage {
namespace {

struct CloseSqlite {
  void operator()(sqlite3* db) const { sqlite3_close(db); }
};
using Connection = std::unique_ptr<sqlite3, CloseSqlite>;

Connection open(const std::filesystem::path& file, int flags, const std::string& what) {
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(file.c_str(), &raw, flags, nullptr);
  Connection db(raw);
  if (rc != SQLITE_OK) {
    throw BackupError("cannot open " + what + " " + file.string() + ": " +
                      (raw != nullptr ? sqlite3_errmsg(raw) : "out of memory"));
  }
  sqlite3_busy_timeout(db.get(), 30'000);
  sqlite3_extended_result_codes(db.get(), 1);
  return db;
}

// The first column of the first row of `sql` as text ("" if no row).
std::string scalar(sqlite3* db, const char* sql) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) != SQLITE_OK) {
    throw BackupError(std::string("'") + sql + "' failed: " + sqlite3_errmsg(db));
  }
  std::string value;
  const int rc = sqlite3_step(stmt);
  if (rc == SQLITE_ROW) {
    // SQLite's text is unsigned char.
    const auto* text = reinterpret_cast<const char*>(  // NOLINT(*-reinterpret-cast)
        sqlite3_column_text(stmt, 0));
    value = text != nullptr ? text : "";
  }
  sqlite3_finalize(stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
    throw BackupError(std::string("'") + sql + "' failed: " + sqlite3_errmsg(db));
  }
  return value;
}

// Copies all pages in one step: one read transaction, hence one consistent
// state. (Stepping a few pages at a time would restart the copy after every
// commit of the writer and might never finish while serve is busy.)
void copy_pages(sqlite3* source, sqlite3* copy) {
  sqlite3_backup* backup = sqlite3_backup_init(copy, "main", source, "main");
  if (backup == nullptr) {
    throw BackupError(std::string("cannot start the backup: ") + sqlite3_errmsg(copy));
  }
  int rc = SQLITE_OK;
  // BUSY/LOCKED only while another connection holds an exclusive lock (a
  // checkpoint truncating the WAL, a migration): wait a little and retry.
  for (int attempt = 0; attempt < 600; ++attempt) {
    rc = sqlite3_backup_step(backup, -1);
    if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED) {
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  sqlite3_backup_finish(backup);
  if (rc != SQLITE_DONE) {
    throw BackupError(std::string("the backup failed: ") + sqlite3_errstr(rc));
  }
}

void sync_directory(const std::filesystem::path& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
}

std::filesystem::path temporary_beside(const std::filesystem::path& target) {
  std::random_device random;
  return target.parent_path() /
         ("." + target.filename().string() + ".partial-" + std::to_string(random()));
}

// Removes the temporary copy (and any journal of it) unless released.
class TemporaryCopy {
 public:
  explicit TemporaryCopy(std::filesystem::path path) : path_(std::move(path)) {}
  ~TemporaryCopy() {
    std::error_code ignored;
    for (const char* suffix : {"", "-journal", "-wal", "-shm"}) {
      std::filesystem::remove(path_.string() + suffix, ignored);
    }
  }
  TemporaryCopy(const TemporaryCopy&) = delete;
  TemporaryCopy& operator=(const TemporaryCopy&) = delete;
  TemporaryCopy(TemporaryCopy&&) = delete;
  TemporaryCopy& operator=(TemporaryCopy&&) = delete;
  [[nodiscard]] const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

}  // namespace

BackupResult backup_database(const std::string& database_url, const std::filesystem::path& target,
                             bool overwrite) {
  if (database_url.starts_with("postgresql://") || database_url.starts_with("postgres://")) {
    throw BackupError(
        "the site's database is PostgreSQL: back it up with pg_dump, e.g. "
        "pg_dump --format=custom --file=FILE DBNAME (docs/operator.md, \"Back up and restore\")");
  }
  if (!database_url.starts_with("sqlite:")) {
    throw BackupError("unknown database url '" + database_url + "'");
  }
  const std::filesystem::path source_file = database_url.substr(7);
  if (!std::filesystem::exists(source_file)) {
    throw BackupError("there is no database at " + source_file.string() +
                      " (the host creates it on first use)");
  }
  const std::filesystem::path file = std::filesystem::absolute(target);
  std::error_code ec;
  if (std::filesystem::equivalent(file, source_file, ec)) {
    throw BackupError(file.string() + " is the database itself");
  }
  if (std::filesystem::exists(file) && !overwrite) {
    throw BackupError(file.string() + " exists; choose another name or pass --force");
  }

  // No SQLITE_OPEN_CREATE: a wrong path must not become an empty database.
  const auto source = open(source_file, SQLITE_OPEN_READWRITE, "the database");
  const TemporaryCopy partial(temporary_beside(file));
  BackupResult result{file, 0, 0};
  {
    const auto copy =
        open(partial.path(), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, "the backup file");
    copy_pages(source.get(), copy.get());
    if (scalar(copy.get(), "PRAGMA journal_mode=DELETE") != "delete") {
      throw BackupError("cannot switch the copy to a rollback journal");
    }
    if (const auto check = scalar(copy.get(), "PRAGMA integrity_check"); check != "ok") {
      throw BackupError("the copy fails PRAGMA integrity_check: " + check);
    }
    const auto events = scalar(copy.get(),
                               "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND "
                               "name = 'events'") == "1"
                            ? scalar(copy.get(), "SELECT count(*) FROM events")
                            : "0";
    result.events = std::stoll(events);
  }  // closed: the copy is on disk (synchronous=FULL is SQLite's default here)

  if (overwrite) {
    std::filesystem::rename(partial.path(), file, ec);
    if (ec) {
      throw BackupError("cannot rename the copy to " + file.string() + ": " + ec.message());
    }
  } else if (::link(partial.path().c_str(), file.c_str()) != 0) {
    // link() never replaces a file that appeared meanwhile.
    throw BackupError("cannot create " + file.string() + ": " +
                      std::error_code(errno, std::generic_category()).message());
  }
  sync_directory(file.parent_path());
  result.bytes = std::filesystem::file_size(file);
  return result;
}

}  // namespace tavla::host::storage
