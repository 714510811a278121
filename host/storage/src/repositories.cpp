#include "tavla/host/storage/repositories.hpp"

#include "tavla/host/storage/migrations.hpp"

namespace tavla::host::storage {

Repositories::Repositories(const std::string& url) : Repositories(open_database(url)) {}

Repositories::Repositories(std::unique_ptr<Database> db) : db_(std::move(db)) {
  migrate(*db_);
}

}  // namespace tavla::host::storage
