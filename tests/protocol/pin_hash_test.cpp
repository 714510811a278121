#include "tavla/protocol/pin_hash.hpp"

#include <gtest/gtest.h>

namespace tavla::protocol {
namespace {

TEST(Hex, RoundTripsEveryByte) {
  std::string bytes;
  for (int b = 0; b < 256; ++b) {
    bytes += static_cast<char>(b);
  }
  const std::string hex = to_hex(bytes);
  EXPECT_EQ(hex.size(), 512U);
  EXPECT_EQ(hex.substr(0, 6), "000102");
  EXPECT_EQ(hex.substr(506), "fdfeff");
  EXPECT_EQ(from_hex(hex), bytes);
  EXPECT_EQ(from_hex("ABcd"), std::string("\xab\xcd"));
}

TEST(Hex, RefusesAnOddLengthOrANonDigit) {
  EXPECT_FALSE(from_hex("abc"));
  EXPECT_FALSE(from_hex("zz"));
  EXPECT_EQ(from_hex(""), std::string());
}

TEST(PinHash, TheWriterAndTheParserAgree) {
  const PinHashParts parts{std::string("\x8f\x14\xe4\x5f", 4), std::string(32, '\x5e')};
  const std::string hash = format_pin_hash(parts);
  EXPECT_EQ(hash, "sha256:8f14e45f:" + to_hex(parts.digest));
  EXPECT_EQ(to_hex(parts.digest).substr(0, 4), "5e5e");
  EXPECT_TRUE(is_valid_pin_hash(hash));
  const auto parsed = parse_pin_hash(hash);
  ASSERT_TRUE(parsed);
  EXPECT_EQ(parsed->salt, parts.salt);
  EXPECT_EQ(parsed->digest, parts.digest);
}

TEST(PinHash, RefusesWhatIsNotTheFormat) {
  const std::string digest(64, 'a');
  EXPECT_TRUE(is_valid_pin_hash("sha256:0011223344556677:" + digest));
  EXPECT_FALSE(is_valid_pin_hash("sha1:0011223344556677:" + digest)) << "scheme";
  EXPECT_FALSE(is_valid_pin_hash("sha256:001122:" + digest)) << "salt under 8 hex digits";
  EXPECT_FALSE(is_valid_pin_hash("sha256:001122334455667:" + digest)) << "odd salt";
  EXPECT_FALSE(is_valid_pin_hash("sha256:0011223344556677:" + digest.substr(1))) << "63 digits";
  EXPECT_FALSE(is_valid_pin_hash("sha256:0011223344556677:" + std::string(64, 'A'))) << "uppercase";
  EXPECT_FALSE(is_valid_pin_hash("sha256:0011223344556677")) << "no digest";
  EXPECT_FALSE(parse_pin_hash("sha256:zz11223344556677:" + digest));
}

}  // namespace
}  // namespace tavla::protocol
