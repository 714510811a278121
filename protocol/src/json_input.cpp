#include "json_input.hpp"

#include <algorithm>
#include <set>
#include <vector>

#include "tavla/protocol/ids.hpp"
#include "tavla/protocol/limits.hpp"

namespace tavla::protocol::detail {
namespace {

// Watches the parser's events for what JSON allows but a strict decoder must
// not: nesting beyond kMaxJsonDepth and an object naming a key twice (two
// parsers could read such a message differently).
struct ParseGuard {
  std::vector<std::set<std::string, std::less<>>> open_objects;
  bool too_deep = false;
  std::optional<std::string> duplicate_key;

  bool on_event(int depth, Json::parse_event_t event, const Json& parsed) {
    switch (event) {
      case Json::parse_event_t::object_start:
        open_objects.emplace_back();
        [[fallthrough]];
      case Json::parse_event_t::array_start:
        if (depth > static_cast<int>(kMaxJsonDepth)) {
          too_deep = true;
        }
        break;
      case Json::parse_event_t::object_end:
        if (!open_objects.empty()) {
          open_objects.pop_back();
        }
        break;
      case Json::parse_event_t::key:
        if (!open_objects.empty() && parsed.is_string()) {
          const auto& key = parsed.get_ref<const std::string&>();
          if (!open_objects.back().insert(key).second && !duplicate_key) {
            duplicate_key = key;
          }
        }
        break;
      default:
        break;
    }
    return true;
  }
};

const char* type_name(const Json& value) {
  return value.type_name();
}

}  // namespace

std::optional<Error> parse_message(std::string_view payload, std::size_t max_bytes, Json& out) {
  if (payload.size() > max_bytes) {
    return Error{ErrorCode::too_large, "",
                 "message is " + std::to_string(payload.size()) + " bytes, limit " +
                     std::to_string(max_bytes)};
  }
  if (!is_valid_utf8(payload)) {
    return Error{ErrorCode::invalid_utf8, "", "message is not valid UTF-8"};
  }
  ParseGuard guard;
  Json::parser_callback_t callback = [&guard](int depth, Json::parse_event_t event, Json& parsed) {
    return guard.on_event(depth, event, parsed);
  };
  out = Json::parse(payload.begin(), payload.end(), callback, /*allow_exceptions=*/false);
  if (out.is_discarded()) {
    return Error{ErrorCode::invalid_json, "", "message is not valid JSON"};
  }
  if (guard.too_deep) {
    return Error{ErrorCode::too_deep, "",
                 "message nests deeper than " + std::to_string(kMaxJsonDepth) + " levels"};
  }
  if (guard.duplicate_key) {
    return Error{ErrorCode::duplicate_key, "",
                 "an object names '" + *guard.duplicate_key + "' twice"};
  }
  if (!out.is_object()) {
    return Error{ErrorCode::wrong_type, "",
                 std::string("message must be an object, is ") + type_name(out)};
  }
  return std::nullopt;
}

FieldReader::FieldReader(const Json* object, std::string path, std::optional<Error>* error)
    : object_(object), path_(std::move(path)), error_(error) {}

bool FieldReader::has(std::string_view key) const {
  return object_ != nullptr && object_->find(key) != object_->end();
}

std::string FieldReader::path_of(std::string_view key) const {
  if (path_.empty()) {
    return std::string(key);
  }
  return path_ + "." + std::string(key);
}

void FieldReader::fail(ErrorCode code, std::string_view key, std::string detail) {
  if (!failed()) {
    *error_ = Error{code, path_of(key), std::move(detail)};
  }
}

const Json* FieldReader::field(std::string_view key, bool required) {
  if (failed() || object_ == nullptr) {
    return nullptr;
  }
  const auto it = object_->find(key);
  if (it == object_->end()) {
    if (required) {
      fail(ErrorCode::missing_field, key, "is required");
    }
    return nullptr;
  }
  return &*it;
}

void FieldReader::version() {
  const std::uint64_t only = static_cast<std::uint64_t>(kVersion);
  version_of(std::span<const std::uint64_t>(&only, 1));
}

std::uint64_t FieldReader::version_of(std::span<const std::uint64_t> accepted) {
  const Json* value = field("v", true);
  if (value == nullptr) {
    return 0;
  }
  if (!value->is_number_integer()) {
    fail(ErrorCode::wrong_type, "v", std::string("must be an integer, is ") + type_name(*value));
    return 0;
  }
  if (value->is_number_unsigned()) {
    const auto v = value->get<std::uint64_t>();
    if (std::find(accepted.begin(), accepted.end(), v) != accepted.end()) {
      return v;
    }
  }
  std::string known;
  for (const std::uint64_t v : accepted) {
    known.append(known.empty() ? "" : ", ").append(std::to_string(v));
  }
  fail(ErrorCode::unsupported_version, "v",
       "version " + value->dump() + " is not supported (this build reads " + known + ")");
  return 0;
}

std::optional<std::string> FieldReader::optional_string(std::string_view key) {
  const Json* value = field(key, false);
  if (value == nullptr) {
    return std::nullopt;
  }
  if (!value->is_string()) {
    fail(ErrorCode::wrong_type, key, std::string("must be a string, is ") + type_name(*value));
    return std::nullopt;
  }
  return value->get<std::string>();
}

std::string FieldReader::string(std::string_view key) {
  if (field(key, true) == nullptr) {
    return {};
  }
  return optional_string(key).value_or(std::string{});
}

std::optional<std::uint64_t> FieldReader::optional_unsigned_integer(std::string_view key) {
  const Json* value = field(key, false);
  if (value == nullptr) {
    return std::nullopt;
  }
  if (value->is_number_unsigned()) {
    return value->get<std::uint64_t>();
  }
  if (value->is_number_integer()) {  // negative
    fail(ErrorCode::out_of_bounds, key, "must not be negative, is " + value->dump());
    return std::nullopt;
  }
  fail(ErrorCode::wrong_type, key,
       std::string("must be an integer, is ") +
           (value->is_number_float() ? "a fraction or exponent" : type_name(*value)));
  return std::nullopt;
}

std::uint64_t FieldReader::unsigned_integer(std::string_view key) {
  if (field(key, true) == nullptr) {
    return 0;
  }
  return optional_unsigned_integer(key).value_or(0);
}

std::optional<bool> FieldReader::optional_boolean(std::string_view key) {
  const Json* value = field(key, false);
  if (value == nullptr) {
    return std::nullopt;
  }
  if (!value->is_boolean()) {
    fail(ErrorCode::wrong_type, key, std::string("must be true or false, is ") + type_name(*value));
    return std::nullopt;
  }
  return value->get<bool>();
}

bool FieldReader::boolean(std::string_view key) {
  if (field(key, true) == nullptr) {
    return false;
  }
  return optional_boolean(key).value_or(false);
}

std::optional<Timestamp> FieldReader::optional_timestamp(std::string_view key) {
  const auto text = optional_string(key);
  if (!text) {
    return std::nullopt;
  }
  const auto ts = parse_timestamp(*text);
  if (!ts) {
    fail(ErrorCode::bad_timestamp, key,
         "must be RFC 3339 UTC with milliseconds, like 2026-11-22T09:03:12.345Z");
  }
  return ts;
}

Timestamp FieldReader::timestamp(std::string_view key) {
  if (field(key, true) == nullptr) {
    return {};
  }
  return optional_timestamp(key).value_or(Timestamp{});
}

std::optional<Date> FieldReader::optional_date(std::string_view key) {
  const auto text = optional_string(key);
  if (!text) {
    return std::nullopt;
  }
  const auto date = parse_date(*text);
  if (!date) {
    fail(ErrorCode::bad_timestamp, key, "must be a date YYYY-MM-DD");
  }
  return date;
}

FieldReader FieldReader::object(std::string_view key) {
  const Json* value = field(key, true);
  if (value != nullptr && !value->is_object()) {
    fail(ErrorCode::wrong_type, key, std::string("must be an object, is ") + type_name(*value));
    value = nullptr;
  }
  return FieldReader{value, path_of(key), error_};
}

void FieldReader::object_array(std::string_view key,
                               const std::function<void(FieldReader&, std::size_t)>& each) {
  const Json* value = field(key, true);
  if (value == nullptr) {
    return;
  }
  if (!value->is_array()) {
    fail(ErrorCode::wrong_type, key, std::string("must be an array, is ") + type_name(*value));
    return;
  }
  std::size_t index = 0;
  for (const Json& element : *value) {
    const std::string element_path = path_of(key) + "[" + std::to_string(index) + "]";
    if (!element.is_object()) {
      if (!failed()) {
        *error_ = Error{ErrorCode::wrong_type, element_path,
                        std::string("must be an object, is ") + type_name(element)};
      }
      return;
    }
    FieldReader reader{&element, element_path, error_};
    each(reader, index);
    if (failed()) {
      return;
    }
    ++index;
  }
}

std::optional<std::vector<std::uint64_t>> FieldReader::optional_unsigned_array(
    std::string_view key) {
  const Json* value = field(key, false);
  if (value == nullptr) {
    return std::nullopt;
  }
  if (!value->is_array()) {
    fail(ErrorCode::wrong_type, key, std::string("must be an array, is ") + type_name(*value));
    return std::nullopt;
  }
  std::vector<std::uint64_t> numbers;
  std::size_t index = 0;
  for (const Json& element : *value) {
    if (!element.is_number_unsigned()) {
      if (!failed()) {
        *error_ = Error{ErrorCode::wrong_type, path_of(key) + "[" + std::to_string(index) + "]",
                        std::string("must be an unsigned integer, is ") + type_name(element)};
      }
      return std::nullopt;
    }
    numbers.push_back(element.get<std::uint64_t>());
    ++index;
  }
  return numbers;
}

std::vector<std::string> FieldReader::string_array(std::string_view key) {
  std::vector<std::string> strings;
  const Json* value = field(key, true);
  if (value == nullptr) {
    return strings;
  }
  if (!value->is_array()) {
    fail(ErrorCode::wrong_type, key, std::string("must be an array, is ") + type_name(*value));
    return strings;
  }
  std::size_t index = 0;
  for (const Json& element : *value) {
    if (!element.is_string()) {
      if (!failed()) {
        *error_ = Error{ErrorCode::wrong_type, path_of(key) + "[" + std::to_string(index) + "]",
                        std::string("must be a string, is ") + type_name(element)};
      }
      return {};
    }
    strings.push_back(element.get<std::string>());
    ++index;
  }
  return strings;
}

}  // namespace tavla::protocol::detail
