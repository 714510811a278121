// Internal: the bounds checks behind validate(), recording the first failure
// with its field path.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "tavla/protocol/error.hpp"
#include "tavla/protocol/timestamp.hpp"

namespace tavla::protocol::detail {

class Checker {
 public:
  [[nodiscard]] bool failed() const { return error_.has_value(); }
  [[nodiscard]] std::optional<Error> result() const { return error_; }
  void fail(ErrorCode code, const std::string& field, std::string detail);

  void name(std::string_view value, const std::string& field);  // site, device
  void event_id(std::string_view value, const std::string& field);
  void epoch(std::string_view value, const std::string& field);
  void id(std::string_view value, const std::string& field);  // session, item, ...
  void text(std::string_view value, const std::string& field, std::size_t min_bytes = 1);
  void number(std::uint64_t value, std::uint64_t min, std::uint64_t max, const std::string& field);
  void count(std::size_t size, std::size_t max, const std::string& field);
  void timestamp(Timestamp value, const std::string& field);
  void date(Date value, const std::string& field);

 private:
  void date_in_range(Date value, const std::string& field);

  std::optional<Error> error_;
};

// "prefix.key", or "key" when prefix is empty.
std::string join(std::string_view prefix, std::string_view key);
// "prefix[index]".
std::string at(std::string_view prefix, std::size_t index);

}  // namespace tavla::protocol::detail
