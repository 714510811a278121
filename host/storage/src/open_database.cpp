#include "postgres_database.hpp"
#include "sqlite_database.hpp"

namespace tavla::host::storage {

std::unique_ptr<Database> open_database(const std::string& url) {
  if (url.starts_with("sqlite:")) {
    return std::make_unique<SqliteDatabase>(url.substr(7));
  }
  if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
    return std::make_unique<PostgresDatabase>(url);
  }
  throw DatabaseError("unknown database url '" + url + "': use sqlite:FILE or postgresql://…");
}

}  // namespace tavla::host::storage
