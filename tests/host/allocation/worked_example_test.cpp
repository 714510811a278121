// docs/domain.md, "Worked example: the 2022 budget": split by population,
// rounded to whole kroner. Each row rounded on its own adds up to one krone
// too much (or too little); largest remainder adds up exactly and moves one
// row by one krone.
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "example_members.hpp"
#include "outcome.hpp"
#include "tavla/allocation/allocation.hpp"

namespace tavla::allocation {
namespace {

using testing::value_of;

constexpr Ore kKrone = 100;

// The published rows, each rounded on its own to whole kroner.
std::map<std::string, Ore> naive_rows_of_1468000() {
  return {
      {"nannestad", 174'010}, {"gjerdrum", 82'377},  {"hurdal", 33'739},      {"nes", 277'849},
      {"lunner", 107'485},    {"eidsvoll", 311'059}, {"ullensaker", 481'482},
  };
}

std::map<std::string, Ore> naive_rows_of_500618() {
  return {
      {"nannestad", 59'341}, {"gjerdrum", 28'092},  {"hurdal", 11'506},      {"nes", 94'752},
      {"lunner", 36'654},    {"eidsvoll", 106'077}, {"ullensaker", 164'195},
  };
}

Plan population_plan(Ore kroner) {
  Part part;
  part.name = "Fast fordelingsnøkkel";
  part.key = Key::population;
  part.amount = kroner * kKrone;
  Plan plan;
  plan.year = 2022;
  plan.rounding = Rounding::krone;
  plan.parts = {part};
  return plan;
}

// Allocates `kroner` by population and returns each municipality's amount in
// whole kroner, checking on the way that the part and the total add up.
std::map<std::string, Ore> rows_of(Ore kroner) {
  const Allocation allocation =
      value_of(allocate(population_plan(kroner), testing::example_members()));
  EXPECT_EQ(allocation.total, kroner * kKrone);
  EXPECT_EQ(allocation.parts.at(0).total_units, 124'832);
  std::map<std::string, Ore> rows;
  Ore sum = 0;
  for (const Line& line : allocation.parts.at(0).lines) {
    EXPECT_EQ(line.amount % kKrone, 0) << line.municipality << " is not whole kroner";
    rows[line.municipality] = line.amount / kKrone;
    sum += line.amount;
    EXPECT_EQ(allocation.total_by_municipality.at(line.municipality), line.amount);
  }
  EXPECT_EQ(sum, kroner * kKrone);
  return rows;
}

Ore sum_of(const std::map<std::string, Ore>& rows) {
  Ore sum = 0;
  for (const auto& [municipality, kroner] : rows) {
    sum += kroner;
  }
  return sum;
}

// Municipality → how many kroner it differs from its naively rounded row.
std::map<std::string, Ore> moved_rows(const std::map<std::string, Ore>& rows,
                                      const std::map<std::string, Ore>& naive) {
  std::map<std::string, Ore> moved;
  for (const auto& [municipality, kroner] : naive) {
    if (rows.at(municipality) != kroner) {
      moved[municipality] = rows.at(municipality) - kroner;
    }
  }
  return moved;
}

TEST(WorkedExample, TheNaiveRowsDoNotAddUpToTheBudgets) {
  EXPECT_EQ(sum_of(naive_rows_of_1468000()), 1'468'001);
  EXPECT_EQ(sum_of(naive_rows_of_500618()), 500'617);
}

TEST(WorkedExample, TheBudgetOf1468000AddsUpToTheKroneAndMovesOnlyEidsvoll) {
  const auto rows = rows_of(1'468'000);
  EXPECT_EQ(sum_of(rows), 1'468'000);
  ASSERT_EQ(rows.size(), 7U);
  // Eidsvoll's exact share, 311 058.61, has the smallest fraction of the
  // six that rounded up on their own: it is the one that gives back a krone.
  EXPECT_EQ(moved_rows(rows, naive_rows_of_1468000()),
            (std::map<std::string, Ore>{{"eidsvoll", -1}}));
  EXPECT_EQ(rows.at("eidsvoll"), 311'058);
  EXPECT_EQ(rows.at("ullensaker"), 481'482);
}

TEST(WorkedExample, TheFixedKeyHalfOf500618AddsUpToTheKroneAndMovesOnlyLunner) {
  const auto rows = rows_of(500'618);
  EXPECT_EQ(sum_of(rows), 500'618);
  ASSERT_EQ(rows.size(), 7U);
  // Lunner's exact share, 36 654.45, has the largest fraction of the five
  // that rounded down on their own: it is the one that takes the missing krone.
  EXPECT_EQ(moved_rows(rows, naive_rows_of_500618()), (std::map<std::string, Ore>{{"lunner", 1}}));
  EXPECT_EQ(rows.at("lunner"), 36'655);
}

TEST(WorkedExample, TheSharesMatchThePublishedPercentages) {
  const Allocation allocation =
      value_of(allocate(population_plan(1'468'000), testing::example_members()));
  const std::map<std::string, std::string> published = {
      {"nannestad", "0.1185"}, {"gjerdrum", "0.0561"}, {"hurdal", "0.0230"},     {"nes", "0.1893"},
      {"lunner", "0.0732"},    {"eidsvoll", "0.2119"}, {"ullensaker", "0.3280"},
  };
  for (const Line& line : allocation.parts.at(0).lines) {
    EXPECT_EQ(format_fraction(line.units, line.total_units, 4), published.at(line.municipality));
  }
}

}  // namespace
}  // namespace tavla::allocation
