#include "tavla/host/config/load.hpp"

#include <gtest/gtest.h>

#include "tavla/testing/temp_dir.hpp"

namespace tavla::host::config {
namespace {

using testing::TempDir;
using testing::write_file;

const std::string kMinimal = R"([site]
id = "stottepilar"
name = "Støttepilar"
[broker]
url = "tcp://127.0.0.1:1883"
[database]
url = "sqlite:host.db"
)";

SiteConfigError error_of(const std::string& text,
                         const std::filesystem::path& file = "/cfg/site.toml") {
  try {
    (void)parse_site(text, file);
  } catch (const SiteConfigError& e) {
    return e;
  }
  ADD_FAILURE() << "expected an error";
  return SiteConfigError("", 0, "", "");
}

TEST(LoadSite, MinimalFileWithEmptyLists) {
  const Site site = parse_site(kMinimal, "/cfg/site.toml");
  EXPECT_EQ(site.id, "stottepilar");
  EXPECT_EQ(site.locale, protocol::Locale::nb);
  EXPECT_FALSE(site.broker.username);
  EXPECT_EQ(site.database_url, "sqlite:/cfg/host.db");  // relative to the config file
  EXPECT_TRUE(site.municipalities.empty());
  EXPECT_TRUE(site.plans.empty());
}

TEST(LoadSite, TheBrokerSectionNamesTheCaAndTheAppliancesUrlBesideTheFile) {
  const Site site = parse_site(
      "[site]\nid = \"s\"\nname = \"S\"\n[broker]\nurl = \"tcp://127.0.0.1:1883\"\n"
      "ca_file = \"ca.crt\"\ndevice_url = \"ssl://mqtt.example.no:8883\"\n"
      "[database]\nurl = \"sqlite:host.db\"\n",
      "/cfg/site.toml");
  EXPECT_EQ(site.broker.ca_file, "/cfg/ca.crt");
  EXPECT_EQ(site.broker.device_url, "ssl://mqtt.example.no:8883");
}

TEST(LoadSite, PlainTcpToAnotherMachineIsRefused) {
  for (const char* key : {"url", "device_url"}) {
    const std::string other = std::string(key) == "url" ? "device_url" : "url";
    const auto e = error_of("[site]\nid = \"s\"\nname = \"S\"\n[broker]\n" + std::string(key) +
                            " = \"tcp://mqtt.example.no:1883\"\n" + other +
                            " = \"ssl://mqtt.example.no\"\n[database]\nurl = \"sqlite:a.db\"\n");
    EXPECT_EQ(e.key(), "broker." + std::string(key));
    EXPECT_EQ(e.line(), 5);
  }
}

TEST(LoadSite, MissingRequiredKeysAreNamed) {
  const auto e = error_of("[site]\nid = \"x\"\nname = \"X\"\n[database]\nurl = \"sqlite:a.db\"\n");
  EXPECT_EQ(e.key(), "broker");
  const auto e2 = error_of("[site]\nname = \"X\"\n");
  EXPECT_EQ(e2.key(), "site.id");
  EXPECT_EQ(e2.line(), 1);
}

TEST(LoadSite, ErrorsNameFileLineAndKey) {
  const auto e = error_of(kMinimal +
                          "[[municipality]]\nid = \"nes\"\nname = \"Nes\"\n"
                          "population = \"many\"\n");
  EXPECT_EQ(e.line(), 11);
  EXPECT_EQ(e.key(), "municipality[0].population");
  EXPECT_EQ(std::string(e.what()).rfind("/cfg/site.toml:11: municipality[0].population: ", 0), 0U)
      << e.what();
}

TEST(LoadSite, TomlSyntaxErrorsHaveTheirLine) {
  const auto e = error_of(kMinimal + "[[municipality]\n");
  EXPECT_EQ(e.line(), 8);
}

TEST(LoadSite, PlansRefuseOreUnderKroneRounding) {
  const auto e = error_of(kMinimal +
                          "[[plan]]\nyear = 2023\n[[plan.part]]\nname = \"Fast\"\n"
                          "amount = 961667.5\nkey = \"population\"\n");
  EXPECT_EQ(e.key(), "plan[0].part[0].amount");
  EXPECT_EQ(e.line(), 12);
}

TEST(LoadSite, FullExampleWithMembersScheduleAndPlan) {
  TempDir dir;
  write_file(dir / "gv.csv",
             "participant,display_name,municipality,org,foster_home,full_name,pin,leader\n"
             "p-1,Kari N.,nannestad,,fh-1,Kari Nordmann,1234,\n"
             "p-2,Åse E.,eidsvoll,,,Åse Eng,9999,true\n");
  write_file(dir / "site.toml", kMinimal + R"(
[[municipality]]
id = "nannestad"
name = "Nannestad"
number = { 2020 = "3036", 2024 = "3238" }
org_number = "974760673"
population = { "2022Q2" = 14797, "2023Q2" = 14934 }
member_from = 2020-01-01
[[municipality]]
id = "eidsvoll"
name = "Eidsvoll"
number = "3240"
population = 26451
[[municipality]]
id = "oslo"
name = "Oslo"
member = false
external_rate = 1500
[[org]]
id = "bufetat"
name = "Bufetat"
[[device]]
id = "kiosk-1"
room = "Møterom"
[[group]]
id = "gv-1"
name = "Gruppe"
kind = "group_guidance"
device = "kiosk-1"
members = "gv.csv"
[[agenda]]
id = "fast"
name = "Fast agenda"
items = [ { item = "sak-1", title = "Velkommen", minutes = 15 } ]
[[session]]
id = "nm"
group = "gv-1"
title = "Samling"
repeat = "last friday monthly"
from = 2026-01-01
until = 2026-03-31
except = [2026-02-27]
start = 09:00:00
end = "15:30"
[[plan]]
year = 2023
population = "2022Q2"
[[plan.part]]
name = "Fast"
amount = 961667
key = "population"
[[plan.part]]
name = "Individuell"
amount = 927666
key = "purchases"
rate = 1200
remainder_key = "population"
planned = { nannestad = 10.5 }
)");
  const Site site = load_site(dir / "site.toml");
  ASSERT_EQ(site.groups.size(), 1U);
  EXPECT_EQ(site.groups[0].members.size(), 2U);
  ASSERT_EQ(site.schedule.size(), 2U);
  EXPECT_EQ(site.schedule[0].session, "nm-20260130");
  EXPECT_EQ(protocol::format_timestamp(site.schedule[1].start), "2026-03-27T08:00:00.000Z");
  ASSERT_EQ(site.plans.size(), 1U);
  const auto& plan = site.plans[0];
  EXPECT_EQ(plan.plan.parts[0].amount, 96166700);
  EXPECT_EQ(plan.plan.parts[1].rate_per_hour, 120000);
  EXPECT_EQ(plan.plan.parts[1].planned.at("nannestad"), 1050);
  EXPECT_EQ(Site::population_for(*site.municipality("nannestad"), plan), 14797);
  EXPECT_EQ(Site::population_for(*site.municipality("eidsvoll"), plan), 26451);
  EXPECT_FALSE(site.municipality("oslo")->is_member_in(2023));
  EXPECT_FALSE(site.municipality("nannestad")->is_member_in(2019));
  EXPECT_TRUE(site.municipality("nannestad")->is_member_in(2020));
  EXPECT_EQ(site.municipality("nannestad")->number_in(2023), "3036");
  EXPECT_EQ(site.municipality("nannestad")->number_in(2024), "3238");
  EXPECT_EQ(site.municipality("nannestad")->number_in(2019), std::nullopt);
  EXPECT_EQ(site.municipality("eidsvoll")->number_in(1990), "3240");
  EXPECT_EQ(site.municipality("nannestad")->org_number, "974760673");
  EXPECT_TRUE(site.municipality("oslo")->numbers.empty());  // an outside buyer may have none
}

TEST(LoadSite, MembersCsvProblemsNameTheCsvFile) {
  TempDir dir;
  write_file(dir / "gv.csv",
             "participant,display_name,municipality,org,foster_home,full_name,pin,leader\n"
             "p-1,Kari N.,nannestad,,,Kari 01019010046,,\n");
  write_file(dir / "site.toml", kMinimal +
                                    "[[municipality]]\nid = \"nannestad\"\nname = \"N\"\n"
                                    "number = \"3238\"\n[[device]]\nid = \"k\"\nroom = \"R\"\n"
                                    "[[group]]\nid = \"g\"\nname = \"G\"\n"
                                    "kind = \"group_guidance\"\ndevice = \"k\"\n"
                                    "members = \"gv.csv\"\n");
  try {
    (void)load_site(dir / "site.toml");
    FAIL();
  } catch (const SiteConfigError& e) {
    EXPECT_EQ(e.file(), dir / "gv.csv");
    EXPECT_EQ(e.line(), 2);
    EXPECT_EQ(e.key(), "full_name");
  }
}

TEST(LoadSite, UnknownReferencesAreRefused) {
  EXPECT_EQ(error_of(kMinimal + "[[group]]\nid = \"g\"\nname = \"G\"\nkind = \"group_guidance\"\n"
                                "device = \"nope\"\n")
                .key(),
            "group[0].device");
  EXPECT_EQ(error_of(kMinimal + "[[device]]\nid = \"k\"\nroom = \"R\"\n"
                                "[[group]]\nid = \"g\"\nname = \"G\"\nkind = \"meeting\"\n"
                                "device = \"k\"\n")
                .key(),
            "group[0].kind");
}

// Two members and an outside buyer; a plan for 2023 follows in each test.
const std::string kRegistry = kMinimal + R"([[municipality]]
id = "nannestad"
name = "Nannestad"
number = "3238"
population = { "2022Q2" = 14797 }
[[municipality]]
id = "hurdal"
name = "Hurdal"
number = "3242"
population = { "2022Q2" = 2869 }
[[municipality]]
id = "oslo"
name = "Oslo"
member = false
external_rate = 1500
)";  // lines 8-22

TEST(StrictSiteFile, AnUnknownKeyIsAnErrorWithTheKeyMeantWhenOneIsClose) {
  // The typo that moved a year's a-konto: `planed` was read as no plan at all.
  const auto e = error_of(kRegistry + R"([[plan]]
year = 2023
population = "2022Q2"
[[plan.part]]
name = "Forbruk"
amount = 961667
key = "enrollments"
planed = { nannestad = 4 }
)");
  EXPECT_EQ(e.key(), "plan[0].part[0].planed");
  EXPECT_EQ(e.line(), 30);
  EXPECT_EQ(e.problem(), "unknown key (did you mean 'planned'?)");
  EXPECT_EQ(std::string(e.what()),
            "/cfg/site.toml:30: plan[0].part[0].planed: unknown key (did you mean 'planned'?)");
}

TEST(StrictSiteFile, UnknownKeysAreRefusedAtEveryDepth) {
  EXPECT_EQ(error_of(kMinimal + "[sites]\nid = \"x\"\n").key(), "sites");
  EXPECT_EQ(error_of("[site]\nid = \"x\"\nname = \"X\"\nlocle = \"nn\"\n").problem(),
            "unknown key (did you mean 'locale'?)");
  EXPECT_EQ(error_of(kMinimal + "[[agenda]]\nid = \"a\"\nname = \"A\"\n"
                                "items = [ { item = \"s\", title = \"T\", minute = 5 } ]\n")
                .key(),
            "agenda[0].items[0].minute");
  EXPECT_EQ(
      error_of(kMinimal + "[[org]]\nid = \"bufetat\"\nname = \"B\"\ncolour = \"red\"\n").problem(),
      "unknown key");  // nothing close: no guess
  EXPECT_EQ(
      error_of(kRegistry + "[[plan]]\nyear = 2023\nrounding = \"ore\"\nround = 1\n").problem(),
      "unknown key");  // three edits from `rounding`: too far to guess
}

TEST(StrictSiteFile, AMemberWithoutThePlansPopulationCountIsAnError) {
  const auto e = error_of(kRegistry + R"([[plan]]
year = 2023
population = "2023Q2"
[[plan.part]]
name = "Fast"
amount = 961667
key = "population"
)");
  EXPECT_EQ(e.key(), "municipality[0].population");
  EXPECT_EQ(e.line(), 12);
  EXPECT_NE(e.problem().find("\"2023Q2\""), std::string::npos) << e.problem();
  // Also a member for part of the year only, and for a remainder key.
  const auto partly = error_of(kMinimal + R"([[municipality]]
id = "lunner"
name = "Lunner"
number = "3234"
member_from = 2023-07-01
[[plan]]
year = 2023
population = "2022Q2"
[[plan.part]]
name = "Individuell"
amount = 927666
key = "purchases"
rate = 1200
remainder_key = "population"
)");
  EXPECT_EQ(partly.key(), "municipality[0].population");
  EXPECT_EQ(partly.line(), 8);
}

TEST(StrictSiteFile, ASessionThatEndsBeforeItStartsIsAnError) {
  const auto e = error_of(kMinimal + R"([[device]]
id = "k"
room = "R"
[[group]]
id = "g"
name = "G"
kind = "group_guidance"
device = "k"
[[session]]
id = "s"
group = "g"
title = "T"
repeat = "weekly tuesday"
from = 2026-08-18
until = 2025-12-08
start = 17:30:00
end = 20:00:00
)");
  EXPECT_EQ(e.key(), "session[0].until");
  EXPECT_EQ(e.line(), 22);
}

TEST(StrictSiteFile, TwoPartsKeyedOnPurchasesAreAnError) {
  const auto e = error_of(kRegistry + R"([[plan]]
year = 2023
population = "2022Q2"
[[plan.part]]
name = "Individuell"
amount = 900000
key = "purchases"
[[plan.part]]
name = "Individuell 2"
amount = 27666
key = "purchases"
)");
  EXPECT_EQ(e.key(), "plan[0].part[1].key");
  EXPECT_EQ(e.line(), 33);
}

TEST(StrictSiteFile, APlannedListNamingANonMemberIsAnError) {
  const auto e = error_of(kRegistry + R"([[plan]]
year = 2023
population = "2022Q2"
[[plan.part]]
name = "Forbruk"
amount = 961667
key = "enrollments"
planned = { nannestad = 4, oslo = 2 }
)");
  EXPECT_EQ(e.key(), "plan[0].part[0].planned.oslo");
  EXPECT_EQ(e.line(), 30);
  EXPECT_NE(e.problem().find("not a member in 2023"), std::string::npos) << e.problem();
}

TEST(StrictSiteFile, MunicipalityAndOrganisationNumbersAreChecked) {
  const std::string nes = kMinimal + "[[municipality]]\nid = \"nes\"\nname = \"Nes\"\n";
  const auto missing = error_of(nes);
  EXPECT_EQ(missing.key(), "municipality[0].number");
  EXPECT_EQ(missing.line(), 8);
  EXPECT_EQ(error_of(nes + "number = 3228\n").key(), "municipality[0].number");  // not a string
  EXPECT_EQ(error_of(nes + "number = \"322\"\n").key(), "municipality[0].number");
  EXPECT_EQ(error_of(nes + "number = { 20x4 = \"3228\" }\n").key(), "municipality[0].number.20x4");
  EXPECT_EQ(error_of(nes + "number = \"3228\"\norg_number = \"974760674\"\n").key(),
            "municipality[0].org_number");
  EXPECT_EQ(error_of(nes + "number = \"3228\"\norg_number = \"97476067\"\n").key(),
            "municipality[0].org_number");
  // A plan's year needs a number in force for each member.
  const auto e = error_of(nes + "number = { 2024 = \"3228\" }\npopulation = 23627\n" +
                          "[[plan]]\nyear = 2023\n[[plan.part]]\nname = \"F\"\namount = 1\n" +
                          "key = \"population\"\n");
  EXPECT_EQ(e.key(), "municipality[0].number");
  EXPECT_NE(e.problem().find("2023"), std::string::npos) << e.problem();
  EXPECT_TRUE(is_org_number("974760673"));
  EXPECT_FALSE(is_org_number("974760672"));
}

}  // namespace
}  // namespace tavla::host::config
