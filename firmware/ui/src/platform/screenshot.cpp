#include "tavla/ui/platform/screenshot.hpp"

#include <stb_image_write.h>

namespace tavla::ui::platform {

bool write_png(const std::filesystem::path& file, Size size,
               const std::vector<std::uint8_t>& rgba) {
  const auto needed =
      static_cast<std::size_t>(size.width) * static_cast<std::size_t>(size.height) * 4;
  if (size.width <= 0 || size.height <= 0 || rgba.size() < needed) {
    return false;
  }
  if (file.has_parent_path()) {
    std::error_code ignored;
    std::filesystem::create_directories(file.parent_path(), ignored);
  }
  return stbi_write_png(file.c_str(), size.width, size.height, 4, rgba.data(), size.width * 4) != 0;
}

}  // namespace tavla::ui::platform
