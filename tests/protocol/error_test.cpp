#include "tavla/protocol/error.hpp"

#include <gtest/gtest.h>

namespace tavla::protocol {
namespace {

TEST(Error, CodeNamesRoundTrip) {
  const auto codes = all_error_codes();
  ASSERT_FALSE(codes.empty());
  for (const auto code : codes) {
    EXPECT_EQ(error_code_from_string(to_string(code)), code) << to_string(code);
  }
  EXPECT_FALSE(error_code_from_string("no_such_code"));
}

TEST(Error, AllCodesAreFoundFromTheCodeInDeclarationOrder) {
  const auto codes = all_error_codes();
  for (std::size_t i = 0; i < codes.size(); ++i) {
    EXPECT_EQ(static_cast<std::size_t>(codes[i]), i);
  }
}

TEST(Error, MessageNamesFieldReasonAndCode) {
  const Error error{ErrorCode::out_of_bounds, "body.participant", "must be 1-64 of [0-9A-Za-z_.-]"};
  EXPECT_EQ(error.message(), "body.participant: must be 1-64 of [0-9A-Za-z_.-] [out_of_bounds]");
  EXPECT_EQ((Error{ErrorCode::invalid_json, "", "message is not valid JSON"}).message(),
            "message is not valid JSON [invalid_json]");
}

TEST(Result, HoldsValueOrError) {
  const Result<int> good = 7;
  ASSERT_TRUE(good);
  EXPECT_EQ(good.value(), 7);
  const Result<int> bad = Error{ErrorCode::wrong_type, "x", "no"};
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().field, "x");
}

}  // namespace
}  // namespace tavla::protocol
