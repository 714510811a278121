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

TEST(Pin, AcceptedOnlyWithAVerifierThatMatches) {
  const std::optional<std::string> hash = make_pin_hash("8f14e45fceea167a", "1234");
  EXPECT_TRUE(pin_accepted(hash, "1234"));
  EXPECT_FALSE(pin_accepted(hash, "4321"));
  EXPECT_FALSE(pin_accepted(std::nullopt, "1234"));
}

}  // namespace
}  // namespace tavla::kiosk
