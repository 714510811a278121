#include "tavla/host/config/display_names.hpp"

#include <map>
#include <sstream>

namespace tavla::host::config {
namespace {

// Code points in `word` (UTF-8: every byte that does not continue one).
std::size_t code_points(std::string_view word) {
  std::size_t n = 0;
  for (const char c : word) {
    n += (static_cast<unsigned char>(c) & 0xC0U) != 0x80U ? 1 : 0;
  }
  return n;
}

bool is_initial(std::string_view word) {
  if (word.ends_with('.')) {
    word.remove_suffix(1);
  }
  return code_points(word) == 1;
}

// Members (their indexes) per display name, for the names shared.
std::map<std::string, std::vector<std::size_t>> collisions(
    const std::vector<GroupMember>& members) {
  std::map<std::string, std::vector<std::size_t>> by_name;
  for (std::size_t i = 0; i < members.size(); ++i) {
    by_name[members[i].display_name].push_back(i);
  }
  std::erase_if(by_name, [](const auto& entry) { return entry.second.size() < 2; });
  return by_name;
}

}  // namespace

std::vector<std::string> screen_names(const std::vector<GroupMember>& members) {
  std::vector<std::string> names;
  for (const auto& m : members) {
    names.push_back(m.display_name);
  }
  for (const auto& [name, shared_by] : collisions(members)) {
    for (std::size_t n = 0; n < shared_by.size(); ++n) {
      names[shared_by[n]] = name + " (" + std::to_string(n + 1) + ")";
    }
  }
  return names;
}

bool looks_like_full_name(const std::string& display_name) {
  std::istringstream words(display_name);
  std::string word;
  words >> word;  // the first name
  while (words >> word) {
    if (!is_initial(word)) {
      return true;
    }
  }
  return false;
}

std::vector<std::string> display_name_warnings(const Site& site) {
  std::vector<std::string> warnings;
  for (const auto& g : site.groups) {
    const auto shown = screen_names(g.members);
    for (const auto& [name, shared_by] : collisions(g.members)) {
      std::string text = "group " + g.id + ": display_name '" + name + "' is shared by";
      for (const auto i : shared_by) {
        text += " " + g.members[i].participant + (i == shared_by.back() ? "" : ",");
      }
      text += "; the room's screen shows";
      for (const auto i : shared_by) {
        text += " '" + shown[i] + "'" + (i == shared_by.back() ? "" : ",");
      }
      warnings.push_back(text + " (give them distinct display names to choose the names)");
    }
    for (const auto& m : g.members) {
      if (looks_like_full_name(m.display_name)) {
        warnings.push_back("group " + g.id + ": " + m.participant + ": display_name '" +
                           m.display_name +
                           "' looks like a full name; the shared screen shows a first name and "
                           "initials (e.g. 'Kari N.')");
      }
    }
  }
  return warnings;
}

}  // namespace tavla::host::config
