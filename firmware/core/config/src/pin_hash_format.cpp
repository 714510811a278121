#include "tavla/kiosk/pin_hash_format.hpp"

#include <algorithm>

#include "tavla/protocol/limits.hpp"

namespace tavla::kiosk {

bool is_pin_hash_format(std::string_view hash) {
  constexpr std::string_view kPrefix = "sha256:";
  if (!hash.starts_with(kPrefix)) {
    return false;
  }
  const auto rest = hash.substr(kPrefix.size());
  const auto colon = rest.find(':');
  if (colon == std::string_view::npos) {
    return false;
  }
  const auto salt = rest.substr(0, colon);
  const auto digest = rest.substr(colon + 1);
  const auto hex = [](std::string_view s) {
    return std::ranges::all_of(
        s, [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
  };
  return salt.size() >= protocol::kMinPinSaltHex && salt.size() <= protocol::kMaxPinSaltHex &&
         salt.size() % 2 == 0 && hex(salt) && digest.size() == 64 && hex(digest);
}

}  // namespace tavla::kiosk
