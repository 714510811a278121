#include "tavla/host/config/csv.hpp"

#include "tavla/host/config/error.hpp"

namespace tavla::host::config {

std::vector<CsvRow> parse_csv(const std::string& text, const std::filesystem::path& file) {
  std::vector<CsvRow> rows;
  std::size_t i = text.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  int line = 1;
  while (i < text.size()) {
    CsvRow row;
    row.line = line;
    std::string field;
    bool end_of_record = false;
    while (!end_of_record) {
      if (i < text.size() && text[i] == '"') {
        const int quote_line = line;
        ++i;
        while (true) {
          if (i >= text.size()) {
            throw SiteConfigError(file, quote_line, "", "a quoted field is never closed");
          }
          if (text[i] == '"') {
            if (i + 1 < text.size() && text[i + 1] == '"') {
              field += '"';
              i += 2;
              continue;
            }
            ++i;
            break;
          }
          if (text[i] == '\n') {
            ++line;
          }
          field += text[i++];
        }
        if (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r') {
          throw SiteConfigError(file, line, "", "text after a closing quote");
        }
      } else {
        while (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r') {
          field += text[i++];
        }
      }
      row.fields.push_back(std::move(field));
      field.clear();
      if (i < text.size() && text[i] == ',') {
        ++i;
        continue;
      }
      if (i < text.size() && text[i] == '\r') {
        ++i;
      }
      if (i < text.size() && text[i] == '\n') {
        ++i;
        ++line;
      }
      end_of_record = true;
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace tavla::host::config
