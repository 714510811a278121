#include "tavla/host/secrets/pin_verifiers.hpp"

#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>

#include "tavla/protocol/pin_hash.hpp"
#include "tavla/protocol/pin_verifier.hpp"

namespace tavla::host::secrets {
namespace {

nlohmann::json keyed_vectors() {
  std::ifstream in(std::filesystem::path(TAVLA_VECTORS_DIR) / "keyed" / "pin_verifiers.json");
  return nlohmann::json::parse(
      std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()));
}

std::string vector_secret() {
  return *protocol::from_hex(keyed_vectors().at("device_secret").get<std::string>());
}

TEST(PinVerifiers, TheHostMakesExactlyTheKeyedVectors) {
  const auto json = keyed_vectors();
  for (const auto& entry : json.at("verifiers")) {
    const std::string verifier = entry.at("verifier");
    const auto parts = protocol::parse_pin_verifier(verifier);
    ASSERT_TRUE(parts);
    EXPECT_EQ(make_pin_verifier(vector_secret(), entry.at("participant").get<std::string>(),
                                entry.at("pin").get<std::string>(), parts->salt),
              verifier);
  }
}

TEST(PinVerifiers, AVerifierChecksItsPinOnlyForItsMemberUnderItsSecret) {
  const std::string secret = vector_secret();
  const std::string verifier = make_pin_verifier(secret, "p-0043", "4321", random_salt());
  EXPECT_TRUE(protocol::is_valid_pin_verifier(verifier));
  EXPECT_TRUE(check_pin(secret, "p-0043", "4321", verifier));
  EXPECT_FALSE(check_pin(secret, "p-0043", "4322", verifier));
  EXPECT_FALSE(check_pin(secret, "p-0042", "4321", verifier)) << "bound to its member";
  std::string other = secret;
  other[0] = static_cast<char>(other[0] ^ 1);
  EXPECT_FALSE(check_pin(other, "p-0043", "4321", verifier)) << "keyed by the device secret";
}

TEST(PinVerifiers, EachMemberGetsItsOwnRandomSalt) {
  const std::string secret = vector_secret();
  const auto a =
      protocol::parse_pin_verifier(make_pin_verifier(secret, "p-1", "1234", random_salt()));
  const auto b =
      protocol::parse_pin_verifier(make_pin_verifier(secret, "p-1", "1234", random_salt()));
  ASSERT_TRUE(a && b);
  EXPECT_EQ(a->salt.size(), kPinSaltBytes);
  EXPECT_NE(a->salt, b->salt);
  EXPECT_NE(a->hash, b->hash) << "the same PIN twice gives two verifiers";
}

// An attacker with the config (retained on the broker) but not the device
// secret searches every 4-digit PIN, with every key the config could
// suggest (none, zeros, the ids it names). Nothing matches; the same search
// with the device secret finds the PIN, so the search itself is sound. The
// cost is lowered for the search only (the keying, not Argon2's cost, is
// what is proven here; the cost is bench/pin_hash_cost.sh's).
TEST(PinVerifiers, TheConfigAloneDoesNotLetABruteForceSucceedWithoutTheDeviceSecret) {
  const std::string secret = vector_secret();
  const PinCost cheap{8, 1, 1};
  const std::string salt = random_salt();
  const std::string verifier = make_pin_verifier(secret, "p-0043", "0427", salt, cheap);
  const std::vector<std::string> guessed_keys{"",        std::string(32, '\0'), "p-0043",
                                              "kiosk-1", "stottepilar",         salt};
  std::vector<std::string> found_without;
  std::vector<std::string> found_with;
  for (int n = 0; n < 10000; ++n) {
    std::array<char, 5> digits{};
    std::snprintf(digits.data(), digits.size(), "%04d", n);
    const std::string pin(digits.data(), 4);
    for (const auto& key : guessed_keys) {
      if (make_pin_verifier(key, "p-0043", pin, salt, cheap) == verifier) {
        found_without.push_back(pin);
      }
    }
    if (make_pin_verifier(secret, "p-0043", pin, salt, cheap) == verifier) {
      found_with.push_back(pin);
    }
  }
  EXPECT_TRUE(found_without.empty()) << "the config alone gave away " << found_without.front();
  EXPECT_EQ(found_with, std::vector<std::string>{"0427"});
}

TEST(PinVerifiers, TheFingerprintChangesWithThePinTheMemberAndTheSecret) {
  const std::string secret = vector_secret();
  const std::string f = pin_fingerprint(secret, "p-1", "1234");
  EXPECT_EQ(pin_fingerprint(secret, "p-1", "1234"), f);
  EXPECT_NE(pin_fingerprint(secret, "p-1", "1235"), f);
  EXPECT_NE(pin_fingerprint(secret, "p-2", "1234"), f);
  EXPECT_NE(pin_fingerprint(std::string(32, 'x'), "p-1", "1234"), f);
  EXPECT_NE(protocol::from_hex(f), pin_password(secret, "p-1", "1234"))
      << "not the Argon2id password itself";
}

}  // namespace
}  // namespace tavla::host::secrets
