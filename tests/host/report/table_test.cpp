#include "tavla/host/report/table.hpp"

#include <gtest/gtest.h>

#include <sstream>

namespace tavla::host::report {
namespace {

Table example() {
  return {
      {"municipality", "units", "share", "amount"},
      {{std::string("Nannestad"), std::int64_t{14797}, Fraction{14797, 124832}, Money{17401000}},
       {std::string("Hurdal, \"øvre\""), std::int64_t{2869}, Fraction{2869, 124832},
        Money{146800000}}}};
}

std::string rendered(Format format, protocol::Locale locale) {
  std::ostringstream out;
  render(example(), format, locale, out);
  return out.str();
}

TEST(ReportTable, NorwegianNumbersInTables) {
  EXPECT_EQ(locale_money(146800000, protocol::Locale::nb), "1 468 000,00");
  EXPECT_EQ(locale_money(-5, protocol::Locale::nn), "-0,05");
  EXPECT_EQ(locale_integer(14797, protocol::Locale::nb), "14 797");
  EXPECT_EQ(locale_money(146800000, protocol::Locale::en), "1,468,000.00");
  EXPECT_EQ(locale_fraction({14797, 124832}, protocol::Locale::nb), "0,118535");
  const auto table = rendered(Format::table, protocol::Locale::nb);
  EXPECT_NE(table.find("Nannestad       14 797  0,118535    174 010,00"), std::string::npos)
      << table;
}

TEST(ReportTable, CsvIsRfc4180AndTheSameInEveryLocale) {
  const auto csv = rendered(Format::csv, protocol::Locale::nb);
  EXPECT_EQ(csv,
            "municipality,units,share,amount\r\n"
            "Nannestad,14797,0.118535,174010.00\r\n"
            "\"Hurdal, \"\"øvre\"\"\",2869,0.022983,1468000.00\r\n");
  EXPECT_EQ(csv, rendered(Format::csv, protocol::Locale::en));
}

TEST(ReportTable, YearsAndIdsAreNeverGrouped) {
  std::ostringstream out;
  render({{"year"}, {{Ungrouped{2026}}}}, Format::table, protocol::Locale::nb, out);
  EXPECT_EQ(out.str(), "year\n2026\n");
}

TEST(ReportTable, JsonHasNumbersAsNumbers) {
  const auto json = rendered(Format::json, protocol::Locale::nb);
  EXPECT_NE(json.find("{\"municipality\":\"Nannestad\",\"units\":14797,\"share\":0.118535,"
                      "\"amount\":174010.00}"),
            std::string::npos)
      << json;
}

TEST(ReportTable, JsonEscapesControlCharacters) {
  std::ostringstream out;
  render({{"raw"}, {{std::string("a\x01\x1f\n\"b")}}}, Format::json, protocol::Locale::nb, out);
  EXPECT_NE(out.str().find(R"("raw":"a\u0001\u001f\n\"b")"), std::string::npos) << out.str();
}

}  // namespace
}  // namespace tavla::host::report
