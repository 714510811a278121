// A script's actions as real SDL events, pushed into SDL's queue so they
// take the same path as a finger on the screen.
#pragma once

#include <cstdint>

#include "tavla/ui/geometry.hpp"
#include "tavla/ui/touch_script.hpp"

namespace tavla::ui::platform {

// One overload per input action of a touch script (the loop takes the
// screenshots itself); the loop visits an Action with these.
void push_script_action(const touch_script::PointerAction& action, std::uint32_t window_id,
                        Size display);
void push_script_action(const touch_script::TextAction& action, std::uint32_t window_id,
                        Size display);
void push_script_action(const touch_script::KeyAction& action, std::uint32_t window_id,
                        Size display);

}  // namespace tavla::ui::platform
