#include "tavla/protocol/base64.hpp"

#include <gtest/gtest.h>

namespace tavla::protocol {
namespace {

TEST(Base64, TheRfc4648TestVectors) {
  const std::pair<std::string, std::string> cases[] = {
      {"", ""},
      {"f", "Zg=="},
      {"fo", "Zm8="},
      {"foo", "Zm9v"},
      {"foob", "Zm9vYg=="},
      {"fooba", "Zm9vYmE="},
      {"foobar", "Zm9vYmFy"},
  };
  for (const auto& [bytes, text] : cases) {
    EXPECT_EQ(to_base64(bytes), text);
    EXPECT_EQ(from_base64(text), bytes) << text;
  }
  EXPECT_EQ(to_base64("fo", Padding::without), "Zm8");
  EXPECT_EQ(from_base64("Zm8", Padding::without), "fo");
}

TEST(Base64, RoundTripsEveryByteAtEveryLength) {
  std::string bytes;
  for (int b = 0; b < 256; ++b) {
    bytes += static_cast<char>(b);
    for (const auto padding : {Padding::with, Padding::without}) {
      EXPECT_EQ(from_base64(to_base64(bytes, padding), padding), bytes) << bytes.size();
    }
  }
}

TEST(Base64, EachValueHasOneSpelling) {
  EXPECT_FALSE(from_base64("Zg")) << "padding missing";
  EXPECT_FALSE(from_base64("Zg==", Padding::without)) << "padding where there is none";
  EXPECT_FALSE(from_base64("Zh==")) << "unused bits set";
  EXPECT_FALSE(from_base64("Z===")) << "a single character is no byte";
  EXPECT_FALSE(from_base64("Zm9v!A==")) << "outside the alphabet";
  EXPECT_FALSE(from_base64("Zm9-")) << "the URL-safe alphabet is not ours";
  EXPECT_FALSE(from_base64("Zm 9v"));
}

}  // namespace
}  // namespace tavla::protocol
