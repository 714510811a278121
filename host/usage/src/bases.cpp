#include "tavla/host/usage/bases.hpp"

namespace tavla::host::usage {

Bases bases_for(const config::Site& site, const config::PlanSource& plan, const YearUsage& usage) {
  Bases bases;
  const auto row_of = [&](const std::string& id) -> const UsageRow* {
    for (const auto& r : usage.rows) {
      if (r.municipality == id) {
        return &r;
      }
    }
    return nullptr;
  };
  for (const auto& m : site.municipalities) {
    const UsageRow* row = row_of(m.id);
    if (m.is_member_in(plan.year)) {
      allocation::MemberBasis b;
      b.municipality = m.id;
      b.population = config::Site::population_for(m, plan);
      if (b.population == 0) {
        bases.warnings.push_back("municipality " + m.id + " has no population" +
                                 (plan.population_label ? " for " + *plan.population_label : ""));
      }
      if (row != nullptr) {
        b.enrollments = row->enrollments;
        b.attendance_units = row->attendance_units;
      }
      const auto p = usage.purchased_hundredths.find(m.id);
      b.purchased_hundredths = p == usage.purchased_hundredths.end() ? 0 : p->second;
      bases.members.push_back(std::move(b));
    } else if (row != nullptr && row->attendance_units > 0) {
      if (!m.external_rate) {
        bases.warnings.push_back("municipality " + m.id + " is not a member in " +
                                 std::to_string(plan.year) + " and has no external_rate: its " +
                                 std::to_string(row->attendance_units) + " units are not billed");
        continue;
      }
      bases.external.push_back({m.id, row->attendance_units, *m.external_rate,
                                row->attendance_units * *m.external_rate});
    }
  }
  return bases;
}

}  // namespace tavla::host::usage
