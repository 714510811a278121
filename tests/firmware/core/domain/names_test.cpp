// Commands' and refusals' stable names: derived from the types, unique, and
// no silent name for a value that is not one.
#include <gtest/gtest.h>

#include <set>
#include <stdexcept>
#include <utility>

#include "tavla/kiosk/commands.hpp"
#include "tavla/kiosk/refusal.hpp"

namespace tavla::kiosk {
namespace {

// One default-made command of each alternative of the variant.
template <std::size_t... I>
std::vector<Command> one_of_each(std::index_sequence<I...> /*alternatives*/) {
  return {Command{std::in_place_index<I>}...};
}

std::vector<Command> every_command() {
  return one_of_each(std::make_index_sequence<std::variant_size_v<Command>>{});
}

TEST(CommandNames, AreTheTypesNamesAndUnique) {
  std::set<std::string_view> names;
  for (const auto& command : every_command()) {
    const auto name = name_of(command);
    EXPECT_FALSE(name.empty());
    EXPECT_TRUE(names.insert(name).second) << name << " twice";
  }
  EXPECT_EQ(names.size(), std::variant_size_v<Command>);
  EXPECT_EQ(name_of(OpenSession{}), "open");
  EXPECT_EQ(name_of(CheckInByPin{}), "check_in_pin");
  EXPECT_EQ(name_of(MarkActionDone{}), "action_done");
}

TEST(CommandNames, ThoseWithAPinAreFoundFromTheirFields) {
  std::set<std::string_view> with_pin;
  for (const auto& command : every_command()) {
    if (carries_pin(command)) {
      with_pin.insert(name_of(command));
    }
  }
  EXPECT_EQ(with_pin,
            (std::set<std::string_view>{"open", "close", "check_in_pin", "correct", "lead"}));
}

// The lockout's key is the person the command names, never the PIN.
TEST(CommandNames, APinsOwnerIsThePersonNamedWithIt) {
  EXPECT_EQ(pin_owner(CheckInByPin{"s", "p-2", "4321"}), "p-2");
  EXPECT_EQ(pin_owner(OpenSession{"gv", "p-lead", "1234", {}, {}}), "p-lead");
  EXPECT_EQ(pin_owner(CorrectAttendance{"s", "p-1", true, "p-lead", "1234"}), "p-lead");
  EXPECT_EQ(pin_owner(CheckIn{"s", "p-1"}), std::nullopt);
}

TEST(RefusalNames, AValueOutsideTheEnumerationIsNoName) {
  EXPECT_EQ(to_string(RefusalCode::no_config), "no_config");
  EXPECT_EQ(to_string(RefusalCode::storage_failed), "storage_failed");
  EXPECT_THROW((void)to_string(static_cast<RefusalCode>(1000)), std::invalid_argument);
}

}  // namespace
}  // namespace tavla::kiosk
