#include "tavla/host/secrets/secrets.hpp"

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>

#include <algorithm>
#include <charconv>

#include "key_files.hpp"
#include "tavla/protocol/ids.hpp"
#include "tavla/protocol/pin_hash.hpp"

namespace tavla::host::secrets {
namespace {

constexpr std::string_view kKeyFile = "signing-key.pem";
constexpr std::string_view kPublicKeyFile = "signing-key.pub";
constexpr std::string_view kEpochFile = "signing-epoch";
constexpr std::string_view kRestoredMarker = "restored";
constexpr std::size_t kDeviceSecretBytes = 32;

using PkeyPtr = std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>;
using BioPtr = std::unique_ptr<BIO, decltype(&BIO_free)>;

std::string bio_text(BIO* bio) {
  char* data = nullptr;
  const long size = BIO_get_mem_data(bio, &data);
  return {data, static_cast<std::size_t>(size)};
}

PkeyPtr read_private_key(const std::string& pem, const std::filesystem::path& file) {
  BioPtr bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())), &BIO_free);
  PkeyPtr key(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr), &EVP_PKEY_free);
  if (!key || EVP_PKEY_get_base_id(key.get()) != EVP_PKEY_ED25519) {
    throw SecretsError(file.string() + ": not an Ed25519 private key in PEM");
  }
  return key;
}

PkeyPtr make_key(const std::filesystem::path& dir) {
  PkeyPtr key(EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519"), &EVP_PKEY_free);
  BioPtr bio(BIO_new(BIO_s_mem()), &BIO_free);
  if (!key || !bio ||
      PEM_write_bio_PrivateKey(bio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1) {
    throw SecretsError("cannot make an Ed25519 signing key");
  }
  detail::write_private_file(dir / kKeyFile, bio_text(bio.get()));
  return key;
}

std::string public_pem(EVP_PKEY* key) {
  BioPtr bio(BIO_new(BIO_s_mem()), &BIO_free);
  if (!bio || PEM_write_bio_PUBKEY(bio.get(), key) != 1) {
    throw SecretsError("cannot write the signing key's public half");
  }
  return bio_text(bio.get());
}

std::optional<std::uint64_t> read_epoch(const std::filesystem::path& file) {
  const auto text = detail::read_file(file);
  if (!text) {
    return std::nullopt;
  }
  std::uint64_t epoch = 0;
  const char* const end = text->data() + text->find_last_not_of("\n") + 1;
  const auto [ptr, ec] = std::from_chars(text->data(), end, epoch);
  if (ec != std::errc{} || ptr != end || epoch == 0) {
    throw SecretsError(file.string() + ": not a signing epoch (a positive number)");
  }
  return epoch;
}

std::string random_bytes(std::size_t size) {
  std::string bytes(size, '\0');
  if (RAND_bytes(detail::uchars(bytes), static_cast<int>(size)) != 1) {
    throw SecretsError("no randomness from OpenSSL");
  }
  return bytes;
}

}  // namespace

struct Secrets::Key {
  PkeyPtr pkey{nullptr, &EVP_PKEY_free};
};

Secrets::Secrets(std::filesystem::path dir, std::shared_ptr<Key> key, std::uint64_t epoch)
    : dir_(std::move(dir)), key_(std::move(key)), epoch_(epoch) {}

Secrets Secrets::open(const std::filesystem::path& dir, std::int64_t now_seconds) {
  if (!std::filesystem::exists(dir / "devices")) {
    std::filesystem::create_directories(dir / "devices");
    std::filesystem::permissions(dir, std::filesystem::perms::owner_all);
  }
  auto key = std::make_shared<Key>();
  const auto pem = detail::read_file(dir / kKeyFile);
  key->pkey = pem ? read_private_key(*pem, dir / kKeyFile) : make_key(dir);
  const std::string public_key = public_pem(key->pkey.get());
  if (detail::read_file(dir / kPublicKeyFile) != public_key) {
    detail::write_public_file(dir / kPublicKeyFile, public_key);
  }
  auto epoch = read_epoch(dir / kEpochFile);
  // A new key, or a restored copy: a new epoch, later than any before it.
  const bool restored = std::filesystem::exists(dir / kRestoredMarker);
  if (!pem || !epoch || restored) {
    const auto now = static_cast<std::uint64_t>(std::max<std::int64_t>(now_seconds, 1));
    epoch = std::max(now, epoch.value_or(0) + 1);
    detail::write_private_file(dir / kEpochFile, std::to_string(*epoch) + "\n");
    std::filesystem::remove(dir / kRestoredMarker);
  }
  return {dir, std::move(key), *epoch};
}

std::string Secrets::public_key_pem() const {
  return public_pem(key_->pkey.get());
}

std::string Secrets::sign(std::string_view bytes) const {
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
  std::string signature(64, '\0');
  std::size_t size = signature.size();
  if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, nullptr, nullptr, key_->pkey.get()) != 1 ||
      EVP_DigestSign(ctx.get(), detail::uchars(signature), &size, detail::uchars(bytes),
                     bytes.size()) != 1 ||
      size != signature.size()) {
    throw SecretsError("cannot sign with the config-signing key");
  }
  return signature;
}

std::filesystem::path Secrets::device_file(std::string_view device) const {
  if (!protocol::is_valid_name(device)) {
    throw SecretsError("not a device id: '" + std::string(device) + "'");
  }
  return dir_ / "devices" / (std::string(device) + ".key");
}

std::optional<std::string> Secrets::device_secret(std::string_view device) const {
  const auto file = device_file(device);
  const auto text = detail::read_file(file);
  if (!text) {
    return std::nullopt;
  }
  auto secret = protocol::from_hex(text->substr(0, text->find_last_not_of("\n") + 1));
  if (!secret || secret->size() != kDeviceSecretBytes) {
    throw SecretsError(file.string() + ": not a device secret (64 hex digits)");
  }
  return secret;
}

std::string Secrets::ensure_device_secret(std::string_view device) {
  if (auto secret = device_secret(device)) {
    return *secret;
  }
  return rotate_device_secret(device);
}

std::string Secrets::rotate_device_secret(std::string_view device) {
  std::string secret = random_bytes(kDeviceSecretBytes);
  detail::write_private_file(device_file(device), protocol::to_hex(secret) + "\n");
  return secret;
}

void Secrets::remove_device_secret(std::string_view device) {
  std::filesystem::remove(device_file(device));
}

bool Secrets::copy_for_backup(const std::filesystem::path& dir, const std::filesystem::path& to) {
  if (std::filesystem::exists(to)) {
    throw SecretsError(to.string() + " exists; a backup does not overwrite");
  }
  if (!std::filesystem::exists(dir / kKeyFile)) {
    return false;
  }
  std::filesystem::copy(dir, to, std::filesystem::copy_options::recursive);
  detail::write_private_file(to / kRestoredMarker, "a copy from a backup: a new epoch on start\n");
  return true;
}

bool verify_signature(std::string_view public_key_pem, std::string_view bytes,
                      std::string_view signature) {
  BioPtr bio(BIO_new_mem_buf(public_key_pem.data(), static_cast<int>(public_key_pem.size())),
             &BIO_free);
  PkeyPtr key(PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, nullptr), &EVP_PKEY_free);
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
  return key && ctx && EVP_DigestVerifyInit(ctx.get(), nullptr, nullptr, nullptr, key.get()) == 1 &&
         EVP_DigestVerify(ctx.get(), detail::uchars(signature), signature.size(),
                          detail::uchars(bytes), bytes.size()) == 1;
}

}  // namespace tavla::host::secrets
