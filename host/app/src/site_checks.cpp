#include "site_checks.hpp"

#include <fstream>

#include "tavla/allocation/allocation.hpp"
#include "tavla/host/rooms/room_config.hpp"
#include "tavla/host/usage/bases.hpp"
#include "tavla/protocol/codec.hpp"

namespace tavla::host::app {
namespace {

std::string describe(const allocation::AllocationError& error) {
  return error.message;
}

// The year's bases as far as the site file knows them: populations and
// enrollments are real; attendance and hours bought live in the database,
// so every member gets one of each, enough to check the plan's structure.
usage::Bases site_bases(const config::Site& site, const config::PlanSource& plan,
                        std::vector<Finding>& findings) {
  usage::YearUsage year;
  const auto enrolled = usage::enrollments(site, plan.year);
  for (const auto& m : site.municipalities) {
    usage::UsageRow row{m.id, plan.year};
    const auto it = enrolled.find(m.id);
    row.enrollments = it == enrolled.end() ? 0 : it->second;
    row.attendance_units = 1;
    year.rows.push_back(row);
    year.purchased_hundredths[m.id] = 100;
  }
  auto bases = usage::bases_for(site, plan, year);
  bases.external.clear();  // the placeholder units above bill no one
  for (const auto& w : bases.warnings) {
    if (w.find("external_rate") == std::string::npos) {
      findings.push_back({true, "plan " + std::to_string(plan.year) + ": " + w});
    }
  }
  return bases;
}

bool keyed_on_enrollments(const allocation::Plan& plan, const std::string& part) {
  for (const auto& p : plan.parts) {
    if (p.name == part) {
      return p.key == allocation::Key::enrollments ||
             p.remainder_key == allocation::Key::enrollments;
    }
  }
  return false;
}

void check_plan(const config::Site& site, const config::PlanSource& plan, protocol::Date today,
                std::vector<Finding>& findings) {
  const std::string year = std::to_string(plan.year);
  const auto bases = site_bases(site, plan, findings);
  const auto provisional = allocation::provisional(plan.plan, bases.members);
  if (const auto* e = std::get_if<allocation::AllocationError>(&provisional)) {
    findings.push_back(
        {true, "plan " + year + ": the a-konto cannot be computed: " + describe(*e)});
    return;
  }
  const auto final =
      allocation::allocate(plan.plan, bases.members, allocation::Amounts::actual_else_budget);
  if (const auto* e = std::get_if<allocation::AllocationError>(&final)) {
    const bool begun = static_cast<int>(today.year()) >= plan.year;
    const bool waits = keyed_on_enrollments(plan.plan, e->part) && !begun;
    findings.push_back({!waits, "plan " + year + ": " + describe(*e) +
                                    (waits ? " (the year has not begun: add its groups)" : "")});
  }
}

void check_rooms(const config::Site& site, std::vector<Finding>& findings) {
  for (const auto& device : site.devices) {
    auto room = rooms::build_room_config(site, device, {});
    room.rev = 1;  // publishing numbers it; the content is what is checked
    if (auto error = protocol::validate(room)) {
      findings.push_back({true, "the room config of device " + device.id +
                                    " would not be published: " + error->message()});
    }
  }
}

}  // namespace

std::vector<Finding> check_site(const config::Site& site, protocol::Date today) {
  std::vector<Finding> findings;
  if (site.broker.password_file && !std::ifstream(*site.broker.password_file)) {
    findings.push_back({true, "broker.password_file: cannot read " +
                                  site.broker.password_file->string() +
                                  " (serve needs it to connect)"});
  }
  check_rooms(site, findings);
  for (const auto& plan : site.plans) {
    check_plan(site, plan, today, findings);
  }
  return findings;
}

}  // namespace tavla::host::app
