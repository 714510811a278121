#include "tavla/kiosk/pin_checker.hpp"

#include <gtest/gtest.h>

#include "tavla/kiosk/pin.hpp"

namespace tavla::kiosk {
namespace {

// The keyed vector of protocol/vectors/keyed/pin_verifiers.json (see
// pin_test.cpp): PIN 4321 of p-0043 under the secret bytes 0..31.
std::string vector_secret() {
  std::string secret;
  for (int i = 0; i < 32; ++i) {
    secret += static_cast<char>(i);
  }
  return secret;
}
const std::string kVectorVerifier =
    "$argon2id$v=19$m=19456,t=2,p=1$dGF2bGEtdGVzdC1zYWx0MA$"
    "xiL2smkoR2KW/ZHBDgCT5uTUPWbUkNYr8kXPumF8wbw";

protocol::Member member_with_verifier() {
  protocol::Member member{"p-0043", "Ola H.", {}, {}, {}, false};
  member.pin_verifier = kVectorVerifier;
  return member;
}

TEST(PinChecker, TakesTheVerdictCheckedAheadForTheSameMemberPinAndVerifier) {
  std::string secret = vector_secret();
  PinChecker pins(secret);
  const auto member = member_with_verifier();
  pins.check_ahead(member, "4321");
  // The checker only keeps a view of the secret: spoiling it now makes any
  // fresh check fail, so a match can only be the verdict kept from ahead.
  secret[0] = 'x';
  EXPECT_TRUE(pins.matches(member, "4321"));
}

TEST(PinChecker, ChecksAgainWhenTheMembersVerifierChangedInBetween) {
  PinChecker pins("");
  protocol::Member member{"p-1", "Kari N.", {}, {}, make_pin_hash("8f14e45fceea167a", "1234"),
                          false};
  pins.check_ahead(member, "1234");
  member.pin_hash = make_pin_hash("8f14e45fceea167a", "5678");  // a new room config
  EXPECT_FALSE(pins.matches(member, "1234")) << "the old PIN's verdict must not carry over";
  EXPECT_TRUE(pins.matches(member, "5678"));
}

TEST(PinChecker, ChecksAnotherMemberOrAnotherPinOnTheSpot) {
  const std::string secret = vector_secret();
  PinChecker pins(secret);
  const auto member = member_with_verifier();
  pins.check_ahead(member, "0000");
  EXPECT_TRUE(pins.matches(member, "4321")) << "another PIN is checked, not refused by the verdict";
  auto other = member;
  other.participant = "p-0042";
  EXPECT_FALSE(pins.matches(other, "0000"));
  EXPECT_FALSE(pins.matches(other, "4321")) << "the verifier is bound to its member";
}

}  // namespace
}  // namespace tavla::kiosk
