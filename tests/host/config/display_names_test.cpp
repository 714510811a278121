#include "tavla/host/config/display_names.hpp"

#include <gtest/gtest.h>

namespace tavla::host::config {
namespace {

GroupMember member(const std::string& participant, const std::string& display_name) {
  GroupMember m;
  m.participant = participant;
  m.display_name = display_name;
  m.affiliation = {protocol::Affiliation::Kind::municipality, "nes"};
  return m;
}

SiteGroup group(const std::string& id, std::vector<GroupMember> members) {
  SiteGroup g;
  g.id = id;
  g.members = std::move(members);
  return g;
}

TEST(DisplayNames, SharedNamesGetANumberInListOrderOthersStayAsTheyAre) {
  const std::vector<GroupMember> members = {member("p-1", "Kari N."), member("p-2", "Ola N."),
                                            member("p-3", "Kari N."), member("p-4", "Kari H.")};
  EXPECT_EQ(screen_names(members),
            (std::vector<std::string>{"Kari N. (1)", "Ola N.", "Kari N. (2)", "Kari H."}));
}

TEST(DisplayNames, AFullNameIsMoreThanAFirstNameAndInitials) {
  EXPECT_FALSE(looks_like_full_name("Kari N."));
  EXPECT_FALSE(looks_like_full_name("Anne-Lise M. H."));
  EXPECT_FALSE(looks_like_full_name("Åse Ø"));  // one letter of two bytes
  EXPECT_FALSE(looks_like_full_name("Kari"));
  EXPECT_TRUE(looks_like_full_name("Kari Nordmann"));
  EXPECT_TRUE(looks_like_full_name("Kari M. Nordmann"));
  EXPECT_TRUE(looks_like_full_name("Øystein Ås"));
}

TEST(DisplayNames, WarningsNameTheGroupTheMembersAndWhatTheScreenShows) {
  Site site;
  site.groups.push_back(group(
      "gv-1", {member("p-1", "Kari N."), member("p-2", "Liv Hansen"), member("p-3", "Kari N.")}));
  site.groups.push_back(group("gv-2", {member("p-1", "Kari N.")}));  // no collision there
  const auto warnings = display_name_warnings(site);
  ASSERT_EQ(warnings.size(), 2U);
  EXPECT_EQ(warnings[0],
            "group gv-1: display_name 'Kari N.' is shared by p-1, p-3; the room's screen shows "
            "'Kari N. (1)', 'Kari N. (2)' (give them distinct display names to choose the names)");
  EXPECT_NE(warnings[1].find("p-2: display_name 'Liv Hansen' looks like a full name"),
            std::string::npos)
      << warnings[1];
}

}  // namespace
}  // namespace tavla::host::config
