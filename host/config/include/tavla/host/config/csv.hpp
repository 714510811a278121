// RFC 4180 CSV reading, with the line each record starts on for errors.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace tavla::host::config {

struct CsvRow {
  int line = 0;  // 1-based line of the record's start
  std::vector<std::string> fields;
};

// Parses RFC 4180 text (CRLF or LF; quoted fields may hold commas, quotes as
// "" and newlines). A UTF-8 BOM is skipped. Throws SiteConfigError on an
// unterminated quote or text after a closing quote.
[[nodiscard]] std::vector<CsvRow> parse_csv(const std::string& text,
                                            const std::filesystem::path& file);

}  // namespace tavla::host::config
