// The little UTF-8 the UI needs: text fields hold UTF-8 (æøå are two bytes
// each), and backspace removes one character, never half of one.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tavla::ui::utf8 {

// Code points of valid UTF-8; an invalid byte becomes U+FFFD.
[[nodiscard]] std::vector<char32_t> decode(std::string_view text);
[[nodiscard]] std::string encode(char32_t code_point);
// Removes the last character (no-op on an empty string).
void pop_back(std::string& text);
[[nodiscard]] std::size_t length(std::string_view text);  // in characters
// Lower case for the letters a Norwegian keyboard has (ASCII, æøå, ÆØÅ,
// and Latin-1 accented letters); other characters are returned unchanged.
[[nodiscard]] char32_t to_lower(char32_t c);
[[nodiscard]] char32_t to_upper(char32_t c);
[[nodiscard]] std::string to_lower(std::string_view text);

}  // namespace tavla::ui::utf8
