// The one error type of configuration loading: which file, which line, which
// key, and what is wrong, so a person can fix it without reading code.
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>

namespace tavla::host::config {

class SiteConfigError : public std::runtime_error {
 public:
  SiteConfigError(std::filesystem::path file, int line, std::string key, std::string problem);

  [[nodiscard]] const std::filesystem::path& file() const { return file_; }
  [[nodiscard]] int line() const { return line_; }  // 0 when not known
  [[nodiscard]] const std::string& key() const { return key_; }
  [[nodiscard]] const std::string& problem() const { return problem_; }

 private:
  std::filesystem::path file_;
  int line_;
  std::string key_;
  std::string problem_;
};

}  // namespace tavla::host::config
