// User-facing text in the kiosk's languages: bokmål (default), nynorsk and
// English. Texts may hold named placeholders, "Velkommen, {name}!", filled
// by format(). Nothing the screens show is written inline in code.
#pragma once

#include <array>
#include <span>
#include <string>
#include <string_view>
#include <utility>

#include "tavla/ui/texts.hpp"

namespace tavla::ui {

enum class Language { nb, nn, en };
inline constexpr std::array kLanguages{Language::nb, Language::nn, Language::en};
[[nodiscard]] std::string_view code_of(Language language);  // "nb", "nn", "en"

struct CatalogueEntry {
  T key;
  std::string_view text;
};

// A language's table as written (for the completeness test).
[[nodiscard]] std::span<const CatalogueEntry> catalogue_entries(Language language);

using Arg = std::pair<std::string_view, std::string>;

class Catalogue {
 public:
  explicit Catalogue(Language language);

  [[nodiscard]] Language language() const { return language_; }
  // The text for `key`; a key missing from the table (never, the test sees
  // to it) falls back to bokmål so the screen never shows a key name.
  [[nodiscard]] std::string_view operator()(T key) const;
  // The text with each {name} replaced by its argument.
  [[nodiscard]] std::string format(T key, std::initializer_list<Arg> args) const;

 private:
  Language language_;
  std::array<std::string_view, kTextCount> texts_{};
};

// Replaces {name} in `pattern`; unknown placeholders stay as written.
[[nodiscard]] std::string substitute(std::string_view pattern, std::initializer_list<Arg> args);

}  // namespace tavla::ui
