#include "tavla/host/config/csv.hpp"

#include <gtest/gtest.h>

#include "tavla/host/config/error.hpp"

namespace tavla::host::config {
namespace {

TEST(Csv, QuotedFieldsWithCommasQuotesAndNewlines) {
  const auto rows = parse_csv("a,\"b,c\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",x,\n", "f.csv");
  ASSERT_EQ(rows.size(), 2U);
  EXPECT_EQ(rows[0].fields, (std::vector<std::string>{"a", "b,c", "say \"hi\""}));
  EXPECT_EQ(rows[1].fields, (std::vector<std::string>{"two\nlines", "x", ""}));
  EXPECT_EQ(rows[1].line, 2);
}

TEST(Csv, SkipsABomAndReportsAnUnclosedQuoteWithItsLine) {
  EXPECT_EQ(parse_csv("\xEF\xBB\xBFh\n", "f.csv")[0].fields[0], "h");
  try {
    (void)parse_csv("a\nb,\"open\n", "f.csv");
    FAIL() << "expected an error";
  } catch (const SiteConfigError& e) {
    EXPECT_EQ(e.line(), 2);
    EXPECT_NE(std::string(e.what()).find("f.csv:2"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace tavla::host::config
