#include "tavla/host/config/members_csv.hpp"

#include <gtest/gtest.h>

#include "tavla/host/config/error.hpp"
#include "tavla/protocol/pin_hash.hpp"

namespace tavla::host::config {
namespace {

const std::string kHeader =
    "participant,display_name,municipality,org,foster_home,full_name,pin,leader\n";

SiteConfigError error_of(const std::string& text) {
  try {
    (void)parse_members_csv(text, "members.csv");
  } catch (const SiteConfigError& e) {
    return e;
  }
  ADD_FAILURE() << "expected an error for: " << text;
  return SiteConfigError("", 0, "", "");
}

TEST(MembersCsv, ReadsMembersAndHashesPins) {
  const auto members = parse_members_csv(kHeader +
                                             "p-1,Kari N.,nannestad,,fh-1,Kari Nordmann,1234,\n"
                                             "p-2,Per B.,,bufetat,,Per Berg,,true\n",
                                         "members.csv");
  ASSERT_EQ(members.size(), 2U);
  EXPECT_EQ(members[0].foster_home, "fh-1");
  EXPECT_EQ(members[0].full_name, "Kari Nordmann");
  ASSERT_TRUE(members[0].pin_hash);
  EXPECT_TRUE(members[0].pin_hash->starts_with("sha256:"));
  EXPECT_EQ(members[0].pin_hash->find("1234"), std::string::npos);
  EXPECT_EQ(members[1].affiliation.kind, protocol::Affiliation::Kind::org);
  EXPECT_TRUE(members[1].leader);
  EXPECT_FALSE(members[1].pin_hash);
}

TEST(MembersCsv, PinHashFollowsTheProtocolRecipe) {
  // sha256(salt bytes || PIN digits), computed independently with Python's hashlib.
  EXPECT_EQ(hash_pin("1234", "c4ca4238a0b92382"),
            "sha256:c4ca4238a0b92382:"
            "0d18934d895e68968f226cdec0e1e776c11357d2f1c3b734a8c98f98c0252492");
  // The format is the protocol's: its parser reads back the salt.
  const auto parts = protocol::parse_pin_hash(hash_pin("1234", "c4ca4238a0b92382"));
  ASSERT_TRUE(parts);
  EXPECT_EQ(protocol::to_hex(parts->salt), "c4ca4238a0b92382");
}

// 01019010046 is a valid fødselsnummer (1 Jan 1990), 41019010110 its D-number.
TEST(MembersCsv, RefusesNationalIdentityNumbersWithLineAndColumn) {
  const auto e = error_of(kHeader + "p-1,Kari N.,nannestad,,,Kari 01019010046,,\n");
  EXPECT_EQ(e.line(), 2);
  EXPECT_EQ(e.key(), "full_name");
  EXPECT_NE(e.problem().find("national identity number"), std::string::npos);
  EXPECT_EQ(e.problem().find("01019010046"), std::string::npos) << "never echoes the number";
  EXPECT_EQ(error_of(kHeader + "p-1,Kari 410190 10110,nannestad,,,,,\n").key(), "display_name");
}

TEST(MembersCsv, ElevenDigitsThatAreNoIdentityNumberPass) {
  // An account or order number fails the date or the mod-11 check.
  const auto members = parse_members_csv(
      kHeader + "p-1,Kari N.,nannestad,,,Kari konto 12345678901,,\n", "members.csv");
  ASSERT_EQ(members.size(), 1U);
}

TEST(MembersCsv, RefusesBadRows) {
  EXPECT_EQ(error_of(kHeader + "p-1,Kari N.,nannestad,bufetat,,,,\n").key(), "org");
  EXPECT_EQ(error_of(kHeader + "p-1,Kari N.,,,,,,\n").key(), "municipality");
  EXPECT_EQ(error_of(kHeader + "p-1,Kari N.,nannestad,,,,12,\n").key(), "pin");
  EXPECT_EQ(error_of(kHeader + "p 1,Kari N.,nannestad,,,,,\n").key(), "participant");
  EXPECT_EQ(error_of(kHeader + "p-1,K,nannestad,,,,,\np-1,K,nannestad,,,,,\n").line(), 3);
  EXPECT_EQ(error_of("participant,name\n").key(), "display_name");
  EXPECT_EQ(error_of(kHeader + "p-1,Kari N.\n").line(), 2);
}

}  // namespace
}  // namespace tavla::host::config
