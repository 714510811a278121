#include "sqlite_database.hpp"

#include <sqlite3.h>

namespace tavla::host::storage {

SqliteDatabase::SqliteDatabase(const std::filesystem::path& file) {
  if (sqlite3_open_v2(file.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) !=
      SQLITE_OK) {
    const std::string message = db_ != nullptr ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    db_ = nullptr;
    throw DatabaseError("cannot open SQLite database " + file.string() + ": " + message);
  }
  sqlite3_busy_timeout(db_, 30'000);
  script("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;");
}

SqliteDatabase::~SqliteDatabase() {
  for (auto& [_, stmt] : statements_) {
    sqlite3_finalize(stmt);
  }
  sqlite3_close(db_);
}

void SqliteDatabase::fail(const std::string& what) {
  throw DatabaseError(what + ": " + sqlite3_errmsg(db_));
}

sqlite3_stmt* SqliteDatabase::prepare(std::string_view sql) {
  if (auto it = statements_.find(sql); it != statements_.end()) {
    return it->second;
  }
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                         &stmt, nullptr) != SQLITE_OK) {
    fail("cannot prepare '" + std::string(sql) + "'");
  }
  statements_.emplace(std::string(sql), stmt);
  return stmt;
}

std::vector<Row> SqliteDatabase::query(std::string_view sql, const std::vector<Value>& params) {
  sqlite3_stmt* stmt = prepare(sql);
  sqlite3_reset(stmt);
  sqlite3_clear_bindings(stmt);
  for (std::size_t i = 0; i < params.size(); ++i) {
    const int index = static_cast<int>(i + 1);
    if (const auto* n = std::get_if<std::int64_t>(&params[i])) {
      sqlite3_bind_int64(stmt, index, *n);
    } else if (const auto* s = std::get_if<std::string>(&params[i])) {
      sqlite3_bind_text(stmt, index, s->data(), static_cast<int>(s->size()), SQLITE_TRANSIENT);
    } else {
      sqlite3_bind_null(stmt, index);
    }
  }
  std::vector<Row> rows;
  while (true) {
    const int rc = sqlite3_step(stmt);
    if (rc == SQLITE_DONE) {
      break;
    }
    if (rc != SQLITE_ROW) {
      const std::string message = sqlite3_errmsg(db_);
      sqlite3_reset(stmt);
      throw DatabaseError("'" + std::string(sql) + "' failed: " + message);
    }
    const int columns = sqlite3_column_count(stmt);
    std::vector<Value> values;
    values.reserve(static_cast<std::size_t>(columns));
    for (int c = 0; c < columns; ++c) {
      switch (sqlite3_column_type(stmt, c)) {
        case SQLITE_NULL:
          values.emplace_back(std::monostate{});
          break;
        case SQLITE_INTEGER:
          values.emplace_back(static_cast<std::int64_t>(sqlite3_column_int64(stmt, c)));
          break;
        default: {
          const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, c));
          values.emplace_back(
              std::string(text, static_cast<std::size_t>(sqlite3_column_bytes(stmt, c))));
        }
      }
    }
    rows.emplace_back(std::move(values));
  }
  sqlite3_reset(stmt);
  return rows;
}

void SqliteDatabase::script(std::string_view sql) {
  char* error = nullptr;
  if (sqlite3_exec(db_, std::string(sql).c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
    const std::string message = error != nullptr ? error : "unknown error";
    sqlite3_free(error);
    throw DatabaseError("SQLite script failed: " + message);
  }
}

void SqliteDatabase::begin() {
  script("BEGIN IMMEDIATE");
}
void SqliteDatabase::commit() {
  script("COMMIT");
}
void SqliteDatabase::rollback() {
  char* error = nullptr;
  sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, &error);  // may fail if no transaction is open
  sqlite3_free(error);
}

}  // namespace tavla::host::storage
