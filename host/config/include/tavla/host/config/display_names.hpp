// The names a room's screen shows. A display_name is a first name and
// initials ("Kari N."); when two members of a group have the same one, the
// screen could not tell them apart and the wrong foster home would be
// checked in, so the host adds a number it chooses ("Kari N. (1)", "Kari N.
// (2)", in the order of the member list), never the municipality or foster
// home. `check` warns about such collisions and about display names that
// look like full names.
#pragma once

#include <string>
#include <vector>

#include "tavla/host/config/site.hpp"

namespace tavla::host::config {

// Each member's name on the screen, in the order of `members`.
[[nodiscard]] std::vector<std::string> screen_names(const std::vector<GroupMember>& members);

// Whether `display_name` says more than a first name and initials: after
// its first word, a word that is not one letter (with or without a dot).
[[nodiscard]] bool looks_like_full_name(const std::string& display_name);

// "group gv-1: display_name 'Kari N.' of p-1, p-7: shown as 'Kari N. (1)', ...",
// "group gv-1: p-3: display_name 'Liv Hansen' looks like a full name ...".
[[nodiscard]] std::vector<std::string> display_name_warnings(const Site& site);

}  // namespace tavla::host::config
