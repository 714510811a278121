#include "tavla/protocol/national_id.hpp"

#include <gtest/gtest.h>

namespace tavla::protocol {
namespace {

// Numbers made for this test with the published algorithm (not people).
constexpr std::string_view kFodselsnummer = "01019010046";  // 1 Jan 1990
constexpr std::string_view kDNumber = "41019010110";        // day + 40
constexpr std::string_view kHNumber = "01519010077";        // month + 40
constexpr std::string_view kSynthetic = "01859010071";      // month + 80
constexpr std::string_view kLeapDay2000 = "29020050088";    // 29 Feb 2000

TEST(NationalId, KnowsValidNumbersOfEveryKind) {
  EXPECT_TRUE(is_national_id(kFodselsnummer));
  EXPECT_TRUE(is_national_id(kDNumber));
  EXPECT_TRUE(is_national_id(kHNumber));
  EXPECT_TRUE(is_national_id(kSynthetic));
  EXPECT_TRUE(is_national_id(kLeapDay2000));
}

TEST(NationalId, RefusesAWrongControlDigitOrAnImpossibleDate) {
  EXPECT_FALSE(is_national_id("01019010047")) << "second control digit";
  EXPECT_FALSE(is_national_id("01019010036")) << "first control digit";
  // Both control digits right, but 29 Feb 2001 never was.
  EXPECT_FALSE(is_national_id("29020150260"));
  EXPECT_FALSE(is_national_id("0101901004")) << "ten digits";
  EXPECT_FALSE(is_national_id("0101901004a"));
}

TEST(NationalId, IsFoundInTextWrittenTogetherOrSplitAfterTheDate) {
  EXPECT_EQ(find_national_id("Kari, 01019010046, Nes"), 6U);
  EXPECT_EQ(find_national_id("fnr 010190 10046"), 4U);
  EXPECT_EQ(find_national_id("fnr 010190-10046."), 4U);
  EXPECT_EQ(find_national_id(kDNumber), 0U);
}

TEST(NationalId, LetsAccountPhoneAndOrderNumbersThrough) {
  EXPECT_FALSE(find_national_id("konto 1234.56.78903"));
  EXPECT_FALSE(find_national_id("konto 12345678903")) << "an account number is not a date";
  EXPECT_FALSE(find_national_id("tlf +47 912 34 567"));
  EXPECT_FALSE(find_national_id("ordre 2026-000123"));
  EXPECT_FALSE(find_national_id("org.nr. 974 760 673"));
  // Eleven digits inside a longer run are part of something else.
  EXPECT_FALSE(find_national_id("9010190100469"));
  EXPECT_FALSE(find_national_id(""));
}

}  // namespace
}  // namespace tavla::protocol
