// What every repository has: the connection it reads through, and the check
// that a writer's transaction is one on that connection.
#pragma once

#include "tavla/host/storage/database.hpp"

namespace tavla::host::storage {

class Repository {
 public:
  explicit Repository(Database& db) : db_(db) {}

 protected:
  [[nodiscard]] Database& db() const { return db_; }
  // `tx`, once it is known to be open on this repository's database: a
  // transaction of another one would commit these writes elsewhere.
  [[nodiscard]] Transaction& writing(Transaction& tx) const {
    if (&tx.db() != &db_) {
      throw DatabaseError("a write through a transaction of another database");
    }
    return tx;
  }

 private:
  Database& db_;
};

}  // namespace tavla::host::storage
