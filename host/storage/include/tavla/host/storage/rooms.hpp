// Room-config revisions: per device, the rev of the config last published
// and the digest of its content, so a rev grows only when the content does
// and survives restarts. And the PIN verifiers those configs carry, made once.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "tavla/host/storage/repository.hpp"

namespace tavla::host::storage {

class RoomRepository : public Repository {
 public:
  using Repository::Repository;

  // The revision for `device`'s config with content `digest`: the stored one
  // if the digest is unchanged, else the next one (stored).
  std::int64_t room_rev(Transaction& tx, const std::string& device, const std::string& digest);

  // The verifier kept for `participant` on `device`, if it was made of the
  // PIN whose fingerprint is `fingerprint` (else nullopt: make a new one).
  [[nodiscard]] std::optional<std::string> pin_verifier(const std::string& device,
                                                        const std::string& participant,
                                                        const std::string& fingerprint);
  void keep_pin_verifier(Transaction& tx, const std::string& device, const std::string& participant,
                         const std::string& fingerprint, const std::string& verifier);
  // Forgets the device's verifiers (its secret was rotated or revoked).
  void forget_pin_verifiers(Transaction& tx, const std::string& device);
};

}  // namespace tavla::host::storage
