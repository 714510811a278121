#include "tavla/host/config/site.hpp"

#include <algorithm>
#include <array>
#include <iterator>

namespace tavla::host::config {
namespace {

template <class T>
const T* find_by_id(const std::vector<T>& items, std::string_view id) {
  const auto it = std::find_if(items.begin(), items.end(), [&](const T& x) { return x.id == id; });
  return it == items.end() ? nullptr : &*it;
}

}  // namespace

bool Municipality::is_member_in(int year) const {
  if (!member) {
    return false;
  }
  const protocol::Date first{std::chrono::year{year}, std::chrono::January, std::chrono::day{1}};
  const protocol::Date last{std::chrono::year{year}, std::chrono::December, std::chrono::day{31}};
  if (member_from && *member_from > last) {
    return false;
  }
  if (member_until && *member_until < first) {
    return false;
  }
  return true;
}

const GroupMember* SiteGroup::member(std::string_view participant) const {
  const auto it = std::find_if(members.begin(), members.end(),
                               [&](const GroupMember& m) { return m.participant == participant; });
  return it == members.end() ? nullptr : &*it;
}

const Municipality* Site::municipality(std::string_view key) const {
  return find_by_id(municipalities, key);
}
const Org* Site::org(std::string_view key) const {
  return find_by_id(orgs, key);
}
const Device* Site::device(std::string_view key) const {
  return find_by_id(devices, key);
}
const SiteGroup* Site::group(std::string_view key) const {
  return find_by_id(groups, key);
}

const PlanSource* Site::plan(int year) const {
  const auto it =
      std::find_if(plans.begin(), plans.end(), [&](const PlanSource& p) { return p.year == year; });
  return it == plans.end() ? nullptr : &*it;
}

std::optional<std::string> Municipality::number_in(int year) const {
  const auto it = numbers.upper_bound(year);
  if (it == numbers.begin()) {
    return std::nullopt;
  }
  return std::prev(it)->second;
}

bool is_org_number(std::string_view digits) {
  constexpr std::array<int, 8> kWeights = {3, 2, 7, 6, 5, 4, 3, 2};
  if (digits.size() != 9 ||
      !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return false;
  }
  int sum = 0;
  for (std::size_t i = 0; i < kWeights.size(); ++i) {
    sum += (digits[i] - '0') * kWeights[i];
  }
  const int check = (11 - sum % 11) % 11;  // 10 cannot be written: no such number
  return check != 10 && check == digits[8] - '0';
}

std::optional<std::int64_t> Site::population_of(const Municipality& m, const PlanSource& plan) {
  const std::string label = plan.population_label.value_or("");
  const auto it = m.population.find(label);
  if (it != m.population.end()) {
    return it->second;
  }
  // A single unlabelled count serves every plan.
  if (m.population.size() == 1 && m.population.begin()->first.empty()) {
    return m.population.begin()->second;
  }
  return std::nullopt;
}

std::int64_t Site::population_for(const Municipality& m, const PlanSource& plan) {
  return population_of(m, plan).value_or(0);
}

}  // namespace tavla::host::config
