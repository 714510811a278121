#include "tavla/host/storage/rooms.hpp"

namespace tavla::host::storage {

std::int64_t RoomRepository::room_rev(Transaction& tx, const std::string& device,
                                      const std::string& digest) {
  const auto rows =
      writing(tx).query("SELECT rev, digest FROM room_revs WHERE device = ?", {device});
  if (!rows.empty() && rows[0].str(1) == digest) {
    return rows[0].i64(0);
  }
  const std::int64_t rev = rows.empty() ? 1 : rows[0].i64(0) + 1;
  writing(tx).query(
      "INSERT INTO room_revs (device, rev, digest) VALUES (?, ?, ?) ON CONFLICT (device) DO "
      "UPDATE SET rev = excluded.rev, digest = excluded.digest",
      {device, rev, digest});
  return rev;
}

}  // namespace tavla::host::storage
