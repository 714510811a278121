// PostgreSQL driver (libpqxx 6.4): `?` parameters become $1…, statements are
// prepared once per connection, and each write transaction takes a
// transaction-scoped advisory lock so that several host instances sharing
// one database apply their batches one after the other.
#pragma once

#include <map>
#include <memory>
#include <pqxx/pqxx>

#include "tavla/host/storage/database.hpp"

namespace tavla::host::storage {

class PostgresDatabase final : public Database {
 public:
  explicit PostgresDatabase(const std::string& url);
  ~PostgresDatabase() override;

  [[nodiscard]] Dialect dialect() const override { return Dialect::postgresql; }
  std::vector<Row> query(std::string_view sql, const std::vector<Value>& params) override;
  void script(std::string_view sql) override;
  void begin() override;
  void commit() override;
  void rollback() override;

 private:
  const std::string& statement_name(std::string_view sql);

  pqxx::connection connection_;
  std::unique_ptr<pqxx::work> work_;
  std::map<std::string, std::string, std::less<>> prepared_;
};

}  // namespace tavla::host::storage
