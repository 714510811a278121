// PNG screenshots of rendered frames (stb_image_write from Debian's libstb).
#pragma once

#include <cstdint>
#include <filesystem>
#include <vector>

#include "tavla/ui/geometry.hpp"

namespace tavla::ui::platform {

// `rgba` holds size.height top-down rows of size.width RGBA pixels; false
// if the file could not be written.
bool write_png(const std::filesystem::path& file, Size size, const std::vector<std::uint8_t>& rgba);

}  // namespace tavla::ui::platform
