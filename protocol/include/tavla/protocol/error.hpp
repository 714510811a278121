// The one error type of the protocol layer: what went wrong (a stable code),
// where (the field's path in the message) and why (a sentence for logs and
// the quarantine table).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace tavla::protocol {

// No enumerator is given a value: all_error_codes() relies on 0, 1, 2, ...
enum class ErrorCode {
  too_large,            // the message exceeds its size limit
  invalid_utf8,         // the bytes are not valid UTF-8
  invalid_json,         // not parseable as JSON
  too_deep,             // nested deeper than kMaxJsonDepth
  duplicate_key,        // an object names the same key twice
  missing_field,        // a required field is absent (including `v`)
  wrong_type,           // a field has the wrong JSON type
  unsupported_version,  // `v` is not kVersion
  unknown_type,         // an event `type` this version does not define
  out_of_bounds,        // an id, text, number or list outside its limits
  invalid_value,        // a value outside its enumeration or format
  bad_timestamp,        // not RFC 3339 UTC with milliseconds, or not a date
  municipality_or_org,  // a check-in or member names both or neither
  bad_topic,            // the topic is not one of ours or has the wrong channel
  device_mismatch,      // the message names another device than its topic
};

// The code's stable name, as used in golden vectors, the quarantine table and
// an ack's `rejected` list.
std::string_view to_string(ErrorCode code);
std::optional<ErrorCode> error_code_from_string(std::string_view name);
// Every code, in declaration order, found from to_string's switch.
std::vector<ErrorCode> all_error_codes();

struct Error {
  ErrorCode code{};
  std::string field;   // path in the message, e.g. "body.participant"; empty for the whole message
  std::string detail;  // why, in English, for logs

  // "<field>: <detail> [<code>]", or "<detail> [<code>]" for the whole message.
  [[nodiscard]] std::string message() const;
  bool operator==(const Error&) const = default;
};

// A value or the reason there is none. Decoding never throws past the API.
template <class T>
class Result {
 public:
  Result(T value)
      : state_(std::move(value)) {
  }  // NOLINT(google-explicit-constructor): reads like a return of T
  Result(Error error) : state_(std::move(error)) {}  // NOLINT(google-explicit-constructor)

  [[nodiscard]] bool ok() const { return std::holds_alternative<T>(state_); }
  explicit operator bool() const { return ok(); }

  [[nodiscard]] const T& value() const& { return std::get<T>(state_); }
  [[nodiscard]] T& value() & { return std::get<T>(state_); }
  [[nodiscard]] T&& value() && { return std::get<T>(std::move(state_)); }
  [[nodiscard]] const Error& error() const { return std::get<Error>(state_); }

 private:
  std::variant<T, Error> state_;
};

}  // namespace tavla::protocol
