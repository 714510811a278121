// Every text in every language: no key missing or twice, none empty, and
// each translation has the same {placeholders} as bokmål.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "tavla/ui/catalogue.hpp"

namespace tavla::ui {
namespace {

std::set<std::string> placeholders(std::string_view text) {
  std::set<std::string> out;
  std::size_t open = text.find('{');
  while (open != std::string_view::npos) {
    const auto close = text.find('}', open);
    if (close == std::string_view::npos) {
      break;
    }
    out.emplace(text.substr(open + 1, close - open - 1));
    open = text.find('{', close);
  }
  return out;
}

class CatalogueOf : public ::testing::TestWithParam<Language> {};

TEST_P(CatalogueOf, HasEveryKeyOnceAndNoneEmpty) {
  std::map<T, int> seen;
  for (const auto& entry : catalogue_entries(GetParam())) {
    seen[entry.key] += 1;
    EXPECT_FALSE(entry.text.empty()) << key_name(entry.key);
    EXPECT_EQ(entry.text.find_first_not_of(" \n"), 0U) << key_name(entry.key) << " starts blank";
  }
  for (std::size_t i = 0; i < kTextCount; ++i) {
    const auto key = static_cast<T>(i);
    EXPECT_EQ(seen[key], 1) << key_name(key) << " in " << code_of(GetParam());
  }
}

TEST_P(CatalogueOf, HasTheSamePlaceholdersAsBokmal) {
  std::map<T, std::string_view> bokmal;
  for (const auto& entry : catalogue_entries(Language::nb)) {
    bokmal[entry.key] = entry.text;
  }
  for (const auto& entry : catalogue_entries(GetParam())) {
    EXPECT_EQ(placeholders(entry.text), placeholders(bokmal[entry.key])) << key_name(entry.key);
  }
}

INSTANTIATE_TEST_SUITE_P(Languages, CatalogueOf,
                         ::testing::Values(Language::nb, Language::nn, Language::en),
                         [](const auto& language) { return std::string(code_of(language.param)); });

TEST(Catalogue, LooksUpByLanguage) {
  EXPECT_EQ(Catalogue(Language::nb)(T::home_check_in), "Sjekk inn");
  EXPECT_EQ(Catalogue(Language::en)(T::home_check_in), "Check in");
  EXPECT_EQ(Catalogue(Language::nn)(T::home_for_leaders), "For leiarar");
}

TEST(Catalogue, FillsNamedPlaceholders) {
  const Catalogue nn(Language::nn);
  EXPECT_EQ(nn.format(T::checkin_welcome, {{"name", "Åse E."}}), "Velkomen, Åse E.!");
  EXPECT_EQ(substitute("{a} og {b}, {a}", {{"a", "x"}, {"b", "y"}}), "x og y, x");
  EXPECT_EQ(substitute("{unknown} stays", {{"a", "x"}}), "{unknown} stays");
  EXPECT_EQ(substitute("open { brace", {}), "open { brace");
}

}  // namespace
}  // namespace tavla::ui
