// The text behind a field on the screen: UTF-8, limited in bytes (the
// protocol's limit for free text), edited by the on-screen keyboard or a
// hardware keyboard alike.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace tavla::ui {

struct TextField {
  std::string text;
  std::size_t max_bytes = 2000;
  bool multiline = false;

  // Appends what fits (whole characters only); newlines only if multiline,
  // control characters never. Returns whether anything was added.
  bool insert(std::string_view utf8);
  void backspace();
  void clear() { text.clear(); }
  [[nodiscard]] bool is_blank() const;  // empty or only white space
};

}  // namespace tavla::ui
