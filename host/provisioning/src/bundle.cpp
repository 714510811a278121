#include "tavla/host/provisioning/bundle.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace tavla::host::provisioning {
namespace {

constexpr mode_t kDirMode = 0700;
constexpr mode_t kFileMode = 0600;

std::string system_error(const std::string& what, const std::filesystem::path& path) {
  // NOLINTNEXTLINE(concurrency-mt-unsafe): glibc's strerror is thread-safe
  return "cannot " + what + " " + path.string() + ": " + std::strerror(errno);
}

// A new file (never an existing one), 0600 whatever the umask.
void write_new_file(const std::filesystem::path& path, const std::string& content) {
  // NOLINTNEXTLINE(cppcoreguidelines-pro-type-vararg): POSIX open
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, kFileMode);
  if (fd < 0) {
    throw std::runtime_error(system_error("create", path));
  }
  bool ok = ::fchmod(fd, kFileMode) == 0;
  for (std::size_t written = 0; ok && written < content.size();) {
    const auto n = ::write(fd, content.data() + written, content.size() - written);
    ok = n > 0;
    written += ok ? static_cast<std::size_t>(n) : 0;
  }
  ok = ::fsync(fd) == 0 && ok;
  if (::close(fd) != 0 || !ok) {
    throw std::runtime_error(system_error("write", path));
  }
}

}  // namespace

std::string kiosk_toml(const config::Site& site, const std::string& device, const std::string& url,
                       bool with_ca) {
  std::string text = "# The kiosk file of appliance " + device +
                     ", written by `tavla-host devices add`.\n"
                     "# Install it as /etc/tavla/kiosk.toml with the other files of this bundle\n"
                     "# beside it (docs/operator.md, \"Provision an appliance\").\n\n"
                     "[device]\n"
                     "id = \"" +
                     device +
                     "\"\n"
                     "site = \"" +
                     site.id +
                     "\"\n"
                     "data_dir = \"/var/lib/tavla-kiosk\"\n"
                     "timezone = \"Europe/Oslo\"\n\n"
                     "[broker]\n"
                     "url = \"" +
                     url +
                     "\"\n"
                     "username = \"" +
                     device +
                     "\"\n"
                     "password_file = \"" +
                     std::string(kPasswordFile) + "\"\n";
  if (with_ca) {
    text += "ca_file = \"" + std::string(kCaFile) + "\"\n";
  }
  text += "\n[ui]\nlocale = \"" + std::string(protocol::to_string(site.locale)) + "\"\n";
  return text;
}

void check_bundle_dir(const std::filesystem::path& dir, const std::vector<std::string>& names) {
  std::error_code error;
  if (std::filesystem::exists(dir, error) && !std::filesystem::is_directory(dir, error)) {
    throw std::runtime_error(dir.string() + " is not a directory");
  }
  for (const auto& name : names) {
    if (std::filesystem::exists(dir / name, error)) {
      throw std::runtime_error((dir / name).string() +
                               " exists already: move the old bundle away, or name another "
                               "directory with --output");
    }
  }
}

void write_bundle(const std::filesystem::path& dir, const std::vector<BundleFile>& files) {
  if (!std::filesystem::exists(dir)) {
    std::filesystem::create_directories(dir);
    if (::chmod(dir.c_str(), kDirMode) != 0) {
      throw std::runtime_error(system_error("restrict", dir));
    }
  }
  for (const auto& file : files) {
    write_new_file(dir / file.name, file.content);
  }
}

}  // namespace tavla::host::provisioning
