#include "config_signature.hpp"

#include <openssl/evp.h>
#include <openssl/pem.h>

#include <memory>

#include "tavla/protocol/signed_config.hpp"

namespace tavla::kiosk::detail {
namespace {

const unsigned char* uchars(std::string_view bytes) {
  return reinterpret_cast<const unsigned char*>(bytes.data());  // NOLINT(*-reinterpret-cast)
}

bool ed25519_verifies(std::string_view public_key_pem, std::string_view bytes,
                      std::string_view signature) {
  std::unique_ptr<BIO, decltype(&BIO_free)> bio(
      BIO_new_mem_buf(public_key_pem.data(), static_cast<int>(public_key_pem.size())), &BIO_free);
  std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(
      bio ? PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, nullptr) : nullptr, &EVP_PKEY_free);
  if (!key || EVP_PKEY_get_base_id(key.get()) != EVP_PKEY_ED25519) {
    return false;  // a key that is not Ed25519 verifies nothing
  }
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
  return ctx && EVP_DigestVerifyInit(ctx.get(), nullptr, nullptr, nullptr, key.get()) == 1 &&
         EVP_DigestVerify(ctx.get(), uchars(signature), signature.size(), uchars(bytes),
                          bytes.size()) == 1;
}

}  // namespace

std::variant<std::string, SignatureRefusal> verified_config_bytes(std::string_view public_key_pem,
                                                                  std::string_view topic,
                                                                  std::string_view message) {
  auto envelope = protocol::decode_signed_config(topic, message);
  if (!envelope) {
    return SignatureRefusal{"unsigned", "not a signed room config: " + envelope.error().message()};
  }
  if (!ed25519_verifies(public_key_pem, envelope.value().payload, envelope.value().signature)) {
    return SignatureRefusal{"bad_signature",
                            "the room config is not signed by the host's key this kiosk has"};
  }
  return std::move(envelope.value().payload);
}

}  // namespace tavla::kiosk::detail
