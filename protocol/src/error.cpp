#include "tavla/protocol/error.hpp"

#include <array>
#include <utility>

namespace tavla::protocol {
namespace {

constexpr std::array<std::pair<ErrorCode, std::string_view>, 15> kNames{{
    {ErrorCode::too_large, "too_large"},
    {ErrorCode::invalid_utf8, "invalid_utf8"},
    {ErrorCode::invalid_json, "invalid_json"},
    {ErrorCode::too_deep, "too_deep"},
    {ErrorCode::duplicate_key, "duplicate_key"},
    {ErrorCode::missing_field, "missing_field"},
    {ErrorCode::wrong_type, "wrong_type"},
    {ErrorCode::unsupported_version, "unsupported_version"},
    {ErrorCode::unknown_type, "unknown_type"},
    {ErrorCode::out_of_bounds, "out_of_bounds"},
    {ErrorCode::invalid_value, "invalid_value"},
    {ErrorCode::bad_timestamp, "bad_timestamp"},
    {ErrorCode::municipality_or_org, "municipality_or_org"},
    {ErrorCode::bad_topic, "bad_topic"},
    {ErrorCode::device_mismatch, "device_mismatch"},
}};

}  // namespace

std::string_view to_string(ErrorCode code) {
  for (const auto& [known, name] : kNames) {
    if (known == code) {
      return name;
    }
  }
  return "unknown_error";
}

std::optional<ErrorCode> error_code_from_string(std::string_view name) {
  for (const auto& [code, known] : kNames) {
    if (known == name) {
      return code;
    }
  }
  return std::nullopt;
}

std::string Error::message() const {
  std::string text;
  if (!field.empty()) {
    text.append(field).append(": ");
  }
  text.append(detail).append(" [").append(to_string(code)).append("]");
  return text;
}

}  // namespace tavla::protocol
