// Files of secrets: written whole (temporary file, then rename) and readable
// by their owner only.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace tavla::host::secrets::detail {

void write_private_file(const std::filesystem::path& file, const std::string& bytes);
void write_public_file(const std::filesystem::path& file, const std::string& bytes);
// The file's bytes, or nullopt if it does not exist.
[[nodiscard]] std::optional<std::string> read_file(const std::filesystem::path& file);

}  // namespace tavla::host::secrets::detail
