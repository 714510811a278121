// Files of secrets: written whole (temporary file, then rename) and readable
// by their owner only.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace tavla::host::secrets::detail {

// Bytes as OpenSSL takes them.
[[nodiscard]] inline const unsigned char* uchars(std::string_view bytes) {
  return reinterpret_cast<const unsigned char*>(bytes.data());  // NOLINT(*-reinterpret-cast)
}
[[nodiscard]] inline unsigned char* uchars(std::string& bytes) {
  return reinterpret_cast<unsigned char*>(bytes.data());  // NOLINT(*-reinterpret-cast)
}

void write_private_file(const std::filesystem::path& file, const std::string& bytes);
void write_public_file(const std::filesystem::path& file, const std::string& bytes);
// The file's bytes, or nullopt if it does not exist.
[[nodiscard]] std::optional<std::string> read_file(const std::filesystem::path& file);

}  // namespace tavla::host::secrets::detail
