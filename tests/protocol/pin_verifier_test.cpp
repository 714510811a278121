#include "tavla/protocol/pin_verifier.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tavla/protocol/limits.hpp"
#include "vector_files.hpp"

namespace tavla::protocol {
namespace {

const std::string kVerifier =
    "$argon2id$v=19$m=19456,t=2,p=1$dGF2bGEtdGVzdC1zYWx0MA$"
    "xiL2smkoR2KW/ZHBDgCT5uTUPWbUkNYr8kXPumF8wbw";

TEST(PinVerifier, TheWriterAndTheParserAgree) {
  const auto parts = parse_pin_verifier(kVerifier);
  ASSERT_TRUE(parts);
  EXPECT_EQ(parts->memory_kib, 19456U);
  EXPECT_EQ(parts->passes, 2U);
  EXPECT_EQ(parts->lanes, 1U);
  EXPECT_EQ(parts->salt, "tavla-test-salt0");
  EXPECT_EQ(parts->hash.size(), 32U);
  EXPECT_EQ(format_pin_verifier(*parts), kVerifier);
  EXPECT_TRUE(is_valid_pin_verifier(kVerifier));
}

TEST(PinVerifier, AConfigRefusesACostBelowTheMinimumOrAboveTheMaximum) {
  auto parts = *parse_pin_verifier(kVerifier);
  parts.memory_kib = kMinPinVerifierMemoryKib - 1;
  EXPECT_TRUE(parse_pin_verifier(format_pin_verifier(parts))) << "the format parses any cost";
  EXPECT_FALSE(is_valid_pin_verifier(format_pin_verifier(parts)));
  parts.memory_kib = kMaxPinVerifierMemoryKib + 1;
  EXPECT_FALSE(is_valid_pin_verifier(format_pin_verifier(parts)));
  parts.memory_kib = kMinPinVerifierMemoryKib;
  parts.passes = kMinPinVerifierPasses - 1;
  EXPECT_FALSE(is_valid_pin_verifier(format_pin_verifier(parts)));
  parts.passes = kMaxPinVerifierPasses + 1;
  EXPECT_FALSE(is_valid_pin_verifier(format_pin_verifier(parts)));
  parts.passes = kMinPinVerifierPasses;
  parts.lanes = kMaxPinVerifierLanes + 1;
  EXPECT_FALSE(is_valid_pin_verifier(format_pin_verifier(parts)));
  parts.lanes = 1;
  parts.salt.resize(kMinPinVerifierSaltBytes - 1);
  EXPECT_FALSE(is_valid_pin_verifier(format_pin_verifier(parts)));
  parts.salt.resize(kMinPinVerifierSaltBytes);
  parts.hash.resize(kMinPinVerifierHashBytes - 1);
  EXPECT_FALSE(is_valid_pin_verifier(format_pin_verifier(parts)));
  parts.hash.resize(kMinPinVerifierHashBytes);
  EXPECT_TRUE(is_valid_pin_verifier(format_pin_verifier(parts)));
}

TEST(PinVerifier, RefusesWhatIsNotTheFormat) {
  for (const std::string& bad : {
           std::string(""),
           std::string("sha256:8f14e45fceea167a:") + std::string(64, 'a'),
           std::string("$argon2i$v=19$m=19456,t=2,p=1$dGF2bGEtdGVzdC1zYWx0MA$") + "AAAA",
           std::string("$argon2id$v=16$m=19456,t=2,p=1$dGF2bGEtdGVzdC1zYWx0MA$AAAA"),
           std::string("$argon2id$v=19$m=019456,t=2,p=1$dGF2bGEtdGVzdC1zYWx0MA$AAAA"),
           std::string("$argon2id$v=19$t=2,m=19456,p=1$dGF2bGEtdGVzdC1zYWx0MA$AAAA"),
           std::string("$argon2id$v=19$m=19456,t=2,p=1$dGF2bGEtdGVzdC1zYWx0MA=$AAAA"),
           std::string("$argon2id$v=19$m=19456,t=2,p=1$dGF2bGEtdGVzdC1zYWx0MA"),
           std::string("$argon2id$v=19$m=19456,t=2,p=1$$AAAA"),
           kVerifier + "$",
           kVerifier + " ",
       }) {
    EXPECT_FALSE(parse_pin_verifier(bad)) << bad;
  }
}

TEST(PinVerifier, TheMessageNamesTheMemberAndIsUnambiguous) {
  const std::string message = pin_verifier_message("p-0043", "4321");
  EXPECT_EQ(message, std::string("tavla-pin-v1\0p-0043\0"
                                 "4321",
                                 24));
  EXPECT_NE(pin_verifier_message("p-1", "2345"), pin_verifier_message("p-12", "345"));
}

TEST(PinVerifier, TheKeyedVectorsAreValidVerifiers) {
  const auto json = nlohmann::json::parse(testing::file_bytes(
      std::filesystem::path(TAVLA_VECTORS_DIR) / "keyed" / "pin_verifiers.json"));
  ASSERT_FALSE(json.at("verifiers").empty());
  for (const auto& entry : json.at("verifiers")) {
    EXPECT_TRUE(is_valid_pin_verifier(entry.at("verifier").get<std::string>()));
  }
}

}  // namespace
}  // namespace tavla::protocol
