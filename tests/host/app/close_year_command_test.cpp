// `tavla-host close-year`, `reopen-year`, `provisional` and `settle` as real
// processes (SQLite and PostgreSQL): a closed year prints the figures it was
// closed with whatever the site file says later, closing asks first and
// refuses a year that has not ended or has no actual costs, and the a-konto
// needs only the plan and is settled against what was issued.
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <nlohmann/json.hpp>

#include "host_fixture.hpp"
#include "tavla/testing/process.hpp"
#include "tavla/testing/programs.hpp"

namespace tavla::host::testing {
namespace {

// A plan of the network's 2023 shape (docs/domain.md, "The 2023 plan"),
// with an agreed-weights part where the consumption part would need the
// year's groups.
std::string plan_of(int year, bool actuals) {
  auto with = [&](const std::string& amount) {
    return actuals ? "actual = " + amount + "\n" : std::string();
  };
  return "[[plan]]\nyear = " + std::to_string(year) +
         "\npopulation = \"2022Q2\"\n"
         "[[plan.part]]\nname = \"Fast\"\nkey = \"population\"\namount = 961667\n" +
         with("961667") + "[[plan.part]]\nname = \"Avtalt\"\nkey = \"weights\"\namount = 961667\n" +
         with("950000") +
         "weights = { nannestad = 2, hurdal = 1, nes = 3 }\n"
         "[[plan.part]]\nname = \"Individuell\"\nkey = \"purchases\"\namount = 927666\n" +
         with("927666") + "rate = 1100\nremainder_key = \"population\"\n";
}

class CloseYearCommandTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override { config_ = write_example_site(dir_, database_url(GetParam(), dir_)); }

  tavla::testing::RunResult host(std::vector<std::string> args) {
    args.insert(args.end(), {"--config", config_.string()});
    return tavla::testing::run(tavla::testing::program_argv(TAVLA_HOST, args));
  }

  void append(const std::string& text) {
    tavla::testing::write_file(config_, tavla::testing::read_file(config_) + text);
  }

  void edit(const std::string& from, const std::string& to) {
    auto text = tavla::testing::read_file(config_);
    const auto at = text.find(from);
    ASSERT_NE(at, std::string::npos) << from;
    text.replace(at, from.size(), to);
    tavla::testing::write_file(config_, text);
  }

  tavla::testing::TempDir dir_;
  std::filesystem::path config_;
};

TEST_P(CloseYearCommandTest, AClosedYearPrintsItsFrozenFiguresWhateverTheSiteFileSaysLater) {
  append(plan_of(2023, true));
  ASSERT_EQ(host({"purchases", "add", "--year", "2023", "--municipality", "nes", "--hours", "96"})
                .exit_code,
            0);
  const auto closed = host({"close-year", "--year", "2023", "--yes"});
  ASSERT_EQ(closed.exit_code, 0) << closed.err;
  const std::vector<std::vector<std::string>> reports = {
      {"allocate", "--year", "2023", "--format", "csv"},
      {"allocate", "--year", "2023", "--explain", "nes", "--format", "csv"},
      {"settle", "--year", "2023", "--format", "csv"},
      {"provisional", "--year", "2023", "--format", "csv"}};
  std::vector<std::string> before;
  for (const auto& args : reports) {
    const auto r = host(args);
    ASSERT_EQ(r.exit_code, 0) << args[0] << ": " << r.err;
    EXPECT_EQ(r.err.find("frozen at close-year"), std::string::npos) << r.err;
    before.push_back(r.out);
  }
  EXPECT_NE(before[0].find("nes,Nes,3228,Individuell,purchases,96.00,"), std::string::npos)
      << before[0];

  // The plan's amount, a population, a membership and a number change afterwards.
  edit("number = \"3228\"", "number = \"3034\"");
  edit("amount = 961667\nactual = 961667", "amount = 999999\nactual = 999999");
  edit("population = { \"2022Q2\" = 2869 }", "population = { \"2022Q2\" = 3500 }");
  edit("member_from = 2020-01-01", "member_from = 2024-01-01");
  for (std::size_t i = 0; i < reports.size(); ++i) {
    const auto r = host(reports[i]);
    ASSERT_EQ(r.exit_code, 0) << reports[i][0] << ": " << r.err;
    EXPECT_EQ(r.out, before[i]) << reports[i][0];
    EXPECT_NE(r.err.find("2023 is closed: these are the figures frozen at close-year"),
              std::string::npos)
        << reports[i][0] << ": " << r.err;
  }
  const auto late =
      host({"purchases", "add", "--year", "2023", "--municipality", "nes", "--hours", "1"});
  EXPECT_EQ(late.exit_code, 1);
  EXPECT_NE(late.err.find("2023 is closed"), std::string::npos) << late.err;
}

TEST_P(CloseYearCommandTest, ClosingRefusesAYearNotEndedOrWithoutActualsAndAsksFirst) {
  append(plan_of(2999, true) + plan_of(2025, false));
  auto r = host({"close-year", "--year", "2999", "--yes"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("2999 has not ended (Europe/Oslo)"), std::string::npos) << r.err;

  r = host({"close-year", "--year", "2024", "--yes"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("no [[plan]] with year = 2024"), std::string::npos) << r.err;

  r = host({"close-year", "--year", "2025", "--yes"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("no actual for part \"Fast\""), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("--provisional-only"), std::string::npos) << r.err;

  // Not on a terminal and no --yes: nothing is closed, and --yes is named.
  r = host({"close-year", "--year", "2025", "--provisional-only"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("add --yes"), std::string::npos) << r.err;
  EXPECT_EQ(host({"reopen-year", "--year", "2025", "--reason", "test"}).exit_code, 1);

  r = host({"close-year", "--year", "2025", "--provisional-only", "--yes"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  r = host({"close-year", "--year", "2025", "--provisional-only", "--yes"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("already closed"), std::string::npos) << r.err;
}

TEST_P(CloseYearCommandTest, ReopeningIsAuditedAndRefusedOnceTheNextYearIsClosed) {
  append(plan_of(2024, true) + plan_of(2025, true));
  ASSERT_EQ(host({"close-year", "--year", "2024", "--yes"}).exit_code, 0);
  ASSERT_EQ(host({"close-year", "--year", "2025", "--yes"}).exit_code, 0);
  auto r = host({"reopen-year", "--year", "2024", "--reason", "Wrong population"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("2025 is closed"), std::string::npos) << r.err;

  edit("population = { \"2022Q2\" = 2869 }", "population = { \"2022Q2\" = 3500 }");
  r = host(
      {"reopen-year", "--year", "2025", "--reason", "Hurdal's count was wrong", "--by", "kari"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("2025 reopened by kari at "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(": Hurdal's count was wrong"), std::string::npos) << r.err;
  // Open again: the site file's figures count, without a warning.
  r = host({"allocate", "--year", "2025", "--format", "csv"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err.find("frozen"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("hurdal,Hurdal,3242,Fast,population,3500,"), std::string::npos) << r.out;
  EXPECT_EQ(host({"purchases", "add", "--year", "2025", "--municipality", "nes", "--hours", "2"})
                .exit_code,
            0);
}

TEST_P(CloseYearCommandTest, TheAkontoNeedsOnlyThePlanAndSettleComparesWithWhatWasIssued) {
  // A year whose groups do not exist yet: a consumption part by enrollments.
  append(
      "[[plan]]\nyear = 2999\npopulation = \"2022Q2\"\n"
      "[[plan.part]]\nname = \"Fast\"\nkey = \"population\"\namount = 961667\n"
      "[[plan.part]]\nname = \"Forbruk\"\nkey = \"enrollments\"\namount = 961667\n"
      "planned = { nannestad = 60, nes = 40 }\n");
  auto r = host({"provisional", "--year", "2999", "--format", "csv"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("nes,Nes,3228,Forbruk,enrollments,40,384667.00"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("hurdal,Hurdal,3242,Forbruk,enrollments,0,0.00"), std::string::npos)
      << r.out;

  r = host({"provisional", "--year", "2999", "--issue", "--by", "kari", "--format", "csv"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("recorded as issued"), std::string::npos) << r.err;
  const auto issued = host({"settle", "--year", "2999", "--format", "csv"});
  ASSERT_EQ(issued.exit_code, 0) << issued.err;
  EXPECT_NE(issued.err.find("final figures of 2999 cannot be computed yet"), std::string::npos)
      << issued.err;

  // A mid-year change of the plan: settle still compares with what was sent.
  edit("planned = { nannestad = 60, nes = 40 }", "planned = { nannestad = 50, nes = 50 }");
  r = host({"settle", "--year", "2999", "--format", "csv"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, issued.out);
  r = host({"provisional", "--year", "2999", "--format", "csv"});
  EXPECT_NE(r.out.find("nes,Nes,3228,Forbruk,enrollments,50,"), std::string::npos) << r.out;
  EXPECT_NE(r.err.find("settle uses those figures"), std::string::npos) << r.err;
  r = host({"provisional", "--year", "2999", "--issue"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("was issued at"), std::string::npos) << r.err;
}

TEST_P(CloseYearCommandTest, TheInvoiceBasisNamesEachMemberWithItsNumberAndAddsUp) {
  append(plan_of(2025, true));
  auto r = host({"provisional", "--year", "2025"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // A title line with the site, the report and the date printed; a totals row.
  EXPECT_EQ(r.out.rfind("Støttepilar · a-konto 2025 · 20", 0), 0U) << r.out;
  const auto last = r.out.substr(r.out.rfind('\n', r.out.size() - 2) + 1);
  EXPECT_EQ(last.rfind("Sum ", 0), 0U) << last;
  // The purchases part has no planned hours: no a-konto, settled in full at
  // year end; the other two parts are invoiced whole.
  EXPECT_NE(last.find("1 923 334,00"), std::string::npos) << last;
  EXPECT_NE(r.out.find("Hurdal"), std::string::npos) << r.out;
  // Headers and keys in the site's language (nb) in the table format only.
  EXPECT_NE(r.out.find("Kommunenr."), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("folketall"), std::string::npos) << r.out;

  r = host({"settle", "--year", "2025", "--format", "csv"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("municipality,municipality_name,municipality_number,provisional,final,"
                        "balance,adjustment_previous_year,to_pay",
                        0),
            0U)
      << r.out;
  EXPECT_NE(r.out.find("\nhurdal,Hurdal,3242,"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("Sum"), std::string::npos) << "no totals in csv: " << r.out;
}

TEST_P(CloseYearCommandTest, EveryExplanationAddsUpToItsRowsOnThe2023Plan) {
  // 961 667 + 961 667 + 927 666 NOK, hours bought by two members.
  append(plan_of(2025, true));
  for (const auto& [m, hours] :
       std::vector<std::pair<std::string, std::string>>{{"nes", "150"}, {"ullensaker", "180,75"}}) {
    ASSERT_EQ(host({"purchases", "add", "--year", "2025", "--municipality", m, "--hours", hours})
                  .exit_code,
              0);
  }
  const auto allocated = host({"allocate", "--year", "2025", "--format", "json"});
  ASSERT_EQ(allocated.exit_code, 0) << allocated.err;
  std::map<std::string, std::int64_t> by_member;
  std::int64_t all = 0;
  for (const auto& row : nlohmann::json::parse(allocated.out)) {
    const auto ore = std::llround(row.at("amount").get<double>() * 100);
    by_member[row.at("municipality").get<std::string>()] += ore;
    all += ore;
  }
  EXPECT_EQ(all, 285100000);
  for (const auto& [m, amount] : by_member) {
    const auto r = host({"allocate", "--year", "2025", "--explain", m, "--format", "json"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    std::int64_t lines = 0;
    std::int64_t total = 0;
    for (const auto& row : nlohmann::json::parse(r.out)) {
      if (!row.at("amount").is_number()) {
        continue;  // a price: for reading, not invoiced
      }
      const auto ore = std::llround(row.at("amount").get<double>() * 100);
      (row.at("part") == "total" ? total : lines) += ore;
    }
    EXPECT_EQ(lines, amount) << m;
    EXPECT_EQ(total, amount) << m;
  }
  // settle --explain: final per part, less the a-konto, plus the adjustment,
  // add up to the member's to_pay.
  const auto settled = host({"settle", "--year", "2025", "--format", "json"});
  ASSERT_EQ(settled.exit_code, 0) << settled.err;
  for (const auto& row : nlohmann::json::parse(settled.out)) {
    const auto m = row.at("municipality").get<std::string>();
    const auto r = host({"settle", "--year", "2025", "--explain", m, "--format", "json"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto rows = nlohmann::json::parse(r.out);
    std::int64_t sum = 0;
    for (std::size_t i = 0; i + 1 < rows.size(); ++i) {
      sum += std::llround(rows[i].at("amount").get<double>() * 100);
    }
    const auto to_pay = std::llround(row.at("to_pay").get<double>() * 100);
    EXPECT_EQ(sum, to_pay) << m;
    EXPECT_EQ(std::llround(rows.back().at("amount").get<double>() * 100), to_pay) << m;
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, CloseYearCommandTest,
                         ::testing::Values(Backend::sqlite, Backend::postgresql), backend_name);

}  // namespace
}  // namespace tavla::host::testing
