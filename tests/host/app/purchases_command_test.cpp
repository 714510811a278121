// `tavla-host purchases add|list|remove` as real processes (SQLite and
// PostgreSQL): a purchase is corrected by removing it with a reason, every
// change says who, when and why, and doubtful hours are refused.
#include <gtest/gtest.h>

#include <algorithm>

#include "host_fixture.hpp"
#include "tavla/testing/process.hpp"
#include "tavla/testing/programs.hpp"

namespace tavla::host::testing {
namespace {

class PurchasesCommandTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    config_ = write_example_site(dir_, database_url(GetParam(), dir_));
    // 927 666 NOK at 1 450 NOK per hour: 639.76 hours are the most it buys.
    tavla::testing::write_file(config_, tavla::testing::read_file(config_) +
                                            "[[plan.part]]\nname = \"Individuell veiledning\"\n"
                                            "amount = 927666\nkey = \"purchases\"\nrate = 1450\n"
                                            "remainder_key = \"population\"\n");
  }

  tavla::testing::RunResult host(std::vector<std::string> args) {
    args.insert(args.end(), {"--config", config_.string()});
    return tavla::testing::run(tavla::testing::program_argv(TAVLA_HOST, args));
  }

  tavla::testing::RunResult add(const std::string& municipality, const std::string& hours,
                                const std::string& year = "2026") {
    return host({"purchases", "add", "--year", year, "--municipality", municipality, "--hours",
                 hours, "--by", "kari", "--note", "Q1"});
  }

  tavla::testing::TempDir dir_;
  std::filesystem::path config_;
};

TEST_P(PurchasesCommandTest, AddPrintsWhatItRecordedAndListShowsTheId) {
  const auto r = add("nes", "12,5");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("recorded purchase #1: 2026 nes 12.50 hours at 1450.00 per hour, note "
                        "\"Q1\", by kari at ",
                        0),
            0U)
      << r.out;
  const auto list = host({"purchases", "list", "--year", "2026", "--format", "csv"});
  ASSERT_EQ(list.exit_code, 0) << list.err;
  EXPECT_NE(list.out.find("\n1,2026,nes,Nes,12.50,Q1,kari,"), std::string::npos) << list.out;
}

TEST_P(PurchasesCommandTest, ARemovedPurchaseNoLongerCountsAndKeepsWhoWhenAndWhy) {
  ASSERT_EQ(add("nes", "96").exit_code, 0);
  ASSERT_EQ(add("hurdal", "12").exit_code, 0);
  const auto removed = host(
      {"purchases", "remove", "--id", "1", "--reason", "Typed for the wrong year", "--by", "ola"});
  ASSERT_EQ(removed.exit_code, 0) << removed.err;
  EXPECT_NE(removed.out.find("removed purchase #1: 2026 nes 96.00 hours, by ola at "),
            std::string::npos)
      << removed.out;

  const auto counted = host({"purchases", "list", "--year", "2026", "--format", "csv"});
  EXPECT_EQ(counted.out.find("\n1,"), std::string::npos) << counted.out;
  EXPECT_NE(counted.out.find("\n2,2026,hurdal"), std::string::npos) << counted.out;
  const auto all = host({"purchases", "list", "--year", "2026", "--all", "--format", "csv"});
  EXPECT_NE(all.out.find("\n1,2026,nes,Nes,96.00,Q1,kari,"), std::string::npos) << all.out;
  EXPECT_NE(all.out.find(",ola,"), std::string::npos) << all.out;
  EXPECT_NE(all.out.find(",Typed for the wrong year"), std::string::npos) << all.out;

  const auto again = host({"purchases", "remove", "--id", "1", "--reason", "twice"});
  EXPECT_EQ(again.exit_code, 1);
  EXPECT_NE(again.err.find("removed already"), std::string::npos) << again.err;
  const auto none = host({"purchases", "remove", "--id", "9", "--reason", "none"});
  EXPECT_EQ(none.exit_code, 1);
  EXPECT_NE(none.err.find("no purchase #9"), std::string::npos) << none.err;
}

TEST_P(PurchasesCommandTest, DoubtfulPurchasesAreRefusedWithTheReason) {
  auto r = add("nes", "99999999");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("cost more than the whole part"), std::string::npos) << r.err;
  EXPECT_EQ(add("nes", "639,76").exit_code, 0);  // just within the part

  r = add("oslo", "2");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("oslo is not a member in 2026"), std::string::npos) << r.err;

  r = add("nes", "2", "2203");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("no [[plan]] for 2203"), std::string::npos) << r.err;

  r = host({"purchases", "add", "--year", "2026", "--municipality", "nes", "--hours", "2", "--note",
            "for 01019010046"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("national identity number"), std::string::npos) << r.err;

  const auto list = host({"purchases", "list", "--year", "2026", "--format", "csv"});
  EXPECT_EQ(std::count(list.out.begin(), list.out.end(), '\n'), 2) << list.out;  // header + one
}

INSTANTIATE_TEST_SUITE_P(Backends, PurchasesCommandTest,
                         ::testing::Values(Backend::sqlite, Backend::postgresql), backend_name);

}  // namespace
}  // namespace tavla::host::testing
