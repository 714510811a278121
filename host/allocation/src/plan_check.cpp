#include "plan_check.hpp"

#include <map>
#include <set>
#include <string>
#include <string_view>

namespace tavla::allocation::detail {
namespace {

std::string quoted(std::string_view name) {
  return "\"" + std::string(name) + "\"";
}

std::optional<AllocationError> check_names(const Part& part,
                                           const std::map<std::string, Quantity>& quantities,
                                           std::string_view what,
                                           const std::set<std::string_view>& members) {
  for (const auto& [municipality, quantity] : quantities) {
    if (!members.contains(municipality)) {
      return AllocationError{part.name, "Part " + quoted(part.name) + " gives " +
                                            std::string(what) + " to " + quoted(municipality) +
                                            ", which is not a member municipality this year. "
                                            "Correct the name or remove it."};
    }
  }
  return std::nullopt;
}

std::optional<AllocationError> check_rate(const Part& part) {
  const std::string subject = "Part " + quoted(part.name);
  if (part.rate_per_hour && part.key != Key::purchases) {
    return AllocationError{part.name, subject +
                                          " has a rate per hour, but only a part split by "
                                          "purchases can have one. Split it by purchases, "
                                          "or remove the rate."};
  }
  if (part.rate_per_hour && !part.remainder_key) {
    return AllocationError{part.name, subject +
                                          " has a rate per hour but no remainder key: say "
                                          "by which key the rest of the part is shared."};
  }
  if (part.remainder_key && !part.rate_per_hour) {
    return AllocationError{part.name, subject +
                                          " has a remainder key but no rate per hour: give "
                                          "the rate, or remove the remainder key."};
  }
  if (part.rate_per_hour && *part.rate_per_hour < 0) {
    return AllocationError{part.name, subject + " has a negative rate per hour (" +
                                          format_nok_table(*part.rate_per_hour, NumberLocale::en) +
                                          " NOK). Correct the rate."};
  }
  return std::nullopt;
}

std::optional<AllocationError> check_part(const Part& part,
                                          const std::set<std::string_view>& members) {
  if (auto error = check_rate(part)) {
    return error;
  }
  if (!part.planned.empty() && !is_consumption(part.key)) {
    return AllocationError{
        part.name, "Part " + quoted(part.name) + " is split by " +
                       std::string(to_string(part.key)) +
                       ", not by consumption, so its planned units would never be used. Remove "
                       "them."};
  }
  if (auto error = check_names(part, part.weights, "a weight", members)) {
    return error;
  }
  return check_names(part, part.planned, "planned units", members);
}

}  // namespace

std::optional<AllocationError> check_plan(const Plan& plan,
                                          const std::vector<MemberBasis>& members) {
  std::set<std::string_view> member_ids;
  for (const MemberBasis& member : members) {
    if (!member_ids.insert(member.municipality).second) {
      return AllocationError{"", "The municipality " + quoted(member.municipality) +
                                     " is listed twice among the members. List it once."};
    }
  }
  if (members.empty() && !plan.parts.empty()) {
    return AllocationError{"", "The plan has no member municipalities to share its costs."};
  }
  std::set<std::string_view> part_names;
  for (const Part& part : plan.parts) {
    if (!part_names.insert(part.name).second) {
      return AllocationError{part.name, "Two parts of the plan are named " + quoted(part.name) +
                                            ". Give each part its own name."};
    }
    if (auto error = check_part(part, member_ids)) {
      return error;
    }
  }
  return std::nullopt;
}

}  // namespace tavla::allocation::detail
