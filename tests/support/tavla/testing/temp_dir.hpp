// A directory under $TMPDIR (or /tmp) removed with everything in it when the
// object goes; TAVLA_KEEP_TEST_DIRS=1 keeps it for a post-mortem.
#pragma once

#include <filesystem>
#include <string>

namespace tavla::testing {

class TempDir {
 public:
  explicit TempDir(const std::string& prefix = "tavla-test");
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  [[nodiscard]] const std::filesystem::path& path() const { return path_; }
  [[nodiscard]] std::filesystem::path operator/(const std::string& name) const {
    return path_ / name;
  }

 private:
  std::filesystem::path path_;
};

// Writes `content` to `path`, replacing it.
void write_file(const std::filesystem::path& path, const std::string& content);
[[nodiscard]] std::string read_file(const std::filesystem::path& path);

}  // namespace tavla::testing
