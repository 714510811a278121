#include "tavla/ui/keyboard.hpp"

#include "tavla/ui/utf8.hpp"

namespace tavla::ui {
namespace {

KeyDef character(char32_t c) {
  return {KeyKind::character, c, 1};
}

std::vector<KeyDef> characters(std::u32string_view chars) {
  std::vector<KeyDef> row;
  for (const char32_t c : chars) {
    row.push_back(character(c));
  }
  return row;
}

bool is_letter(char32_t c) {
  return utf8::to_upper(c) != c;
}

}  // namespace

std::string KeyDef::id() const {
  switch (kind) {
    case KeyKind::shift:
      return "osk.shift";
    case KeyKind::backspace:
      return "osk.backspace";
    case KeyKind::space:
      return "osk.space";
    case KeyKind::enter:
      return "osk.enter";
    case KeyKind::character:
      break;
  }
  return "osk.key." + utf8::encode(character);
}

KeyboardLayout norwegian_layout(bool multiline) {
  KeyboardLayout layout;
  auto digits = characters(U"1234567890");
  digits.push_back({KeyKind::backspace, 0, 1.5F});
  layout.rows.push_back(std::move(digits));
  layout.rows.push_back(characters(U"qwertyuiopå"));
  layout.rows.push_back(characters(U"asdfghjkløæ"));
  auto third = characters(U"zxcvbnm,.-");
  third.insert(third.begin(), {KeyKind::shift, 0, 1.5F});
  layout.rows.push_back(std::move(third));
  std::vector<KeyDef> last = characters(U"?!:");
  last.push_back({KeyKind::space, U' ', multiline ? 5.F : 6.5F});
  last.push_back(character(U'/'));
  last.push_back(character(U'@'));
  if (multiline) {
    last.push_back({KeyKind::enter, U'\n', 1.5F});
  }
  layout.rows.push_back(std::move(last));
  return layout;
}

bool press_key(const KeyDef& key, KeyboardState& state, TextField& field) {
  switch (key.kind) {
    case KeyKind::shift:
      state.shift = !state.shift;
      return false;
    case KeyKind::backspace: {
      const bool had = !field.text.empty();
      field.backspace();
      return had;
    }
    case KeyKind::space:
      return field.insert(" ");
    case KeyKind::enter:
      return field.insert("\n");
    case KeyKind::character:
      break;
  }
  const char32_t c = state.shift ? utf8::to_upper(key.character) : key.character;
  if (is_letter(key.character)) {
    state.shift = false;
  }
  return field.insert(utf8::encode(c));
}

std::string key_label(const KeyDef& key, const KeyboardState& state) {
  switch (key.kind) {
    case KeyKind::shift:
      return "\u21E7";  // ⇧
    case KeyKind::backspace:
      return "\u232B";  // ⌫
    case KeyKind::enter:
      return "\u23CE";  // ⏎
    case KeyKind::space:
      return "";
    case KeyKind::character:
      break;
  }
  return utf8::encode(state.shift ? utf8::to_upper(key.character) : key.character);
}

std::optional<std::vector<std::string>> key_ids_for(const KeyboardLayout& layout, char32_t c) {
  const char32_t lower = utf8::to_lower(c);
  for (const auto& row : layout.rows) {
    for (const auto& key : row) {
      const bool matches = (key.kind == KeyKind::character && key.character == lower) ||
                           (key.kind == KeyKind::space && c == U' ') ||
                           (key.kind == KeyKind::enter && c == U'\n');
      if (!matches) {
        continue;
      }
      if (lower != c) {
        return std::vector<std::string>{"osk.shift", key.id()};
      }
      return std::vector<std::string>{key.id()};
    }
  }
  return std::nullopt;
}

}  // namespace tavla::ui
