// Which roster tiles to show: sorted by display name, and filtered by what
// was typed into the search (any word of the name starting with it, without
// regard to case, so "ås" finds "Åse E.").
#pragma once

#include <string_view>
#include <vector>

#include "tavla/kiosk/snapshot.hpp"

namespace tavla::ui {

[[nodiscard]] bool name_matches(std::string_view display_name, std::string_view query);
[[nodiscard]] std::vector<const kiosk::RosterEntry*> visible_roster(
    const std::vector<kiosk::RosterEntry>& roster, std::string_view query);

}  // namespace tavla::ui
