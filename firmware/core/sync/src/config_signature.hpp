// Room-config version 2 as the kiosk takes it (protocol/README.md, "Signed
// room configuration"): the envelope, then the signature over the exact
// bytes with the key the kiosk was provisioned with, and only then the
// config inside.
#pragma once

#include <string>
#include <string_view>
#include <variant>

namespace tavla::kiosk::detail {

// Why a config message is refused before its content is read: "unsigned"
// (not an envelope: a version 1 config, or bytes that are no envelope) or
// "bad_signature" (not signed by the key), with a sentence for the log.
struct SignatureRefusal {
  std::string code;
  std::string reason;
};

// The signed bytes of `message` on `topic`, if signed by `public_key_pem`.
[[nodiscard]] std::variant<std::string, SignatureRefusal> verified_config_bytes(
    std::string_view public_key_pem, std::string_view topic, std::string_view message);

}  // namespace tavla::kiosk::detail
