// The allocation engine's input for a year: each member municipality's
// basis (population by the plan's label, enrollments, attendance units,
// purchased hours), and the outside buyers billed at their external_rate
// per attendance unit, outside the allocation.
#pragma once

#include <string>
#include <vector>

#include "tavla/allocation/allocation.hpp"
#include "tavla/host/config/site.hpp"
#include "tavla/host/usage/usage.hpp"

namespace tavla::host::usage {

struct ExternalCharge {
  std::string municipality;
  std::int64_t units = 0;
  allocation::Ore rate = 0;    // per unit
  allocation::Ore amount = 0;  // units × rate
};

struct Bases {
  std::vector<allocation::MemberBasis> members;  // in the site's order
  std::vector<ExternalCharge> external;
  std::vector<std::string> warnings;  // e.g. an outside buyer without external_rate
};

[[nodiscard]] Bases bases_for(const config::Site& site, const config::PlanSource& plan,
                              const YearUsage& usage);

}  // namespace tavla::host::usage
