// The seven municipalities of docs/domain.md, "Worked example: the 2022 budget", with
// their population as of Q2 2022 (124 832 in total).
#pragma once

#include <array>
#include <stdexcept>
#include <string>
#include <vector>

#include "tavla/allocation/allocation.hpp"

namespace tavla::allocation::testing {

struct Population {
  const char* municipality;
  Quantity population;
};

inline constexpr std::array<Population, 7> kPopulation2022Q2{{
    {"nannestad", 14'797},
    {"gjerdrum", 7'005},
    {"hurdal", 2'869},
    {"nes", 23'627},
    {"lunner", 9'140},
    {"eidsvoll", 26'451},
    {"ullensaker", 40'943},
}};

inline std::vector<MemberBasis> example_members() {
  std::vector<MemberBasis> members;
  for (const auto& [municipality, population] : kPopulation2022Q2) {
    MemberBasis member;
    member.municipality = municipality;
    member.population = population;
    members.push_back(member);
  }
  return members;
}

inline MemberBasis& member(std::vector<MemberBasis>& members, const std::string& municipality) {
  for (MemberBasis& m : members) {
    if (m.municipality == municipality) {
      return m;
    }
  }
  throw std::out_of_range(municipality);
}

}  // namespace tavla::allocation::testing
