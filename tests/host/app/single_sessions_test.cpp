// A part keyed on `enrollments` through the real program, on SQLite and
// PostgreSQL: series groups count enrolled foster homes, `series = false`
// groups each session's attendance units, and `allocate --explain` shows
// which is which.
#include <gtest/gtest.h>

#include "host_fixture.hpp"
#include "host_service.hpp"
#include "tavla/host/config/load.hpp"

namespace tavla::host::testing {
namespace {

using tavla::testing::TempDir;

class SingleSessionsCommandTest : public ::testing::TestWithParam<Backend> {};

TEST_P(SingleSessionsCommandTest, TheExplanationShowsSeriesAndSingleSessionsApart) {
  TempDir dir;
  const auto config = write_example_site(dir, database_url(GetParam(), dir));
  tavla::testing::write_file(config, tavla::testing::read_file(config) + R"(
[[plan.part]]
name = "Plasser"
amount = 100000
key = "enrollments"
planned = { nannestad = 2, hurdal = 1 }
[[group]]
id = "tema"
name = "Temakveld"
kind = "group_guidance"
device = "kiosk-1"
year = 2026
series = false
members = "gv.csv"
)");
  {
    const auto site = config::load_site(config);
    storage::Repositories repos(site.database_url);
    ingest::Processor processor(
        repos, site, [] { return *protocol::parse_timestamp("2026-03-27T12:00:00.000Z"); });
    EventMaker k("kiosk-1", "epoch-0001");
    std::vector<ingest::Message> batch;
    for (const auto& e :
         {k.opened("t-1", "tema"), k.checked_in("t-1", "p-1", "nannestad", "fh-1"),
          k.opened("t-2", "tema"), k.checked_in("t-2", "p-2", "nannestad", "fh-1")}) {
      batch.push_back(message(e));
    }
    processor.process(batch);
  }
  const auto r =
      run_host(TAVLA_HOST, config,
               {"allocate", "--year", "2026", "--explain", "nannestad", "--format", "csv"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::map<std::string, std::string> counted;
  for (const auto& row : parse_report(r.out)) {
    if (row.at("part") == "Plasser") {
      // "basis enrollments (exact …, rounded …)": the key is what counts here.
      const auto& item = row.at("item");
      counted[item.substr(0, item.find(" (exact"))] = row.at("units");
    }
  }
  EXPECT_EQ(counted.at("series groups: foster homes enrolled"), "1");
  EXPECT_EQ(counted.at("single sessions of tema: attendance units"), "2");
  EXPECT_EQ(counted.at("basis enrollments"), "3");
}

INSTANTIATE_TEST_SUITE_P(Backends, SingleSessionsCommandTest,
                         ::testing::Values(Backend::sqlite, Backend::postgresql), backend_name);

}  // namespace
}  // namespace tavla::host::testing
