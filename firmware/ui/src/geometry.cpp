#include "tavla/ui/geometry.hpp"

#include <charconv>

namespace tavla::ui {

std::optional<Size> parse_size(std::string_view text) {
  const auto x = text.find('x');
  if (x == std::string_view::npos) {
    return std::nullopt;
  }
  Size size;
  const auto parse = [](std::string_view part, int& out) {
    const auto* end = part.data() + part.size();
    const auto [ptr, ec] = std::from_chars(part.data(), end, out);
    return ec == std::errc{} && ptr == end && out > 0 && out <= 16384;
  };
  if (!parse(text.substr(0, x), size.width) || !parse(text.substr(x + 1), size.height)) {
    return std::nullopt;
  }
  return size;
}

}  // namespace tavla::ui
