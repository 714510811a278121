// `tavla-host allocate`, `allocate --explain` and `settle` as real processes
// over a store filled by the real ingest path (SQLite and PostgreSQL): the
// rows finance staff invoice from, and the trace behind them.
#include <gtest/gtest.h>

#include <map>
#include <numeric>
#include <regex>

#include "host_fixture.hpp"
#include "tavla/allocation/money.hpp"
#include "tavla/host/config/csv.hpp"
#include "tavla/host/config/load.hpp"
#include "tavla/host/ingest/corrections.hpp"
#include "tavla/testing/process.hpp"
#include "tavla/testing/programs.hpp"

namespace tavla::host::testing {
namespace {

using allocation::Ore;

// Rows of a csv report as column name -> value.
using Record = std::map<std::string, std::string>;

std::vector<Record> parse_report(const std::string& csv) {
  const auto rows = config::parse_csv(csv, "stdout");
  std::vector<Record> out;
  if (rows.empty()) {
    return out;
  }
  const auto& header = rows.front().fields;
  for (std::size_t r = 1; r < rows.size(); ++r) {
    Record record;
    for (std::size_t c = 0; c < header.size() && c < rows[r].fields.size(); ++c) {
      record[header[c]] = rows[r].fields[c];
    }
    out.push_back(std::move(record));
  }
  return out;
}

Ore ore(const std::string& amount) {
  const auto parsed = allocation::parse_nok(amount);
  EXPECT_TRUE(parsed.has_value()) << "not an amount: '" << amount << "'";
  return parsed.value_or(0);
}

class AllocateCommandTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    config_ = write_example_site(dir_, database_url(GetParam(), dir_));
    site_ = config::load_site(config_);
    storage::Repositories repos(site_.database_url);
    ingest::Processor processor(
        repos, site_, [] { return *protocol::parse_timestamp("2026-03-27T12:00:00.000Z"); });
    EventMaker k("kiosk-1", "epoch-0001");
    std::vector<ingest::Message> batch;
    for (const auto& e : {
             k.opened("s-1", "gv-1"),
             k.checked_in("s-1", "p-1", "nannestad", "fh-1"),
             k.checked_in("s-1", "p-2", "nannestad", "fh-1"),  // same foster home: one unit
             k.checked_in("s-1", "p-3", "hurdal", "fh-2"),
             k.checked_in("s-1", "p-4", "eidsvoll", "fh-3"),
             k.guest("s-1", "eidsvoll"),
             k.checked_in("s-1", "p-5", "oslo", "fh-4"),  // outside buyer
             k.closed("s-1"),
             k.opened("s-2", "gv-1"),
             k.checked_in("s-2", "p-1", "nannestad", "fh-1"),
             k.checked_in("s-2", "p-4", "eidsvoll", "fh-3"),
             k.checked_out("s-2", "p-4"),  // withdrawn: does not count
             k.closed("s-2"),
         }) {
      batch.push_back(message(e));
    }
    processor.process(batch);
    ingest::correct_attendance(repos, site_,
                               {"s-2", "p-3", true, "Came late, checked in on paper", "kari",
                                *protocol::parse_timestamp("2026-03-28T10:00:00.000Z")});
  }

  tavla::testing::RunResult host(std::vector<std::string> args) {
    args.insert(args.begin(), TAVLA_HOST);
    args.insert(args.end(), {"--config", config_.string()});
    return tavla::testing::run(
        tavla::testing::program_argv(args.front(), {args.begin() + 1, args.end()}));
  }

  std::vector<Record> csv(std::vector<std::string> args) {
    args.insert(args.end(), {"--format", "csv"});
    const auto result = host(args);
    EXPECT_EQ(result.exit_code, 0) << result.err;
    return parse_report(result.out);
  }

  tavla::testing::TempDir dir_;
  std::filesystem::path config_;
  config::Site site_;
};

TEST_P(AllocateCommandTest, EachPartAndTheTotalAddUpToThePlanToTheOre) {
  const auto rows = csv({"allocate", "--year", "2026"});
  ASSERT_FALSE(rows.empty());
  std::map<std::string, Ore> by_part;
  for (const auto& r : rows) {
    by_part[r.at("part")] += ore(r.at("amount"));
  }
  EXPECT_EQ(by_part.at("Fast fordelingsnøkkel"), 146800000);
  EXPECT_EQ(by_part.at("Forbruk"), 50061800);
  EXPECT_EQ(by_part.at("external"), 250000);  // Oslo: one unit at 2 500 NOK
}

TEST_P(AllocateCommandTest, ThePopulationPartIsTheWorkedExampleOfTheDomain) {
  // docs/domain.md, "Worked example: the 2022 budget": rows rounded on their
  // own add up to 1 468 001; ours add up exactly and differ from those by at
  // most one krone on one row.
  const std::map<std::string, Ore> naive = {
      {"nannestad", 17401000}, {"gjerdrum", 8237700},  {"hurdal", 3373900},     {"nes", 27784900},
      {"lunner", 10748500},    {"eidsvoll", 31105900}, {"ullensaker", 48148200}};
  int rows_off = 0;
  for (const auto& r : csv({"allocate", "--year", "2026"})) {
    if (r.at("part") != "Fast fordelingsnøkkel") {
      continue;
    }
    const auto diff = ore(r.at("amount")) - naive.at(r.at("municipality"));
    EXPECT_LE(std::abs(diff), 100) << r.at("municipality");
    rows_off += diff != 0 ? 1 : 0;
  }
  EXPECT_LE(rows_off, 1);
}

TEST_P(AllocateCommandTest, UnitsFollowTheFosterHomesCheckedInAndCorrections) {
  std::map<std::string, std::string> units;
  for (const auto& r : csv({"allocate", "--year", "2026"})) {
    if (r.at("part") == "Forbruk") {
      units[r.at("municipality")] = r.at("units");
    }
  }
  EXPECT_EQ(units.at("nannestad"), "2");  // fh-1 in s-1 and in s-2
  EXPECT_EQ(units.at("hurdal"), "2");     // s-1, and s-2 by correction
  EXPECT_EQ(units.at("eidsvoll"), "2");   // fh-3 and the guest in s-1; s-2 withdrawn
  EXPECT_EQ(units.at("nes"), "0");
}

TEST_P(AllocateCommandTest, TheExplanationAddsUpToTheMunicipalitysAllocateRows) {
  const auto allocate_rows = csv({"allocate", "--year", "2026"});
  for (const auto& municipality : {"nannestad", "hurdal", "eidsvoll", "nes"}) {
    Ore allocated = 0;
    for (const auto& r : allocate_rows) {
      if (r.at("municipality") == municipality) {
        allocated += ore(r.at("amount"));
      }
    }
    const auto explained = csv({"allocate", "--year", "2026", "--explain", municipality});
    ASSERT_FALSE(explained.empty()) << municipality;
    Ore parts = 0;
    for (const auto& r : explained) {
      if (r.at("part") != "total" && !r.at("amount").empty()) {
        parts += ore(r.at("amount"));
      }
    }
    EXPECT_EQ(parts, allocated) << municipality;
    EXPECT_EQ(explained.back().at("part"), "total");
    EXPECT_EQ(ore(explained.back().at("amount")), allocated) << municipality;
  }
}

TEST_P(AllocateCommandTest, TheExplanationListsTheSessionsAndCorrectionsCounted) {
  std::string items;
  for (const auto& r : csv({"allocate", "--year", "2026", "--explain", "hurdal"})) {
    items += r.at("item") + "\n";
  }
  EXPECT_NE(items.find("session s-1"), std::string::npos) << items;
  EXPECT_NE(items.find("session s-2"), std::string::npos) << items;
  EXPECT_NE(items.find("Came late, checked in on paper"), std::string::npos) << items;
  EXPECT_NE(items.find("by kari"), std::string::npos) << items;
  // Forbruk: 500 618 NOK over 6 units.
  EXPECT_NE(items.find("price 83436.33 per attendance unit"), std::string::npos) << items;
}

TEST_P(AllocateCommandTest, SettlementBalancesAreFinalMinusProvisional) {
  const auto rows = csv({"settle", "--year", "2026"});
  ASSERT_EQ(rows.size(), 7U);  // the members; Oslo is billed outside
  Ore provisional = 0;
  Ore final = 0;
  for (const auto& r : rows) {
    EXPECT_EQ(ore(r.at("balance")), ore(r.at("final")) - ore(r.at("provisional")))
        << r.at("municipality");
    provisional += ore(r.at("provisional"));
    final += ore(r.at("final"));
  }
  // Every part has a-konto here (Forbruk has planned units), and no actual
  // costs are entered: both sides are the whole budget.
  EXPECT_EQ(provisional, 146800000 + 50061800);
  EXPECT_EQ(final, 146800000 + 50061800);
}

TEST_P(AllocateCommandTest, PurchasedHoursAreBilledAtTheRateAndShownAsHours) {
  // docs/domain.md, "Individual guidance": buyers pay a rate per hour,
  // and the rest of the part is shared by population.
  auto text = tavla::testing::read_file(config_);
  text +=
      "[[plan.part]]\nname = \"Individuell veiledning\"\namount = 927666\n"
      "key = \"purchases\"\nrate = 1450\nremainder_key = \"population\"\n";
  tavla::testing::write_file(config_, text);
  for (const auto& [municipality, hours] :
       std::vector<std::pair<std::string, std::string>>{{"nes", "96"}, {"hurdal", "12,5"}}) {
    const auto r = host({"purchases", "add", "--year", "2026", "--municipality", municipality,
                         "--hours", hours, "--by", "kari"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  std::map<std::string, Record> rows;
  Ore part = 0;
  for (const auto& r : csv({"allocate", "--year", "2026"})) {
    if (r.at("part") == "Individuell veiledning") {
      rows[r.at("municipality")] = r;
      part += ore(r.at("amount"));
    }
  }
  EXPECT_EQ(part, 92766600);
  EXPECT_EQ(rows.at("nes").at("units"), "96.00");
  EXPECT_EQ(rows.at("hurdal").at("units"), "12.50");
  EXPECT_EQ(rows.at("lunner").at("units"), "0.00");
  // Nes pays 96 h × 1 450 NOK and its population share of the rest.
  EXPECT_GT(ore(rows.at("nes").at("amount")), 96 * 145000);
  // --explain: the hours at the rate and the share of the remainder by
  // population, which add up to Nes's row.
  Ore explained = 0;
  int explaining = 0;
  for (const auto& r : csv({"allocate", "--year", "2026", "--explain", "nes"})) {
    if (r.at("part") != "Individuell veiledning" || r.at("amount").empty()) {
      continue;
    }
    explained += ore(r.at("amount"));
    ++explaining;
    if (r.at("item").find("hours bought at 1450.00 per hour") != std::string::npos) {
      EXPECT_EQ(r.at("units"), "96.00");
      EXPECT_EQ(r.at("total_units"), "108.50");
      EXPECT_EQ(ore(r.at("amount")), 96 * 145000);
    } else {
      EXPECT_NE(r.at("item").find("share of the remainder"), std::string::npos) << r.at("item");
      EXPECT_NE(r.at("item").find("by population (exact "), std::string::npos) << r.at("item");
      EXPECT_EQ(r.at("units"), "23627");
    }
  }
  EXPECT_EQ(explaining, 2);
  EXPECT_EQ(explained, ore(rows.at("nes").at("amount")));
}

TEST_P(AllocateCommandTest, AnUnknownMunicipalityOrYearIsNamed) {
  auto result = host({"allocate", "--year", "2026", "--explain", "atlantis"});
  EXPECT_NE(result.exit_code, 0);
  EXPECT_NE(result.err.find("atlantis"), std::string::npos) << result.err;
  result = host({"allocate", "--year", "2019"});
  EXPECT_NE(result.exit_code, 0);
  EXPECT_NE(result.err.find("2019"), std::string::npos) << result.err;
  EXPECT_TRUE(result.out.empty()) << result.out;
}

TEST_P(AllocateCommandTest, TablesUseTheNorwegianNumberFormat) {
  const auto result = host({"allocate", "--year", "2026"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  // Locale nb: thousands grouped by a space, a decimal comma (Ullensaker's
  // population share is 481 48x,00 kroner).
  EXPECT_TRUE(std::regex_search(result.out, std::regex("481 48[0-9],00"))) << result.out;
}

INSTANTIATE_TEST_SUITE_P(Backends, AllocateCommandTest,
                         ::testing::Values(Backend::sqlite, Backend::postgresql), backend_name);

}  // namespace
}  // namespace tavla::host::testing
