// Short ways to write parts and plans in tests.
#pragma once

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "tavla/allocation/allocation.hpp"

namespace tavla::allocation::testing {

inline constexpr Ore kKrone = 100;

inline Part part_of(std::string name, Key key, Ore amount) {
  Part part;
  part.name = std::move(name);
  part.key = key;
  part.amount = amount;
  return part;
}

inline Part rate_part(std::string name, Ore amount, Ore rate_per_hour, Key remainder_key) {
  Part part = part_of(std::move(name), Key::purchases, amount);
  part.rate_per_hour = rate_per_hour;
  part.remainder_key = remainder_key;
  return part;
}

inline Plan plan_of(std::vector<Part> parts, Rounding rounding = Rounding::krone) {
  Plan plan;
  plan.year = 2023;
  plan.rounding = rounding;
  plan.parts = std::move(parts);
  return plan;
}

inline MemberBasis basis(std::string municipality, Quantity population) {
  MemberBasis member;
  member.municipality = std::move(municipality);
  member.population = population;
  return member;
}

// The line of `municipality` in `part`.
inline const Line& line_of(const PartResult& part, const std::string& municipality) {
  for (const Line& line : part.lines) {
    if (line.municipality == municipality) {
      return line;
    }
  }
  throw std::out_of_range(municipality);
}

inline Ore sum_of_lines(const PartResult& part) {
  Ore sum = 0;
  for (const Line& line : part.lines) {
    sum += line.amount;
  }
  return sum;
}

}  // namespace tavla::allocation::testing
