// Where people type: a text field with the on-screen keyboard under it,
// and the PIN pad. Both also take a hardware keyboard's input (development).
#pragma once

#include <optional>

#include "tavla/ui/keyboard.hpp"
#include "tavla/ui/pin_entry.hpp"
#include "tavla/ui/text_field.hpp"
#include "tavla/ui/ui.hpp"
#include "tavla/ui/widgets.hpp"

namespace tavla::ui {

// The field's text in a box `size` big at the cursor, with a caret, or the
// hint when empty; registered as `id` with the text as its label.
void text_field_view(Ui& ui, const std::string& id, const TextField& field, std::string_view hint,
                     ImVec2 size);

// The on-screen keyboard filling `size` at the cursor; presses go straight
// into `field`. Returns whether the text changed (hardware input included).
bool keyboard_view(Ui& ui, const KeyboardLayout& layout, KeyboardState& state, TextField& field,
                   ImVec2 size);

// The height the keyboard needs at this display size.
[[nodiscard]] float keyboard_height(const Ui& ui);

enum class PinPadResult { none, changed, submit };

// Dots for the digits typed so far, then a 3×4 pad filling `size`: 1–9,
// ⌫, 0, OK. Ids "pin.0" … "pin.9", "pin.back", "pin.ok".
PinPadResult pin_pad_view(Ui& ui, PinEntry& pin, ImVec2 size);

}  // namespace tavla::ui
