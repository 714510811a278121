#include "postgres_database.hpp"

namespace tavla::host::storage {
namespace {

// Any constant both instances agree on: the lock serialises the writers.
constexpr long kWriterLock = 0x7461766C61;  // "tavla"

std::string numbered_parameters(std::string_view sql) {
  std::string out;
  int n = 0;
  bool in_string = false;
  for (const char c : sql) {
    if (c == '\'') {
      in_string = !in_string;
    }
    if (c == '?' && !in_string) {
      out += "$" + std::to_string(++n);
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

PostgresDatabase::PostgresDatabase(const std::string& url) try : connection_(url) {
  connection_.set_variable("client_min_messages", "warning");
} catch (const std::exception& e) {
  throw DatabaseError("cannot connect to PostgreSQL: " + std::string(e.what()));
}

PostgresDatabase::~PostgresDatabase() {
  try {
    work_.reset();
  } catch (...) {  // NOLINT(bugprone-empty-catch): a destructor must not throw
  }
}

const std::string& PostgresDatabase::statement_name(std::string_view sql) {
  if (auto it = prepared_.find(sql); it != prepared_.end()) {
    return it->second;
  }
  const std::string name = "s" + std::to_string(prepared_.size());
  connection_.prepare(name, numbered_parameters(sql));
  return prepared_.emplace(std::string(sql), name).first->second;
}

std::vector<Row> PostgresDatabase::query(std::string_view sql, const std::vector<Value>& params) {
  std::vector<std::string> texts(params.size());
  std::vector<const char*> pointers(params.size(), nullptr);
  for (std::size_t i = 0; i < params.size(); ++i) {
    if (const auto* n = std::get_if<std::int64_t>(&params[i])) {
      texts[i] = std::to_string(*n);
      pointers[i] = texts[i].c_str();
    } else if (const auto* s = std::get_if<std::string>(&params[i])) {
      pointers[i] = s->c_str();
    }
  }
  try {
    const std::string& name = statement_name(sql);
    pqxx::result result;
    if (work_) {
      result = work_->exec_prepared(name, pqxx::prepare::make_dynamic_params(pointers));
    } else {
      pqxx::work autocommit(connection_);
      result = autocommit.exec_prepared(name, pqxx::prepare::make_dynamic_params(pointers));
      autocommit.commit();
    }
    std::vector<Row> rows;
    rows.reserve(result.size());
    for (const auto& r : result) {
      std::vector<Value> values;
      values.reserve(r.size());
      for (const auto& field : r) {
        if (field.is_null()) {
          values.emplace_back(std::monostate{});
        } else {
          values.emplace_back(std::string(field.c_str(), field.size()));
        }
      }
      rows.emplace_back(std::move(values));
    }
    return rows;
  } catch (const pqxx::failure& e) {
    throw DatabaseError("'" + std::string(sql) + "' failed: " + e.what());
  }
}

void PostgresDatabase::script(std::string_view sql) {
  try {
    if (work_) {
      work_->exec(std::string(sql));
    } else {
      pqxx::work w(connection_);
      w.exec(std::string(sql));
      w.commit();
    }
  } catch (const pqxx::failure& e) {
    throw DatabaseError(std::string("PostgreSQL script failed: ") + e.what());
  }
}

void PostgresDatabase::begin() {
  work_ = std::make_unique<pqxx::work>(connection_);
  work_->exec("SELECT pg_advisory_xact_lock(" + std::to_string(kWriterLock) + ")");
}

void PostgresDatabase::commit() {
  try {
    work_->commit();
  } catch (const pqxx::failure& e) {
    work_.reset();
    throw DatabaseError(std::string("PostgreSQL commit failed: ") + e.what());
  }
  work_.reset();
}

void PostgresDatabase::rollback() {
  if (work_) {
    work_->abort();
    work_.reset();
  }
}

}  // namespace tavla::host::storage
