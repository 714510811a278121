// No national identity number lands anywhere the operator types free text,
// through the real program on SQLite and PostgreSQL: the members list (its
// display names included), an attendance correction's reason and title,
// and a purchase's note. Refused with the option or column named, never the
// number; an account number, which fails the identity number's checks,
// passes.
#include <gtest/gtest.h>

#include "host_fixture.hpp"
#include "host_service.hpp"

namespace tavla::host::testing {
namespace {

using tavla::testing::TempDir;

// A valid fødselsnummer (1 Jan 1990), written with a space as people do.
constexpr std::string_view kIdentityNumber = "010190 10046";

class HostInputsTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override { config_ = write_example_site(dir_, database_url(GetParam(), dir_)); }

  void expect_refused(const tavla::testing::RunResult& r, const std::string& what) {
    EXPECT_EQ(r.exit_code, 1) << r.err;
    EXPECT_NE(r.err.find(what), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("national identity number"), std::string::npos) << r.err;
    EXPECT_EQ(r.err.find(kIdentityNumber), std::string::npos) << "echoed: " << r.err;
  }

  tavla::testing::RunResult correction(const std::string& reason,
                                       std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {"attendance",    "add",  "--session", "s-video",
                                     "--group",       "gv-1", "--date",    "2026-03-20",
                                     "--participant", "p-3",  "--reason",  reason};
    args.insert(args.end(), extra.begin(), extra.end());
    return run_host(TAVLA_HOST, config_, args);
  }

  // A plan part that prices hours, which `purchases add` needs.
  void add_purchases_part() {
    tavla::testing::write_file(config_, tavla::testing::read_file(config_) +
                                            "[[plan.part]]\nname = \"Individuell veiledning\"\n"
                                            "amount = 927666\nkey = \"purchases\"\nrate = 1450\n"
                                            "remainder_key = \"population\"\n");
  }

  tavla::testing::RunResult purchase(const std::string& note) {
    return run_host(TAVLA_HOST, config_,
                    {"purchases", "add", "--year", "2026", "--municipality", "nes", "--hours", "2",
                     "--note", note});
  }

  TempDir dir_;
  std::filesystem::path config_;
};

TEST_P(HostInputsTest, AnAttendanceReasonOrTitleWithAnIdentityNumberIsRefused) {
  const std::string number(kIdentityNumber);
  expect_refused(correction("Holdt på video for " + number), "--reason");
  expect_refused(correction("Holdt på video", {"--title", "Samtale " + number}), "--title");
  const auto account = correction("Refusjon til konto 1234 56 78903");
  EXPECT_EQ(account.exit_code, 0) << account.err;
}

TEST_P(HostInputsTest, APurchaseNoteWithAnIdentityNumberIsRefused) {
  add_purchases_part();
  expect_refused(purchase("Veiledning " + std::string(kIdentityNumber)), "--note");
  const auto listed = parse_report(
      run_host(TAVLA_HOST, config_, {"purchases", "list", "--year", "2026", "--format", "csv"})
          .out);
  EXPECT_TRUE(listed.empty());
  const auto order = purchase("Bestilling 12345678901");
  EXPECT_EQ(order.exit_code, 0) << order.err;
}

TEST_P(HostInputsTest, ADisplayNameWithAnIdentityNumberFailsCheck) {
  auto text = tavla::testing::read_file(dir_ / "gv.csv");
  const std::string row = "p-3,Liv H.,";
  text.replace(text.find(row), row.size(), "p-3,Liv " + std::string(kIdentityNumber) + ",");
  tavla::testing::write_file(dir_ / "gv.csv", text);
  const auto r = run_host(TAVLA_HOST, config_, {"check"});
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.err.find("display_name"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("national identity number"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find(kIdentityNumber), std::string::npos) << "echoed: " << r.err;
}

INSTANTIATE_TEST_SUITE_P(Backends, HostInputsTest,
                         ::testing::Values(Backend::sqlite, Backend::postgresql), backend_name);

}  // namespace
}  // namespace tavla::host::testing
