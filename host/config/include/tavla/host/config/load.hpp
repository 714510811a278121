// Loading the site configuration from its TOML file.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "tavla/host/config/error.hpp"
#include "tavla/host/config/site.hpp"

namespace tavla::host::config {

// Reads, checks and expands the site file and the members CSVs it names
// (relative paths are relative to the TOML file). Throws SiteConfigError naming
// the file, the line and the key of the first problem.
[[nodiscard]] Site load_site(const std::filesystem::path& file);

// The same from text already in memory (`file` is only used in messages and
// to resolve relative paths).
[[nodiscard]] Site parse_site(const std::string& text, const std::filesystem::path& file);

}  // namespace tavla::host::config
