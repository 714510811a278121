// Room-config version 2 on the wire: an envelope around the exact bytes the
// host signed, with the signature outside them,
//
//   {"v":2,"config":"<the signed bytes as a JSON string>","sig":"<base64>"}
//
// so a kiosk verifies the bytes as they were signed, before it parses them,
// and a kiosk that ignores a newer optional field inside still verifies
// them. The signed bytes are a room config in version 2 (encode(config, 2)):
// they name site, device, rev and the signing epoch. This library frames and
// parses; the host signs and the kiosk verifies (Ed25519).
#pragma once

#include <string>
#include <string_view>

#include "tavla/protocol/error.hpp"

namespace tavla::protocol {

struct SignedConfig {
  std::string payload;    // the exact bytes signed
  std::string signature;  // Ed25519 over payload: kConfigSignatureBytes bytes
  bool operator==(const SignedConfig&) const = default;
};

[[nodiscard]] std::string encode(const SignedConfig& config);

// The envelope only: `v` is kSignedConfigVersion (an unsigned version 1
// config fails with unsupported_version), `config` a non-empty string,
// `sig` padded base64 of kConfigSignatureBytes bytes. The payload is neither
// parsed nor trusted here: verify the signature, then decode_config it.
[[nodiscard]] Result<SignedConfig> decode_signed_config(std::string_view message);
// The same, arriving on `topic`, which must be a config topic of ours.
// (Which site and device the payload names is decode_config(topic, payload)'s
// check, after the signature.)
[[nodiscard]] Result<SignedConfig> decode_signed_config(std::string_view topic,
                                                        std::string_view message);

}  // namespace tavla::protocol
