// Every golden vector in protocol/vectors/ is a test of its own: a valid one
// decodes, re-encodes to the same bytes and round-trips to an equal value; an
// invalid one fails with exactly its stated error code and field.
#include <gtest/gtest.h>

#include <set>
#include <variant>

#include "vector_files.hpp"

namespace tavla::protocol::testing {
namespace {

class ValidVector : public ::testing::TestWithParam<VectorFile> {};
class InvalidVector : public ::testing::TestWithParam<VectorFile> {};

TEST_P(ValidVector, DecodesAndReencodesByteForByte) {
  const auto bytes = file_bytes(GetParam().path);
  ASSERT_FALSE(bytes.empty());
  ASSERT_EQ(bytes.back(), '\n') << "a vector file ends with one newline";
  const std::string payload = bytes.substr(0, bytes.size() - 1);

  const auto decoded = decode_with(decoder_of(GetParam().name), std::nullopt, payload);
  ASSERT_FALSE(decoded.error) << decoded.error->message();
  EXPECT_EQ(*decoded.reencoded, payload);
  EXPECT_TRUE(decoded.round_trip_equal);
}

TEST_P(InvalidVector, FailsWithItsStatedError) {
  const auto invalid = read_invalid_case(GetParam().path);
  const auto decoded = decode_with(invalid.decoder, invalid.topic, invalid.payload);
  ASSERT_TRUE(decoded.error) << "decoded although invalid: " << decoded.reencoded.value_or("");
  EXPECT_EQ(to_string(decoded.error->code), to_string(invalid.code)) << decoded.error->message();
  EXPECT_EQ(decoded.error->field, invalid.field) << decoded.error->message();
  EXPECT_FALSE(decoded.error->detail.empty());
}

std::string name_of(const ::testing::TestParamInfo<VectorFile>& info) {
  return test_name(info.param.name);
}

INSTANTIATE_TEST_SUITE_P(Protocol, ValidVector, ::testing::ValuesIn(vector_files("valid")),
                         name_of);
INSTANTIATE_TEST_SUITE_P(Protocol, InvalidVector, ::testing::ValuesIn(vector_files("invalid")),
                         name_of);

TEST(Vectors, EveryEventTypeHasAValidVector) {
  std::set<std::string> types;
  for (const auto& file : vector_files("valid")) {
    if (decoder_of(file.name) == "event") {
      const auto bytes = file_bytes(file.path);
      const auto event = decode_event(bytes);
      ASSERT_TRUE(event) << file.name;
      types.insert(std::string(type_of(event.value().body)));
    }
  }
  EXPECT_EQ(types.size(), std::variant_size_v<EventBody>);
}

TEST(Vectors, EveryErrorCodeHasAnInvalidVector) {
  std::set<std::string> codes;
  for (const auto& file : vector_files("invalid")) {
    codes.insert(std::string(to_string(read_invalid_case(file.path).code)));
  }
  // The codes come from the code (all_error_codes walks to_string's
  // switch), not from a list kept here: a new code without a vector fails.
  ASSERT_FALSE(all_error_codes().empty());
  for (const auto code : all_error_codes()) {
    EXPECT_TRUE(codes.contains(std::string(to_string(code)))) << to_string(code);
  }
}

}  // namespace
}  // namespace tavla::protocol::testing
