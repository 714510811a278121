// Properties of allocate(), provisional() and settle() over random plans from
// a fixed seed: every part and total adds up exactly, every share is within
// one unit of its exact share (a rate amount within half a unit of hours ×
// rate), and the order of the members changes nothing.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <map>
#include <random>
#include <string>

#include "outcome.hpp"
#include "tavla/allocation/allocation.hpp"

namespace tavla::allocation {
namespace {

using testing::value_of;
using testing::Wide;

constexpr int kCases = 1'500;

struct Year {
  Plan plan;
  std::vector<MemberBasis> members;
};

class YearGenerator {
 public:
  explicit YearGenerator(std::uint64_t seed) : random_(seed) {}

  Year next() {
    Year year;
    year.plan.year = 2023;
    year.plan.rounding = pick(0, 1) == 0 ? Rounding::ore : Rounding::krone;
    const auto count = pick(1, 40);
    for (std::int64_t i = 0; i < count; ++i) {
      MemberBasis member;
      // Ids whose order differs from the input order, so the tie-break matters.
      member.municipality = std::to_string(pick(0, 9)) + "-m" + std::to_string(i);
      member.population = pick(1, 700'000);
      member.enrollments = sometimes_zero(60);
      member.attendance_units = sometimes_zero(2'000);
      member.purchased_hundredths = sometimes_zero(500'000);
      year.members.push_back(member);
    }
    // A consumption basis may be zero for everyone only by chance; avoid it.
    year.members.front().enrollments += 1;
    year.members.front().attendance_units += 1;
    year.members.front().purchased_hundredths += 1;

    const auto parts = pick(1, 5);
    for (std::int64_t i = 0; i < parts; ++i) {
      year.plan.parts.push_back(random_part("part " + std::to_string(i), year));
    }
    return year;
  }

  std::mt19937_64& engine() { return random_; }

 private:
  std::int64_t pick(std::int64_t low, std::int64_t high) {
    return std::uniform_int_distribution<std::int64_t>(low, high)(random_);
  }

  Quantity sometimes_zero(Quantity high) { return pick(0, 2) == 0 ? 0 : pick(0, high); }

  Ore amount_in(Rounding rounding, Ore low, Ore high) {
    const auto unit = static_cast<Ore>(rounding);
    return pick(low, high) / unit * unit;
  }

  Part random_part(std::string name, const Year& year) {
    constexpr std::array<Key, 6> kKeys{Key::population, Key::enrollments, Key::attendance,
                                       Key::purchases,  Key::equal,       Key::weights};
    Part part;
    part.name = std::move(name);
    part.key = kKeys.at(static_cast<std::size_t>(pick(0, kKeys.size() - 1)));
    part.amount = amount_in(year.plan.rounding, 0, 500'000'000'000);
    if (pick(0, 2) == 0) {
      part.actual = amount_in(year.plan.rounding, -10'000'000, 500'000'000'000);
    }
    if (part.key == Key::weights) {
      for (const MemberBasis& member : year.members) {
        if (pick(0, 1) == 0) {
          part.weights[member.municipality] = pick(0, 9);
        }
      }
      part.weights[year.members.front().municipality] = pick(1, 9);  // never all zero
    }
    if (part.key == Key::purchases && pick(0, 1) == 0) {
      part.rate_per_hour = pick(0, 200'000);
      part.remainder_key = pick(0, 1) == 0 ? Key::population : Key::purchases;
    }
    if (is_consumption(part.key) && pick(0, 1) == 0) {
      for (const MemberBasis& member : year.members) {
        if (pick(0, 2) == 0) {
          part.planned[member.municipality] = pick(0, 50);
        }
      }
      part.planned[year.members.front().municipality] = pick(1, 50);  // never all zero
    }
    return part;
  }

  std::mt19937_64 random_;
};

Wide abs_wide(Wide value) {
  return value < 0 ? -value : value;
}

// Checks one part of an allocation against exact arithmetic.
void check_part(const PartResult& part, Rounding rounding, int case_number) {
  const auto unit = static_cast<Ore>(rounding);
  Wide sum = 0;
  for (const Line& line : part.lines) {
    ASSERT_EQ(line.amount % unit, 0) << "case " << case_number;
    sum += line.amount;
    if (part.rate_per_hour) {
      // |rate_amount − hours·rate| ≤ unit/2, in hundredths of øre.
      const Wide exact = Wide{line.units} * *part.rate_per_hour;
      ASSERT_TRUE(abs_wide(Wide{line.rate_amount} * 100 - exact) <= Wide{unit} * 50)
          << "case " << case_number;
      const Wide share_error = abs_wide(Wide{line.remainder_amount} * line.remainder_total_units -
                                        Wide{part.remainder} * line.remainder_units);
      ASSERT_TRUE(share_error < Wide{unit} * line.remainder_total_units) << "case " << case_number;
    } else if (line.total_units == 0) {
      // Only a consumption part without a-konto has no units: it bills nothing.
      ASSERT_EQ(part.amount, 0) << "case " << case_number;
      ASSERT_EQ(line.amount, 0) << "case " << case_number;
    } else {
      const Wide share_error =
          abs_wide(Wide{line.amount} * line.total_units - Wide{part.amount} * line.units);
      ASSERT_TRUE(share_error < Wide{unit} * line.total_units) << "case " << case_number;
    }
  }
  ASSERT_TRUE(sum == part.amount) << "case " << case_number << " part " << part.name;
}

void check_allocation(const Allocation& allocation, Rounding rounding, int case_number) {
  Wide parts = 0;
  for (const PartResult& part : allocation.parts) {
    ASSERT_NO_FATAL_FAILURE(check_part(part, rounding, case_number));
    parts += part.amount;
  }
  Wide members = 0;
  for (const auto& [municipality, amount] : allocation.total_by_municipality) {
    members += amount;
  }
  ASSERT_TRUE(parts == allocation.total) << "case " << case_number;
  ASSERT_TRUE(members == allocation.total) << "case " << case_number;
}

TEST(AllocationProperties, EveryPartAndEveryTotalAddsUpExactly) {
  YearGenerator years(11);
  for (int i = 0; i < kCases; ++i) {
    const Year year = years.next();
    ASSERT_NO_FATAL_FAILURE(
        check_allocation(value_of(allocate(year.plan, year.members)), year.plan.rounding, i));
    ASSERT_NO_FATAL_FAILURE(
        check_allocation(value_of(allocate(year.plan, year.members, Amounts::actual_else_budget)),
                         year.plan.rounding, i));
    ASSERT_NO_FATAL_FAILURE(
        check_allocation(value_of(provisional(year.plan, year.members)), year.plan.rounding, i));
  }
}

TEST(AllocationProperties, TheOrderOfTheMembersChangesNoAmount) {
  YearGenerator years(12);
  for (int i = 0; i < kCases; ++i) {
    Year year = years.next();
    const Allocation before = value_of(allocate(year.plan, year.members));
    std::shuffle(year.members.begin(), year.members.end(), years.engine());
    const Allocation after = value_of(allocate(year.plan, year.members));
    ASSERT_EQ(after.total_by_municipality, before.total_by_municipality) << "case " << i;
    for (std::size_t p = 0; p < before.parts.size(); ++p) {
      std::map<std::string, Ore> by_municipality;
      for (const Line& line : before.parts[p].lines) {
        by_municipality[line.municipality] = line.amount;
      }
      for (const Line& line : after.parts[p].lines) {
        ASSERT_EQ(line.amount, by_municipality.at(line.municipality)) << "case " << i;
      }
    }
  }
}

TEST(AllocationProperties, SettlementBalancesAreFinalMinusProvisionalToTheOre) {
  YearGenerator years(13);
  for (int i = 0; i < kCases; ++i) {
    const Year year = years.next();
    const Settlement settlement = value_of(settle(year.plan, year.members));
    Wide balances = 0;
    for (const SettlementLine& line : settlement.lines) {
      ASSERT_EQ(line.balance, line.final - line.provisional) << "case " << i;
      balances += line.balance;
    }
    ASSERT_TRUE(balances == settlement.total_balance) << "case " << i;
    ASSERT_EQ(settlement.total_balance, settlement.final.total - settlement.provisional.total)
        << "case " << i;
  }
}

}  // namespace
}  // namespace tavla::allocation
