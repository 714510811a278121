#include "checker.hpp"

#include "tavla/protocol/ids.hpp"
#include "tavla/protocol/limits.hpp"

namespace tavla::protocol::detail {
namespace {

// Years a timestamp may carry: a Raspberry Pi without network time may start
// in 1970, and its events are still worth keeping; beyond 9999 RFC 3339 ends.
constexpr int kFirstYear = 1970;
constexpr int kLastYear = 9999;

}  // namespace

std::string join(std::string_view prefix, std::string_view key) {
  if (prefix.empty()) {
    return std::string(key);
  }
  std::string path(prefix);
  path.append(".").append(key);
  return path;
}

std::string at(std::string_view prefix, std::size_t index) {
  std::string path(prefix);
  path.append("[").append(std::to_string(index)).append("]");
  return path;
}

void Checker::fail(ErrorCode code, const std::string& field, std::string detail) {
  if (!error_) {
    error_ = Error{code, field, std::move(detail)};
  }
}

void Checker::name(std::string_view value, const std::string& field) {
  if (!failed() && !is_valid_name(value)) {
    fail(ErrorCode::out_of_bounds, field, "must match [a-z0-9][a-z0-9-]{0,63}");
  }
}

void Checker::event_id(std::string_view value, const std::string& field) {
  if (!failed() && !is_valid_event_id(value)) {
    fail(ErrorCode::out_of_bounds, field, "must be 16-64 of [0-9A-Za-z_-]");
  }
}

void Checker::epoch(std::string_view value, const std::string& field) {
  if (!failed() && !is_valid_epoch(value)) {
    fail(ErrorCode::out_of_bounds, field, "must be 8-64 of [0-9A-Za-z_-]");
  }
}

void Checker::id(std::string_view value, const std::string& field) {
  if (!failed() && !is_valid_id(value)) {
    fail(ErrorCode::out_of_bounds, field, "must be 1-64 of [0-9A-Za-z_.-]");
  }
}

void Checker::text(std::string_view value, const std::string& field, std::size_t min_bytes) {
  if (failed()) {
    return;
  }
  if (!is_valid_utf8(value)) {
    fail(ErrorCode::invalid_utf8, field, "is not valid UTF-8");
    return;
  }
  if (const auto problem = text_problem(value, min_bytes)) {
    const bool length_problem = value.size() < min_bytes || value.size() > kMaxTextBytes;
    fail(length_problem ? ErrorCode::out_of_bounds : ErrorCode::invalid_value, field, *problem);
  }
}

void Checker::number(std::uint64_t value, std::uint64_t min, std::uint64_t max,
                     const std::string& field) {
  if (!failed() && (value < min || value > max)) {
    fail(ErrorCode::out_of_bounds, field,
         "must be " + std::to_string(min) + "-" + std::to_string(max) + ", is " +
             std::to_string(value));
  }
}

void Checker::count(std::size_t size, std::size_t max, const std::string& field) {
  if (!failed() && size > max) {
    fail(ErrorCode::out_of_bounds, field,
         "has " + std::to_string(size) + " entries, limit " + std::to_string(max));
  }
}

void Checker::timestamp(Timestamp value, const std::string& field) {
  if (failed()) {
    return;
  }
  const Date date{std::chrono::floor<std::chrono::days>(value)};
  date_in_range(date, field);
}

void Checker::date(Date value, const std::string& field) {
  if (failed()) {
    return;
  }
  if (!value.ok()) {
    fail(ErrorCode::bad_timestamp, field, "is not a calendar date");
    return;
  }
  date_in_range(value, field);
}

void Checker::date_in_range(Date value, const std::string& field) {
  const int year = static_cast<int>(value.year());
  if (year < kFirstYear || year > kLastYear) {
    fail(ErrorCode::bad_timestamp, field,
         "year must be " + std::to_string(kFirstYear) + "-" + std::to_string(kLastYear));
  }
}

}  // namespace tavla::protocol::detail
