// The on-screen keyboard, text fields, PIN entry and the roster search as
// plain logic: what each key press does, without a window.
#include <gtest/gtest.h>

#include "tavla/ui/keyboard.hpp"
#include "tavla/ui/pin_entry.hpp"
#include "tavla/ui/roster_filter.hpp"
#include "tavla/ui/text_field.hpp"
#include "tavla/ui/utf8.hpp"

namespace tavla::ui {
namespace {

const KeyDef* find_key(const KeyboardLayout& layout, const std::string& id) {
  for (const auto& row : layout.rows) {
    for (const auto& key : row) {
      if (key.id() == id) {
        return &key;
      }
    }
  }
  return nullptr;
}

void press(const KeyboardLayout& layout, const std::string& id, KeyboardState& state,
           TextField& field) {
  const auto* key = find_key(layout, id);
  ASSERT_NE(key, nullptr) << id;
  press_key(*key, state, field);
}

TEST(Keyboard, HasTheNorwegianLettersInTheirPlaces) {
  const auto layout = norwegian_layout(false);
  ASSERT_EQ(layout.rows.size(), 5U);
  EXPECT_EQ(layout.rows[1].back().character, U'å');  // after p
  EXPECT_EQ(layout.rows[2][9].character, U'ø');      // after l
  EXPECT_EQ(layout.rows[2][10].character, U'æ');
  EXPECT_EQ(find_key(layout, "osk.enter"), nullptr);  // one line: no return key
  EXPECT_NE(find_key(norwegian_layout(true), "osk.enter"), nullptr);
}

TEST(Keyboard, ShiftCapitalisesOneLetter) {
  const auto layout = norwegian_layout(false);
  KeyboardState state;
  TextField field;
  press(layout, "osk.shift", state, field);
  EXPECT_EQ(key_label(*find_key(layout, "osk.key.å"), state), "Å");
  press(layout, "osk.key.å", state, field);
  press(layout, "osk.key.s", state, field);
  press(layout, "osk.key.e", state, field);
  EXPECT_EQ(field.text, "Åse");
  EXPECT_FALSE(state.shift);
}

TEST(Keyboard, BackspaceRemovesAWholeCharacter) {
  const auto layout = norwegian_layout(false);
  KeyboardState state;
  TextField field;
  field.insert("bær");
  press(layout, "osk.backspace", state, field);
  press(layout, "osk.backspace", state, field);
  EXPECT_EQ(field.text, "b");  // "æ" is two bytes, removed as one character
}

TEST(Keyboard, ScriptTypesThroughTheKeys) {
  const auto layout = norwegian_layout(true);
  EXPECT_EQ(key_ids_for(layout, U'ø'), (std::vector<std::string>{"osk.key.ø"}));
  EXPECT_EQ(key_ids_for(layout, U'Æ'), (std::vector<std::string>{"osk.shift", "osk.key.æ"}));
  EXPECT_EQ(key_ids_for(layout, U' '), (std::vector<std::string>{"osk.space"}));
  EXPECT_EQ(key_ids_for(layout, U'\n'), (std::vector<std::string>{"osk.enter"}));
  EXPECT_FALSE(key_ids_for(layout, U'€').has_value());
}

TEST(TextField, KeepsWithinItsLimitAndDropsControlCharacters) {
  TextField field{.max_bytes = 5};
  field.insert("ab\x01\tcæøå");
  EXPECT_EQ(field.text, "abcæ");  // 5 bytes; ø would not fit whole
  TextField lines{.max_bytes = 50, .multiline = true};
  lines.insert("a\nb\r\n");
  EXPECT_EQ(lines.text, "a\nb\n");
  TextField one_line;
  one_line.insert("a\nb");
  EXPECT_EQ(one_line.text, "ab");
  EXPECT_TRUE(TextField{.text = " \n "}.is_blank());
}

TEST(PinEntry, TakesDigitsOnlyUpToTheMaximum) {
  PinEntry pin;
  for (const char c : std::string("12a3456789")) {
    pin.press_digit(c);
  }
  EXPECT_EQ(pin.digits, "12345678");
  pin.backspace();
  EXPECT_EQ(pin.digits, "1234567");
  EXPECT_TRUE(pin.ready());
  pin.clear();
  EXPECT_TRUE(pin.digits.empty());
  EXPECT_FALSE(pin.ready());
}

TEST(RosterFilter, MatchesAnyWordStartIgnoringCase) {
  EXPECT_TRUE(name_matches("Åse E.", "ås"));
  EXPECT_TRUE(name_matches("Åse E.", "e."));
  EXPECT_TRUE(name_matches("Kari N.", " KA "));
  EXPECT_FALSE(name_matches("Kari N.", "ari"));
  EXPECT_TRUE(name_matches("Kari N.", ""));
  const std::vector<kiosk::RosterEntry> roster{{"p-3", "Ola H.", false, false},
                                               {"p-1", "åse E.", false, false},
                                               {"p-2", "Kari N.", false, false}};
  const auto shown = visible_roster(roster, "");
  ASSERT_EQ(shown.size(), 3U);
  EXPECT_EQ(shown[0]->participant, "p-2");  // sorted by name
  EXPECT_EQ(visible_roster(roster, "o").size(), 1U);
}

TEST(Utf8, DecodesEncodesAndChangesCase) {
  EXPECT_EQ(utf8::decode("aæ€"), (std::vector<char32_t>{U'a', U'æ', U'€'}));
  EXPECT_EQ(utf8::encode(U'ø'), "ø");
  EXPECT_EQ(utf8::length("blåbær"), 6U);
  EXPECT_EQ(utf8::to_lower("ÆØÅ Ola"), "æøå ola");
  EXPECT_EQ(utf8::decode("\xC3"), std::vector<char32_t>{0xFFFD});  // truncated
}

}  // namespace
}  // namespace tavla::ui
