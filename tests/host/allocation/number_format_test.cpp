#include <gtest/gtest.h>

#include <limits>

#include "tavla/allocation/money.hpp"

namespace tavla::allocation {
namespace {

TEST(FormatNokTable, NorwegianGroupsWithSpacesAndUsesADecimalComma) {
  EXPECT_EQ(format_nok_table(146'800'000, NumberLocale::nb), "1 468 000,00");
  EXPECT_EQ(format_nok_table(146'800'000, NumberLocale::nn), "1 468 000,00");
  EXPECT_EQ(format_nok_table(96'166'750, NumberLocale::nb), "961 667,50");
  EXPECT_EQ(format_nok_table(100'000, NumberLocale::nb), "1 000,00");
  EXPECT_EQ(format_nok_table(99'999, NumberLocale::nb), "999,99");
  EXPECT_EQ(format_nok_table(7, NumberLocale::nb), "0,07");
}

TEST(FormatNokTable, EnglishGroupsWithCommasAndUsesADecimalPoint) {
  EXPECT_EQ(format_nok_table(146'800'000, NumberLocale::en), "1,468,000.00");
  EXPECT_EQ(format_nok_table(99'999, NumberLocale::en), "999.99");
}

TEST(FormatNokTable, PutsTheMinusInFrontOfTheDigits) {
  EXPECT_EQ(format_nok_table(-146'800'000, NumberLocale::nb), "-1 468 000,00");
  EXPECT_EQ(format_nok_table(-1, NumberLocale::en), "-0.01");
  EXPECT_EQ(format_nok_table(std::numeric_limits<Ore>::min(), NumberLocale::en),
            "-92,233,720,368,547,758.08");
}

TEST(FormatIntegerTable, GroupsThousands) {
  EXPECT_EQ(format_integer_table(124'832, NumberLocale::nb), "124 832");
  EXPECT_EQ(format_integer_table(124'832, NumberLocale::en), "124,832");
  EXPECT_EQ(format_integer_table(1'000, NumberLocale::nn), "1 000");
  EXPECT_EQ(format_integer_table(999, NumberLocale::nb), "999");
  EXPECT_EQ(format_integer_table(0, NumberLocale::nb), "0");
  EXPECT_EQ(format_integer_table(-1'234'567, NumberLocale::nb), "-1 234 567");
}

TEST(FormatFraction, GivesTheShareOfTheWorkedExample) {
  EXPECT_EQ(format_fraction(14'797, 124'832, 6), "0.118535");  // Nannestad, 11.85 %
  EXPECT_EQ(format_fraction(40'943, 124'832, 6), "0.327985");  // Ullensaker, 32.80 %
  EXPECT_EQ(format_fraction(2'869, 124'832, 4), "0.0230");     // Hurdal, 2.30 %
}

TEST(FormatFraction, RoundsHalfUp) {
  EXPECT_EQ(format_fraction(1, 8, 2), "0.13");  // 0.125
  EXPECT_EQ(format_fraction(1, 3, 6), "0.333333");
  EXPECT_EQ(format_fraction(2, 3, 6), "0.666667");
  EXPECT_EQ(format_fraction(1, 2, 0), "1");
  EXPECT_EQ(format_fraction(9'999'995, 10'000'000, 6), "1.000000");  // carries into the whole
}

TEST(FormatFraction, WritesWholeAndZeroFractions) {
  EXPECT_EQ(format_fraction(1, 1, 6), "1.000000");
  EXPECT_EQ(format_fraction(0, 5, 6), "0.000000");
  EXPECT_EQ(format_fraction(3, 2, 6), "1.500000");
  EXPECT_EQ(format_fraction(7, 1, 0), "7");
}

TEST(FormatFraction, NegativesRoundAwayFromZeroWithoutANegativeZero) {
  EXPECT_EQ(format_fraction(-1, 8, 2), "-0.13");
  EXPECT_EQ(format_fraction(1, -8, 2), "-0.13");
  EXPECT_EQ(format_fraction(-1, -8, 2), "0.13");
  EXPECT_EQ(format_fraction(-1, 1'000, 2), "0.00");
}

TEST(FormatFraction, StaysExactAtTheLimits) {
  constexpr auto kMax = std::numeric_limits<std::int64_t>::max();
  constexpr auto kMin = std::numeric_limits<std::int64_t>::min();
  EXPECT_EQ(format_fraction(kMax, 1, 18), "9223372036854775807.000000000000000000");
  EXPECT_EQ(format_fraction(kMin, -1, 0), "9223372036854775808");
  EXPECT_EQ(format_fraction(1, kMax, 18), "0.000000000000000000");
  EXPECT_EQ(format_fraction(kMax - 1, kMax, 18), "1.000000000000000000");
}

TEST(FormatFraction, RefusesAZeroDenominatorAndUnsupportedPrecision) {
  EXPECT_EQ(format_fraction(5, 0, 6), std::nullopt);
  EXPECT_EQ(format_fraction(1, 3, -1), std::nullopt);
  EXPECT_EQ(format_fraction(1, 3, 19), std::nullopt);
}

TEST(NumberLocale, IsSpelledAsInTheSiteConfiguration) {
  for (const NumberLocale locale : {NumberLocale::nb, NumberLocale::nn, NumberLocale::en}) {
    EXPECT_EQ(number_locale_from_string(to_string(locale)), locale);
  }
  EXPECT_EQ(number_locale_from_string("nb"), NumberLocale::nb);
  EXPECT_EQ(number_locale_from_string("NB"), std::nullopt);
  EXPECT_EQ(number_locale_from_string("se"), std::nullopt);
  EXPECT_EQ(number_locale_from_string(""), std::nullopt);
}

}  // namespace
}  // namespace tavla::allocation
