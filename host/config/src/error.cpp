#include "tavla/host/config/error.hpp"

#include <utility>

namespace tavla::host::config {
namespace {

std::string describe(const std::filesystem::path& file, int line, const std::string& key,
                     const std::string& problem) {
  std::string text = file.string();
  if (line > 0) {
    text += ":" + std::to_string(line);
  }
  text += ": ";
  if (!key.empty()) {
    text += key + ": ";
  }
  return text + problem;
}

}  // namespace

SiteConfigError::SiteConfigError(std::filesystem::path file, int line, std::string key,
                                 std::string problem)
    : std::runtime_error(describe(file, line, key, problem)),
      file_(std::move(file)),
      line_(line),
      key_(std::move(key)),
      problem_(std::move(problem)) {}

}  // namespace tavla::host::config
