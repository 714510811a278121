// What a screen returns: the user's intents. Screens never call the core;
// the app applies intents (KioskUi::apply) after the frame is built, so a
// screen is a function of the snapshot and its own view state.
#pragma once

#include <string>
#include <variant>
#include <vector>

#include "tavla/kiosk/commands.hpp"
#include "tavla/ui/catalogue.hpp"

namespace tavla::ui {

enum class Screen {
  home,
  privacy,
  check_in,    // session: the roster of this session
  member_pin,  // session, participant: a member with a PIN
  guest,       // session: municipality (or org) picker
  leader_pin,
  leader,
  meeting,  // session: a network meeting's agenda and minutes
  admin_pin,
  admin,
};

struct Route {
  Screen screen = Screen::home;
  std::string session;
  std::string participant;
  // Where "back" (and a guest's check-in) returns: the check-in screen, or
  // the leader screen when a leader adds a walk-in.
  Screen back = Screen::home;
  bool operator==(const Route&) const = default;
};

struct Go {
  Route route;
};
// A command for the core, as the screen built it.
struct Execute {
  kiosk::Command command;
};
struct VerifyLeaderPin {
  std::string leader;  // the participant who named themself
  std::string pin;
};
struct VerifyAdminPin {
  std::string pin;
};
struct SetLanguage {
  Language language;
};
struct DismissBanner {};
struct QuitApp {};

using Intent =
    std::variant<Go, Execute, VerifyLeaderPin, VerifyAdminPin, SetLanguage, DismissBanner, QuitApp>;
using Intents = std::vector<Intent>;

}  // namespace tavla::ui
