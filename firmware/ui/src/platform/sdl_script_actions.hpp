// A script's actions as real SDL events, pushed into SDL's queue so they
// take the same path as a finger on the screen.
#pragma once

#include <cstdint>

#include "tavla/ui/geometry.hpp"
#include "tavla/ui/touch_script.hpp"

namespace tavla::ui::platform {

void push_script_action(const touch_script::Action& action, std::uint32_t window_id, Size display);

}  // namespace tavla::ui::platform
