#include "tavla/ui/roster_filter.hpp"

#include <algorithm>

#include "tavla/ui/utf8.hpp"

namespace tavla::ui {

bool name_matches(std::string_view display_name, std::string_view query) {
  const auto q = utf8::to_lower(query);
  const auto trimmed_start = q.find_first_not_of(' ');
  if (trimmed_start == std::string::npos) {
    return true;
  }
  const auto needle = q.substr(trimmed_start, q.find_last_not_of(' ') - trimmed_start + 1);
  const auto name = utf8::to_lower(display_name);
  std::size_t word = 0;
  while (word < name.size()) {
    if (name.compare(word, needle.size(), needle) == 0) {
      return true;
    }
    const auto space = name.find(' ', word);
    if (space == std::string::npos) {
      break;
    }
    word = space + 1;
  }
  return false;
}

std::vector<const kiosk::RosterEntry*> visible_roster(const std::vector<kiosk::RosterEntry>& roster,
                                                      std::string_view query) {
  std::vector<const kiosk::RosterEntry*> out;
  for (const auto& entry : roster) {
    if (name_matches(entry.display_name, query)) {
      out.push_back(&entry);
    }
  }
  std::ranges::stable_sort(out, [](const auto* a, const auto* b) {
    return utf8::to_lower(a->display_name) < utf8::to_lower(b->display_name);
  });
  return out;
}

}  // namespace tavla::ui
