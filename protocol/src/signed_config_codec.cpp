// Room-config version 2's envelope: the signed bytes and their signature.
#include <nlohmann/json.hpp>

#include "json_input.hpp"
#include "tavla/protocol/base64.hpp"
#include "tavla/protocol/limits.hpp"
#include "tavla/protocol/signed_config.hpp"
#include "topic_check.hpp"

namespace tavla::protocol {

std::string encode(const SignedConfig& config) {
  using Out = nlohmann::ordered_json;
  const Out out{{"v", kSignedConfigVersion},
                {"config", config.payload},
                {"sig", to_base64(config.signature)}};
  return out.dump(-1, ' ', false, Out::error_handler_t::replace);
}

Result<SignedConfig> decode_signed_config(std::string_view message) {
  detail::Json json;
  if (auto error = detail::parse_message(message, kMaxConfigBytes, json)) {
    return *error;
  }
  std::optional<Error> error;
  detail::FieldReader reader{&json, "", &error};
  const std::uint64_t only = kSignedConfigVersion;
  reader.version_of(std::span<const std::uint64_t>(&only, 1));
  SignedConfig config;
  config.payload = reader.string("config");
  const std::string sig = reader.string("sig");
  if (error) {
    return *error;
  }
  if (config.payload.empty()) {
    return Error{ErrorCode::out_of_bounds, "config", "must not be empty"};
  }
  auto signature = from_base64(sig);
  if (!signature || signature->size() != kConfigSignatureBytes) {
    return Error{
        ErrorCode::invalid_value, "sig",
        "must be base64 of a " + std::to_string(kConfigSignatureBytes) + "-byte Ed25519 signature"};
  }
  config.signature = std::move(*signature);
  return config;
}

Result<SignedConfig> decode_signed_config(std::string_view topic, std::string_view message) {
  auto parsed = detail::check_topic(topic, Channel::config);
  if (!parsed) {
    return parsed.error();
  }
  return decode_signed_config(message);
}

}  // namespace tavla::protocol
