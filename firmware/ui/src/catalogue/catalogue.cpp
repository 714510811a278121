#include "tavla/ui/catalogue.hpp"

#include <algorithm>

#include "tables.hpp"

namespace tavla::ui {
namespace {

constexpr std::array<std::string_view, kTextCount> kKeyNames{
#define TAVLA_UI_TEXT_NAME(key) #key,  // NOLINT(cppcoreguidelines-macro-usage)
    TAVLA_UI_TEXTS(TAVLA_UI_TEXT_NAME)
#undef TAVLA_UI_TEXT_NAME
};

void fill(std::array<std::string_view, kTextCount>& texts, std::span<const CatalogueEntry> table) {
  for (const auto& entry : table) {
    texts.at(static_cast<std::size_t>(entry.key)) = entry.text;
  }
}

}  // namespace

std::string_view key_name(T key) {
  return kKeyNames.at(static_cast<std::size_t>(key));
}

std::string_view code_of(Language language) {
  switch (language) {
    case Language::nn:
      return "nn";
    case Language::en:
      return "en";
    case Language::nb:
      break;
  }
  return "nb";
}

std::span<const CatalogueEntry> catalogue_entries(Language language) {
  switch (language) {
    case Language::nn:
      return catalogue::nynorsk();
    case Language::en:
      return catalogue::english();
    case Language::nb:
      break;
  }
  return catalogue::bokmal();
}

Catalogue::Catalogue(Language language) : language_(language) {
  fill(texts_, catalogue::bokmal());
  if (language != Language::nb) {
    fill(texts_, catalogue_entries(language));
  }
}

std::string_view Catalogue::operator()(T key) const {
  return texts_.at(static_cast<std::size_t>(key));
}

std::string Catalogue::format(T key, std::initializer_list<Arg> args) const {
  return substitute((*this)(key), args);
}

std::string substitute(std::string_view pattern, std::initializer_list<Arg> args) {
  std::string out;
  std::size_t i = 0;
  while (i < pattern.size()) {
    if (pattern[i] == '{') {
      const auto close = pattern.find('}', i);
      if (close != std::string_view::npos) {
        const auto name = pattern.substr(i + 1, close - i - 1);
        const auto* arg =
            std::find_if(args.begin(), args.end(), [&](const Arg& a) { return a.first == name; });
        if (arg != args.end()) {
          out += arg->second;
          i = close + 1;
          continue;
        }
      }
    }
    out += pattern[i];
    ++i;
  }
  return out;
}

}  // namespace tavla::ui
