#include "report_labels.hpp"

#include <array>
#include <string_view>

namespace tavla::host::app {
namespace {

struct Label {
  std::string_view id;
  std::array<std::string_view, 3> text;  // nb, nn, en
};

constexpr std::array<Label, 15> kColumns = {{
    {"municipality", {"Id", "Id", "Id"}},
    {"municipality_name", {"Kommune", "Kommune", "Municipality"}},
    {"municipality_number", {"Kommunenr.", "Kommunenr.", "Number"}},
    {"part", {"Del", "Del", "Part"}},
    {"basis", {"Nøkkel", "Nøkkel", "Key"}},
    {"units", {"Enheter", "Einingar", "Units"}},
    {"planned_units", {"Planlagt", "Planlagt", "Planned"}},
    {"share", {"Andel", "Andel", "Share"}},
    {"amount", {"Beløp", "Beløp", "Amount"}},
    {"provisional", {"A-konto", "A-konto", "Provisional"}},
    {"final", {"Endelig", "Endeleg", "Final"}},
    {"balance", {"Differanse", "Differanse", "Balance"}},
    {"adjustment_previous_year", {"Justering forrige år", "Justering førre år", "Adjustment"}},
    {"to_pay", {"Å betale", "Å betale", "To pay"}},
    {"external", {"Utenfor samarbeidet", "Utanfor samarbeidet", "Outside buyer"}},
}};

constexpr std::array<Label, 7> kKeys = {{
    {"population", {"folketall", "folketal", "population"}},
    {"enrollments", {"påmeldte fosterhjem", "påmelde fosterheimar", "enrolled foster homes"}},
    {"attendance", {"oppmøte", "oppmøte", "attendance"}},
    {"purchases", {"kjøpte timer", "kjøpte timar", "hours bought"}},
    {"equal", {"likt", "likt", "equal"}},
    {"weights", {"vekter", "vekter", "weights"}},
    {"external_rate", {"ekstern pris", "ekstern pris", "external rate"}},
}};

template <std::size_t N>
void relabel(std::string& text, const std::array<Label, N>& labels, protocol::Locale locale) {
  for (const auto& label : labels) {
    if (label.id == text) {
      text = std::string(label.text[static_cast<std::size_t>(locale)]);
      return;
    }
  }
}

}  // namespace

void label_for_people(report::Table& table, protocol::Locale locale) {
  for (std::size_t c = 0; c < table.columns.size(); ++c) {
    const bool keys = table.columns[c] == "basis";
    const bool parts = table.columns[c] == "part";
    relabel(table.columns[c], kColumns, locale);
    for (auto& row : table.rows) {
      auto* text = std::get_if<std::string>(&row[c]);
      if (text != nullptr && keys) {
        relabel(*text, kKeys, locale);
      } else if (text != nullptr && parts && *text == "external") {
        relabel(*text, kColumns, locale);
      }
    }
  }
}

}  // namespace tavla::host::app
