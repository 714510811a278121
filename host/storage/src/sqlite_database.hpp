// SQLite driver: WAL, synchronous=FULL (an acked event survives a power cut),
// a busy timeout for concurrent report commands, cached prepared statements.
#pragma once

#include <filesystem>
#include <map>

#include "tavla/host/storage/database.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace tavla::host::storage {

class SqliteDatabase final : public Database {
 public:
  explicit SqliteDatabase(const std::filesystem::path& file);
  ~SqliteDatabase() override;
  SqliteDatabase(const SqliteDatabase&) = delete;
  SqliteDatabase& operator=(const SqliteDatabase&) = delete;

  [[nodiscard]] Dialect dialect() const override { return Dialect::sqlite; }
  std::vector<Row> query(std::string_view sql, const std::vector<Value>& params) override;
  void script(std::string_view sql) override;
  void begin() override;
  void commit() override;
  void rollback() override;

 private:
  sqlite3_stmt* prepare(std::string_view sql);
  [[noreturn]] void fail(const std::string& what);

  sqlite3* db_ = nullptr;
  std::map<std::string, sqlite3_stmt*, std::less<>> statements_;
};

}  // namespace tavla::host::storage
