// Internal: turning untrusted bytes into JSON, and reading typed fields out
// of it with the field's path at hand for the error. Never part of the API:
// nlohmann::json stays private to the protocol library.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <vector>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "tavla/protocol/error.hpp"
#include "tavla/protocol/timestamp.hpp"

namespace tavla::protocol::detail {

using Json = nlohmann::json;

// Size, UTF-8, JSON syntax, depth and duplicate keys, in that order; on
// success `out` holds the top-level object.
std::optional<Error> parse_message(std::string_view payload, std::size_t max_bytes, Json& out);

// Reads fields of one JSON object. The first problem is recorded in the
// shared error slot and later reads become no-ops returning defaults, so a
// decoder reads straight through and checks failed() once at the end.
class FieldReader {
 public:
  FieldReader(const Json* object, std::string path, std::optional<Error>* error);

  [[nodiscard]] bool failed() const { return error_->has_value(); }
  [[nodiscard]] bool has(std::string_view key) const;
  [[nodiscard]] std::string path_of(std::string_view key) const;
  void fail(ErrorCode code, std::string_view key, std::string detail);

  // Checks `v`: present, an integer, equal to kVersion.
  void version();
  // Checks `v` against `accepted` and returns it (0 after a failure).
  std::uint64_t version_of(std::span<const std::uint64_t> accepted);

  std::string string(std::string_view key);
  std::optional<std::string> optional_string(std::string_view key);
  std::uint64_t unsigned_integer(std::string_view key);
  std::optional<std::uint64_t> optional_unsigned_integer(std::string_view key);
  bool boolean(std::string_view key);
  std::optional<bool> optional_boolean(std::string_view key);
  Timestamp timestamp(std::string_view key);
  std::optional<Timestamp> optional_timestamp(std::string_view key);
  std::optional<Date> optional_date(std::string_view key);

  // A string that must be one of an enumeration's wire names.
  template <class Enum>
  Enum enumeration(std::string_view key, std::optional<Enum> (*from_string)(std::string_view)) {
    const std::string name = string(key);
    if (failed()) {
      return Enum{};
    }
    const auto value = from_string(name);
    if (!value) {
      fail(ErrorCode::invalid_value, key, "'" + name + "' is not a known value");
      return Enum{};
    }
    return *value;
  }

  FieldReader object(std::string_view key);
  // Calls each(element reader, index) for every element, which must be objects.
  void object_array(std::string_view key,
                    const std::function<void(FieldReader&, std::size_t)>& each);
  std::vector<std::string> string_array(std::string_view key);
  std::optional<std::vector<std::uint64_t>> optional_unsigned_array(std::string_view key);

 private:
  const Json* field(std::string_view key, bool required);

  const Json* object_;
  std::string path_;
  std::optional<Error>* error_;
};

}  // namespace tavla::protocol::detail
