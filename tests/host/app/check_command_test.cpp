// `tavla-host check` as a real process: a site file that check accepts is
// one allocate, settle and serve accept, and every mistake is named with
// file, line and key (SQLite and PostgreSQL site files alike).
#include <gtest/gtest.h>

#include <algorithm>

#include "host_fixture.hpp"
#include "host_service.hpp"
#include "tavla/testing/process.hpp"
#include "tavla/testing/programs.hpp"

namespace tavla::host::testing {
namespace {

class CheckCommandTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override { config_ = write_example_site(dir_, database_url(GetParam(), dir_)); }

  tavla::testing::RunResult check() {
    return tavla::testing::run(
        tavla::testing::program_argv(TAVLA_HOST, {"check", "--config", config_.string()}));
  }

  // The example site with `from` replaced by `to` (which must be there).
  void edit(const std::string& from, const std::string& to) {
    auto text = tavla::testing::read_file(config_);
    const auto at = text.find(from);
    ASSERT_NE(at, std::string::npos) << from;
    text.replace(at, from.size(), to);
    tavla::testing::write_file(config_, text);
  }

  // The 1-based line of `text` in the site file.
  int line_of(const std::string& text) {
    const auto file = tavla::testing::read_file(config_);
    const auto at = file.find(text);
    EXPECT_NE(at, std::string::npos) << text;
    return 1 +
           static_cast<int>(std::count(file.begin(), file.begin() + static_cast<long>(at), '\n'));
  }

  tavla::testing::TempDir dir_;
  std::filesystem::path config_;
};

TEST_P(CheckCommandTest, TheExampleSiteIsAccepted) {
  const auto r = check();
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("ok: site stottepilar: 8 municipalities", 0), 0U) << r.out;
}

TEST_P(CheckCommandTest, ATypoKeyFailsWithFileLineKeyAndTheKeyMeant) {
  edit("planned = {", "planed = {");
  const auto r = check();
  EXPECT_EQ(r.exit_code, 1);
  const std::string expected = config_.string() + ":" + std::to_string(line_of("planed = {")) +
                               ": plan[0].part[1].planed: unknown key (did you mean 'planned'?)";
  EXPECT_NE(r.err.find(expected), std::string::npos) << r.err;
  EXPECT_TRUE(r.out.empty()) << r.out;
}

TEST_P(CheckCommandTest, AMemberWithoutThePlansPopulationFails) {
  edit("population = { \"2022Q2\" = 2869 }\n", "");  // Hurdal
  const auto r = check();
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find(":" + std::to_string(line_of("id = \"hurdal\"") - 1) +
                       ": municipality[2].population: has no count \"2022Q2\""),
            std::string::npos)
      << r.err;
}

TEST_P(CheckCommandTest, AnEnrollmentsPartWithoutGroupsWarnsBeforeTheYearAndFailsAfter) {
  auto text = tavla::testing::read_file(config_);
  const std::string plan =
      "[[plan]]\nyear = {}\npopulation = \"2022Q2\"\n[[plan.part]]\nname = \"Forbruk\"\n"
      "amount = 961667\nkey = \"enrollments\"\nplanned = { nannestad = 4 }\n";
  auto with_year = [&](const std::string& year) {
    auto p = plan;
    p.replace(p.find("{}"), 2, year);
    return p;
  };
  tavla::testing::write_file(config_, text + with_year("2999"));
  auto r = check();
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("warning: plan 2999: "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("enrolled foster homes"), std::string::npos) << r.err;

  tavla::testing::write_file(config_, text + with_year("2020"));
  r = check();
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("error: plan 2020: "), std::string::npos) << r.err;
}

TEST_P(CheckCommandTest, AnAkontoThatCannotBeComputedFails) {
  // Planned units that add up to zero: `provisional --issue` and `settle` would refuse.
  edit("planned = { nannestad = 10, hurdal = 5, eidsvoll = 5 }",
       "planned = { nannestad = 0, hurdal = 0 }");
  const auto r = check();
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("error: plan 2026: the a-konto cannot be computed"), std::string::npos)
      << r.err;
}

TEST_P(CheckCommandTest, AnUnreadableBrokerPasswordFileFails) {
  edit("shared_group = \"\"", "shared_group = \"\"\npassword_file = \"missing.secret\"");
  const auto r = check();
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("broker.password_file: cannot read"), std::string::npos) << r.err;
}

INSTANTIATE_TEST_SUITE_P(Backends, CheckCommandTest,
                         ::testing::Values(Backend::sqlite, Backend::postgresql), backend_name);

// check warns about display names the room's screen could not tell apart
// and about ones that look like full names, and still accepts the site.
TEST(CheckCommand, WarnsAboutSharedAndFullDisplayNames) {
  tavla::testing::TempDir dir;
  const auto config = write_example_site(dir, database_url(Backend::sqlite, dir));
  const auto clean = run_host(TAVLA_HOST, config, {"check"});
  ASSERT_EQ(clean.exit_code, 0) << clean.err;
  EXPECT_EQ(clean.err.find("display_name"), std::string::npos) << clean.err;

  auto text = tavla::testing::read_file(dir / "gv.csv");
  text.replace(text.find("p-2,Ola N.,"), 11, "p-2,Kari N.,");
  text.replace(text.find("p-3,Liv H.,"), 11, "p-3,Liv Hansen,");
  tavla::testing::write_file(dir / "gv.csv", text);
  const auto r = run_host(TAVLA_HOST, config, {"check"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("warning: group gv-1: display_name 'Kari N.' is shared by p-1, p-2; the "
                       "room's screen shows 'Kari N. (1)', 'Kari N. (2)'"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("warning: group gv-1: p-3: display_name 'Liv Hansen' looks like a full "
                       "name"),
            std::string::npos)
      << r.err;
}

}  // namespace
}  // namespace tavla::host::testing
