// Room-config version 2's envelope: the exact bytes signed travel as a JSON
// string and come back byte for byte, whatever they contain.
#include "tavla/protocol/signed_config.hpp"

#include <gtest/gtest.h>

#include "tavla/protocol/codec.hpp"
#include "tavla/protocol/limits.hpp"
#include "vector_files.hpp"

namespace tavla::protocol {
namespace {

std::string vector_payload(const std::string& name) {
  const auto bytes = testing::file_bytes(std::filesystem::path(TAVLA_VECTORS_DIR) / "valid" / name);
  return bytes.substr(0, bytes.size() - 1);
}

TEST(SignedConfig, TheEnvelopeCarriesTheSignedBytesExactly) {
  // Bytes no canonical encoder would write: escapes, spaces, a field this
  // build does not know. A verifier needs them as they were signed.
  const std::string odd =
      "{\"v\":2, \"room\":\"M\\u00f8terom \\\"A\\\"\\n\\\\\",\"added_later\":[1,2]}";
  const SignedConfig config{odd, std::string(kConfigSignatureBytes, '\x7f')};
  const std::string message = encode(config);
  EXPECT_TRUE(message.starts_with(R"({"v":2,"config":")"));
  const auto decoded = decode_signed_config(message);
  ASSERT_TRUE(decoded) << decoded.error().message();
  EXPECT_EQ(decoded.value(), config);
}

TEST(SignedConfig, AnotherSpellingOfTheStringStillYieldsTheSameBytes) {
  const auto a = decode_signed_config(R"({"v":2,"config":"{\"room\":\"Møterom\"}","sig":")" +
                                      std::string(86, 'A') + "==\"}");
  const auto b = decode_signed_config(R"({"sig":")" + std::string(86, 'A') +
                                      R"(==","config":"{\"room\":\"M\u00f8terom\"}","v":2})");
  ASSERT_TRUE(a) << a.error().message();
  ASSERT_TRUE(b) << b.error().message();
  EXPECT_EQ(a.value(), b.value());
}

TEST(SignedConfig, TheVectorCarriesTheVersionTwoVectorAsItsSignedBytes) {
  const auto envelope = decode_signed_config(vector_payload("signed_config.json"));
  ASSERT_TRUE(envelope) << envelope.error().message();
  EXPECT_EQ(envelope.value().payload, vector_payload("config.v2.json"));
  const auto config =
      decode_config("tavla/v1/stottepilar/kiosk-1/config", envelope.value().payload);
  ASSERT_TRUE(config) << config.error().message();
  EXPECT_EQ(config.value().rev, 7U);
  EXPECT_EQ(config.value().signing_epoch, 1764230400U);
  EXPECT_TRUE(config.value().groups.at(0).members.at(1).pin_verifier);
  EXPECT_FALSE(config.value().groups.at(0).members.at(1).pin_hash);
}

TEST(SignedConfig, AnUnsignedConfigIsNotAnEnvelope) {
  const auto v1 = decode_signed_config(vector_payload("config.json"));
  ASSERT_FALSE(v1);
  EXPECT_EQ(v1.error().code, ErrorCode::unsupported_version);
  const auto bare = decode_signed_config(vector_payload("config.v2.json"));
  ASSERT_FALSE(bare) << "the signed bytes alone are not an envelope";
  EXPECT_EQ(bare.error().code, ErrorCode::missing_field);
  EXPECT_EQ(bare.error().field, "config");
}

TEST(SignedConfig, TheEnvelopeIsBoundByTheConfigLimit) {
  const SignedConfig big{std::string(kMaxConfigBytes, 'x'), std::string(64, '\0')};
  const auto decoded = decode_signed_config(encode(big));
  ASSERT_FALSE(decoded);
  EXPECT_EQ(decoded.error().code, ErrorCode::too_large);
}

}  // namespace
}  // namespace tavla::protocol
