#include "tavla/protocol/error.hpp"

namespace tavla::protocol {
namespace {

constexpr std::string_view kUnknownCode = "unknown_error";

}  // namespace

// A switch without a default: a code added to ErrorCode and not named here
// is a compile error (-Wswitch, warnings are errors), and all_error_codes()
// below finds every code from this function alone.
std::string_view to_string(ErrorCode code) {
  switch (code) {
    case ErrorCode::too_large:
      return "too_large";
    case ErrorCode::invalid_utf8:
      return "invalid_utf8";
    case ErrorCode::invalid_json:
      return "invalid_json";
    case ErrorCode::too_deep:
      return "too_deep";
    case ErrorCode::duplicate_key:
      return "duplicate_key";
    case ErrorCode::missing_field:
      return "missing_field";
    case ErrorCode::wrong_type:
      return "wrong_type";
    case ErrorCode::unsupported_version:
      return "unsupported_version";
    case ErrorCode::unknown_type:
      return "unknown_type";
    case ErrorCode::out_of_bounds:
      return "out_of_bounds";
    case ErrorCode::invalid_value:
      return "invalid_value";
    case ErrorCode::bad_timestamp:
      return "bad_timestamp";
    case ErrorCode::municipality_or_org:
      return "municipality_or_org";
    case ErrorCode::bad_topic:
      return "bad_topic";
    case ErrorCode::device_mismatch:
      return "device_mismatch";
  }
  return kUnknownCode;
}

std::vector<ErrorCode> all_error_codes() {
  // The enumerators are 0, 1, 2, ... (no values are given in error.hpp).
  std::vector<ErrorCode> codes;
  for (int i = 0; to_string(static_cast<ErrorCode>(i)) != kUnknownCode; ++i) {
    codes.push_back(static_cast<ErrorCode>(i));
  }
  return codes;
}

std::optional<ErrorCode> error_code_from_string(std::string_view name) {
  for (const ErrorCode code : all_error_codes()) {
    if (to_string(code) == name) {
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
