#include "tavla/kiosk/pin.hpp"

#include <gtest/gtest.h>

namespace tavla::kiosk {
namespace {

TEST(Pin, MatchesTheProtocolsHash) {
  // sha256(bytes 0x8f14e45fceea167a || "1234"), computed independently (Python hashlib).
  const std::string hash =
      "sha256:8f14e45fceea167a:c1c217550289c79d0f2ceda4de3b9c0dbaeab807d57e54cf8da4671e56bae729";
  EXPECT_TRUE(pin_matches(hash, "1234"));
  EXPECT_FALSE(pin_matches(hash, "1235"));
  EXPECT_EQ(make_pin_hash("8f14e45fceea167a", "1234"), hash);
}

TEST(Pin, MalformedHashesNeverMatch) {
  EXPECT_FALSE(pin_matches("", "1234"));
  EXPECT_FALSE(pin_matches("md5:00:00", "1234"));
  EXPECT_FALSE(pin_matches("sha256:zz:c1c2", "1234"));
  EXPECT_FALSE(pin_matches("sha256:8f14e45fceea167a:c1c2", "1234"));
}

// The keyed vectors (protocol/vectors/keyed/pin_verifiers.json), made by the
// host with a test device secret: the kiosk accepts each PIN with that
// secret only, for its member only.
const std::string kVectorSecret = [] {
  std::string secret;
  for (int i = 0; i < 32; ++i) {
    secret += static_cast<char>(i);
  }
  return secret;
}();
const std::string kVectorVerifier =
    "$argon2id$v=19$m=19456,t=2,p=1$dGF2bGEtdGVzdC1zYWx0MA$"
    "xiL2smkoR2KW/ZHBDgCT5uTUPWbUkNYr8kXPumF8wbw";

TEST(Pin, AVerifierMatchesItsPinForItsMemberUnderTheDeviceSecretOnly) {
  EXPECT_TRUE(pin_verifier_matches(kVectorSecret, "p-0043", "4321", kVectorVerifier));
  EXPECT_FALSE(pin_verifier_matches(kVectorSecret, "p-0043", "4322", kVectorVerifier));
  EXPECT_FALSE(pin_verifier_matches(kVectorSecret, "p-0042", "4321", kVectorVerifier));
  EXPECT_FALSE(pin_verifier_matches("", "p-0043", "4321", kVectorVerifier)) << "no secret";
  std::string other = kVectorSecret;
  other[31] = 'x';
  EXPECT_FALSE(pin_verifier_matches(other, "p-0043", "4321", kVectorVerifier));
  std::string cheap = kVectorVerifier;
  cheap.replace(cheap.find("m=19456"), 7, "m=1024");
  EXPECT_FALSE(pin_verifier_matches(kVectorSecret, "p-0043", "4321", cheap))
      << "a verifier below the minimum cost is not checked at all";
}

TEST(Pin, AMemberIsCheckedInTheFormatTheConfigCarries) {
  protocol::Member member{"p-0043", "Ola H.", {}, {}, {}, false};
  EXPECT_FALSE(has_pin(member));
  member.pin_verifier = kVectorVerifier;
  EXPECT_TRUE(has_pin(member));
  EXPECT_TRUE(member_pin_matches(member, "4321", kVectorSecret));
  EXPECT_FALSE(member_pin_matches(member, "4321", ""));
  protocol::Member old{"p-1", "Kari N.", {}, {}, make_pin_hash("8f14e45fceea167a", "1234"), false};
  EXPECT_TRUE(member_pin_matches(old, "1234", ""));
}

TEST(Pin, AcceptedOnlyWithAVerifierThatMatches) {
  const std::optional<std::string> hash = make_pin_hash("8f14e45fceea167a", "1234");
  EXPECT_TRUE(pin_accepted(hash, "1234"));
  EXPECT_FALSE(pin_accepted(hash, "4321"));
  EXPECT_FALSE(pin_accepted(std::nullopt, "1234"));
}

}  // namespace
}  // namespace tavla::kiosk
