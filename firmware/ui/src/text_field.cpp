#include "tavla/ui/text_field.hpp"

#include "tavla/ui/utf8.hpp"

namespace tavla::ui {

bool TextField::insert(std::string_view utf8_text) {
  bool added = false;
  for (const char32_t c : utf8::decode(utf8_text)) {
    if (c == U'\r') {
      continue;
    }
    if (c == U'\n' ? !multiline : (c < 0x20 || c == 0x7F || c == 0xFFFD)) {
      continue;
    }
    const auto bytes = utf8::encode(c);
    if (text.size() + bytes.size() > max_bytes) {
      break;
    }
    text += bytes;
    added = true;
  }
  return added;
}

void TextField::backspace() {
  utf8::pop_back(text);
}

bool TextField::is_blank() const {
  return text.find_first_not_of(" \t\n") == std::string::npos;
}

}  // namespace tavla::ui
