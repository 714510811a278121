// The SQL connection the repositories speak through: one interface, two
// drivers (SQLite, PostgreSQL). The repositories write their SQL once, with
// `?` parameters, in the dialect both understand (upserts with ON CONFLICT,
// RETURNING), so their logic cannot differ between the two.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

namespace tavla::host::storage {

// NULL, an integer or text. Text is UTF-8 (PostgreSQL text cannot hold NUL).
using Value = std::variant<std::monostate, std::int64_t, std::string>;

class Row {
 public:
  explicit Row(std::vector<Value> values) : values_(std::move(values)) {}
  [[nodiscard]] bool is_null(std::size_t i) const;
  [[nodiscard]] std::int64_t i64(std::size_t i) const;  // NULL is 0
  [[nodiscard]] std::string str(std::size_t i) const;   // NULL is ""
  [[nodiscard]] std::size_t size() const { return values_.size(); }

 private:
  std::vector<Value> values_;
};

class DatabaseError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

enum class Dialect { sqlite, postgresql };

class Database {
 public:
  Database() = default;
  virtual ~Database() = default;
  // A connection is an identity (a handle, a transaction): never copied or moved.
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;
  Database(Database&&) = delete;
  Database& operator=(Database&&) = delete;
  [[nodiscard]] virtual Dialect dialect() const = 0;
  // One statement with `?` parameters; returns its rows (RETURNING included).
  virtual std::vector<Row> query(std::string_view sql, const std::vector<Value>& params = {}) = 0;
  // Several statements without parameters (migrations).
  virtual void script(std::string_view sql) = 0;
  // A write transaction. SQLite: BEGIN IMMEDIATE; PostgreSQL: a transaction
  // that first takes the store's advisory lock, so two host instances never
  // interleave their read-modify-write of the aggregates.
  virtual void begin() = 0;
  virtual void commit() = 0;
  virtual void rollback() = 0;
};

// "sqlite:PATH" or "postgresql://…": opens the database (a missing SQLite
// file is created). Throws DatabaseError saying what failed.
[[nodiscard]] std::unique_ptr<Database> open_database(const std::string& url);

// An open write transaction, the one every repository's writer takes: a
// write outside a transaction does not compile. Only in_transaction makes
// one; it commits at the end of the body and rolls back if the body throws.
class Transaction {
 public:
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  Transaction(Transaction&&) = delete;
  Transaction& operator=(Transaction&&) = delete;
  ~Transaction() = default;

  // One statement inside the transaction (Database::query).
  std::vector<Row> query(std::string_view sql, const std::vector<Value>& params = {}) {
    return db_.query(sql, params);
  }
  [[nodiscard]] Database& db() const { return db_; }

 private:
  explicit Transaction(Database& db) : db_(db) {}
  template <class Body>
  friend auto in_transaction(Database& db, Body&& body);

  Database& db_;
};

// Runs `body(Transaction&)` in a write transaction, committing at the end and
// rolling back if it throws. Returns what `body` returns.
template <class Body>
auto in_transaction(Database& db, Body&& body) {
  using Result = std::invoke_result_t<Body&, Transaction&>;
  db.begin();
  Transaction tx(db);
  if constexpr (std::is_void_v<Result>) {
    try {
      body(tx);
    } catch (...) {
      db.rollback();
      throw;
    }
    db.commit();
  } else {
    std::optional<Result> result;
    try {
      result.emplace(body(tx));
    } catch (...) {
      db.rollback();
      throw;
    }
    db.commit();
    return std::move(*result);
  }
}

}  // namespace tavla::host::storage
