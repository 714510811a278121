// The on-screen keyboard: a Norwegian layout (æ ø å in their places) and
// what a key press does to a text field. Drawing is in keyboard_view; this
// part is plain logic, tested without a window.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "tavla/ui/text_field.hpp"

namespace tavla::ui {

enum class KeyKind { character, shift, backspace, space, enter };

struct KeyDef {
  KeyKind kind = KeyKind::character;
  char32_t character = 0;                // lower case for letters
  float width = 1;                       // in key units
  [[nodiscard]] std::string id() const;  // "osk.key.å", "osk.shift", "osk.space" …
  bool operator==(const KeyDef&) const = default;
};

struct KeyboardLayout {
  std::vector<std::vector<KeyDef>> rows;
};

// Digits; q–å; a–æ; shift, z–m and punctuation; a wide space bar with a
// few punctuation keys, and ⏎ when the field takes several lines.
[[nodiscard]] KeyboardLayout norwegian_layout(bool multiline);

struct KeyboardState {
  bool shift = false;  // one-shot: the next letter is upper case
};

// Applies a key press; returns whether the text changed.
bool press_key(const KeyDef& key, KeyboardState& state, TextField& field);

// What the key shows in this state ("Å" under shift; "⌫", "⇧" …). The space
// bar's label comes from the catalogue and is not given here.
[[nodiscard]] std::string key_label(const KeyDef& key, const KeyboardState& state);

// The widget ids to tap to type `c` on `layout` (shift first for upper
// case), or nullopt if the layout has no key for it.
[[nodiscard]] std::optional<std::vector<std::string>> key_ids_for(const KeyboardLayout& layout,
                                                                  char32_t c);

}  // namespace tavla::ui
