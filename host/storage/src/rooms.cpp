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

std::optional<std::string> RoomRepository::pin_verifier(const std::string& device,
                                                        const std::string& participant,
                                                        const std::string& fingerprint) {
  const auto rows = db().query(
      "SELECT verifier FROM pin_verifiers WHERE device = ? AND participant = ? AND "
      "fingerprint = ?",
      {device, participant, fingerprint});
  if (rows.empty()) {
    return std::nullopt;
  }
  return rows[0].str(0);
}

void RoomRepository::keep_pin_verifier(Transaction& tx, const std::string& device,
                                       const std::string& participant,
                                       const std::string& fingerprint,
                                       const std::string& verifier) {
  writing(tx).query(
      "INSERT INTO pin_verifiers (device, participant, fingerprint, verifier) VALUES (?, ?, ?, ?) "
      "ON CONFLICT (device, participant) DO UPDATE SET fingerprint = excluded.fingerprint, "
      "verifier = excluded.verifier",
      {device, participant, fingerprint, verifier});
}

void RoomRepository::forget_pin_verifiers(Transaction& tx, const std::string& device) {
  writing(tx).query("DELETE FROM pin_verifiers WHERE device = ?", {device});
}

}  // namespace tavla::host::storage
