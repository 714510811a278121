// Room-config revisions: per device, the rev of the config last published
// and the digest of its content, so a rev grows only when the content does
// and survives restarts.
#pragma once

#include <cstdint>
#include <string>

#include "tavla/host/storage/repository.hpp"

namespace tavla::host::storage {

class RoomRepository : public Repository {
 public:
  using Repository::Repository;

  // The revision for `device`'s config with content `digest`: the stored one
  // if the digest is unchanged, else the next one (stored).
  std::int64_t room_rev(Transaction& tx, const std::string& device, const std::string& digest);
};

}  // namespace tavla::host::storage
