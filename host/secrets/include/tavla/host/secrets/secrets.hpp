// The host's secrets, in one directory of files only the service user reads:
//
//   signing-key.pem    the Ed25519 key that signs room configs (PKCS#8)
//   signing-key.pub    its public half, which each kiosk is provisioned with
//   signing-epoch      the signing epoch (protocol/README.md, "Signed room
//                      configuration"): a decimal number that only grows
//   devices/<id>.key   each device's secret, 32 random bytes in hex; only the
//                      host and that appliance hold it (never the broker)
//   restored           present only in a backup's copy: the first open after
//                      a restore begins a new epoch, so the kiosks take the
//                      restored host's configs although their revs went back
//
// Secrets::open makes the key and the first epoch when they are missing.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace tavla::host::secrets {

class SecretsError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class Secrets {
 public:
  // Opens `dir` (made when missing). `now_seconds` (Unix time) is where a
  // new epoch starts: at least one more than the last.
  static Secrets open(const std::filesystem::path& dir, std::int64_t now_seconds);

  [[nodiscard]] const std::filesystem::path& dir() const { return dir_; }
  [[nodiscard]] std::uint64_t signing_epoch() const { return epoch_; }
  [[nodiscard]] std::string public_key_pem() const;
  // The Ed25519 signature (64 bytes) of exactly `bytes`.
  [[nodiscard]] std::string sign(std::string_view bytes) const;

  // The device's secret (32 bytes), or nullopt if it has none yet.
  [[nodiscard]] std::optional<std::string> device_secret(std::string_view device) const;
  // The device's secret, made (and written) if it has none.
  std::string ensure_device_secret(std::string_view device);
  // A new secret for the device, replacing any it had.
  std::string rotate_device_secret(std::string_view device);
  // Forgets the device's secret (a revoked device).
  void remove_device_secret(std::string_view device);

  // A copy of the secrets directory `dir` into `to` (made; must not exist),
  // marked so that the host that opens it after a restore begins a new
  // signing epoch. Reads `dir` only (a backup may run as another user).
  // False, copying nothing, if `dir` holds no signing key yet.
  static bool copy_for_backup(const std::filesystem::path& dir, const std::filesystem::path& to);

 private:
  struct Key;
  Secrets(std::filesystem::path dir, std::shared_ptr<Key> key, std::uint64_t epoch);
  [[nodiscard]] std::filesystem::path device_file(std::string_view device) const;

  std::filesystem::path dir_;
  std::shared_ptr<Key> key_;
  std::uint64_t epoch_;
};

// The Ed25519 public key in `pem` (as in signing-key.pub) checks
// `signature` over `bytes`. For tests and tools; the kiosk has its own.
[[nodiscard]] bool verify_signature(std::string_view public_key_pem, std::string_view bytes,
                                    std::string_view signature);

}  // namespace tavla::host::secrets
