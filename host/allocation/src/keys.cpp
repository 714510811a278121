#include <array>
#include <utility>

#include "tavla/allocation/allocation.hpp"

namespace tavla::allocation {
namespace {

// The spelling of each key in the site configuration (`key = "…"`).
constexpr std::array<std::pair<Key, std::string_view>, 6> kKeyNames{{
    {Key::population, "population"},
    {Key::enrollments, "enrollments"},
    {Key::attendance, "attendance"},
    {Key::purchases, "purchases"},
    {Key::equal, "equal"},
    {Key::weights, "weights"},
}};

}  // namespace

std::string_view to_string(Key key) {
  for (const auto& [value, name] : kKeyNames) {
    if (value == key) {
      return name;
    }
  }
  return "population";
}

std::optional<Key> key_from_string(std::string_view name) {
  for (const auto& [value, known] : kKeyNames) {
    if (known == name) {
      return value;
    }
  }
  return std::nullopt;
}

bool is_consumption(Key key) {
  return key == Key::enrollments || key == Key::attendance || key == Key::purchases;
}

}  // namespace tavla::allocation
