// A plan like the real one (docs/domain.md, "The 2023 plan"): 2 851 000 kr, of which
// group guidance is 2 × 961 667 kr (half by population, half by consumption)
// and individual guidance 927 666 kr (about one full-time position), bought at
// 1 100 kr per hour with the shortfall shared by population.
#pragma once

#include <vector>

#include "example_members.hpp"
#include "plan_builder.hpp"

namespace tavla::allocation::testing {

inline constexpr Ore kIndividualRate = 1'100 * kKrone;

inline Plan three_part_plan() {
  Part fixed = part_of("Fast fordelingsnøkkel", Key::population, 961'667 * kKrone);
  Part consumption = part_of("Forbruk gruppeveiledning", Key::enrollments, 961'667 * kKrone);
  // Planned assignments for the a-konto invoices (92; Hurdal plans none).
  consumption.planned = {{"nannestad", 12}, {"gjerdrum", 5},  {"nes", 20},
                         {"lunner", 7},     {"eidsvoll", 18}, {"ullensaker", 30}};
  Part individual =
      rate_part("Individuell veiledning", 927'666 * kKrone, kIndividualRate, Key::population);
  individual.planned = {{"nannestad", 10'000}, {"nes", 30'000}, {"ullensaker", 40'000}};  // 800 h
  return plan_of({fixed, consumption, individual});
}

// The year as measured: 100 enrolled foster homes (none from Hurdal) and
// 830.75 hours of individual guidance bought.
inline std::vector<MemberBasis> measured_year() {
  std::vector<MemberBasis> members = example_members();
  for (const auto& [municipality, enrolled] :
       {std::pair{"nannestad", 14}, std::pair{"gjerdrum", 6}, std::pair{"hurdal", 0},
        std::pair{"nes", 22}, std::pair{"lunner", 8}, std::pair{"eidsvoll", 19},
        std::pair{"ullensaker", 31}}) {
    member(members, municipality).enrollments = enrolled;
  }
  member(members, "nannestad").purchased_hundredths = 12'050;
  member(members, "nes").purchased_hundredths = 30'000;
  member(members, "ullensaker").purchased_hundredths = 41'025;
  return members;
}

}  // namespace tavla::allocation::testing
