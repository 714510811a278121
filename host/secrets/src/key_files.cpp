#include "key_files.hpp"

#include <fstream>
#include <iterator>
#include <system_error>

#include "tavla/host/secrets/secrets.hpp"

namespace tavla::host::secrets::detail {
namespace {

void write_file(const std::filesystem::path& file, const std::string& bytes,
                std::filesystem::perms perms) {
  const auto temporary = std::filesystem::path(file).concat(".new");
  {
    // Made empty with the final permissions before the secret is written.
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!out) {
      throw SecretsError("cannot write " + temporary.string());
    }
    std::filesystem::permissions(temporary, perms);
    out << bytes;
    out.flush();
    if (!out) {
      throw SecretsError("cannot write " + temporary.string());
    }
  }
  std::error_code error;
  std::filesystem::rename(temporary, file, error);
  if (error) {
    throw SecretsError("cannot rename " + temporary.string() + ": " + error.message());
  }
}

}  // namespace

void write_private_file(const std::filesystem::path& file, const std::string& bytes) {
  write_file(file, bytes, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
}

void write_public_file(const std::filesystem::path& file, const std::string& bytes) {
  using std::filesystem::perms;
  write_file(file, bytes,
             perms::owner_read | perms::owner_write | perms::group_read | perms::others_read);
}

std::optional<std::string> read_file(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    if (!std::filesystem::exists(file)) {
      return std::nullopt;
    }
    throw SecretsError("cannot read " + file.string());
  }
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace tavla::host::secrets::detail
