// The UI's own state, beside the core's snapshot: where the user is, what
// they are typing, the confirmation on screen. Plain structs owned by
// KioskUi and handed to the screens by reference; nothing static.
#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "tavla/kiosk/kiosk.hpp"
#include "tavla/ui/intents.hpp"
#include "tavla/ui/keyboard.hpp"
#include "tavla/ui/pin_entry.hpp"
#include "tavla/ui/text_field.hpp"

namespace tavla::ui {

using SteadyTime = std::chrono::steady_clock::time_point;

// The message at the bottom of the screen that clears itself.
struct Banner {
  enum class Kind { welcome, info, error };
  Kind kind = Kind::info;
  std::string text;
  SteadyTime until{};
  // After a check-in: whom "Angre" withdraws.
  std::optional<kiosk::UndoCheckIn> undo;
};

struct CheckInView {
  bool searching = false;
  TextField search{.max_bytes = 64};
  KeyboardState keyboard;
};

struct PinView {
  PinEntry pin;
  std::string person;  // the leader who tapped their name (leader PIN screen)
  bool wrong = false;  // the last attempt was wrong
};

struct LeaderView {
  enum class Mode { main, choose_group, choose_agenda, choose_length, confirm_close, who_is_here };
  Mode mode = Mode::main;
  std::optional<kiosk::LeaderInfo> leader;
  // Kept only while the leader screen is open (the core checks it with
  // every open and close); wiped when the screen is left or times out.
  std::string pin;
  std::string group;                  // chosen for opening
  std::optional<std::string> agenda;  // chosen for opening (network meetings)
  std::string session;                // chosen for closing or listing
};

struct MeetingView {
  enum class Mode {
    main,
    decision,      // typing a decision
    action_text,   // typing an action
    action_owner,  // owner and due date of the action
    add_item,      // typing an item's title, choosing its minutes
    confirm_retract,
    open_actions,
    confirm_skip,  // a row tap past pending items: skip them? (`item` is the row)
  };
  Mode mode = Mode::main;
  TextField text{.max_bytes = 2000, .multiline = true};
  KeyboardState keyboard;
  std::string item;   // the item a decision or action goes under
  std::string owner;  // participant id
  std::optional<kiosk::Date> due;
  std::uint64_t minutes = 10;
  std::string target;  // what "retract" withdraws
  // Taking the meeting: the leader who tapped their name, and the PIN.
  std::string lead_person;
  PinEntry lead_pin;
};

struct AdminView {
  enum class Mode { facts, rejected };  // the device's facts, or what the host refused
  Mode mode = Mode::facts;
};

struct UiState {
  Route route;
  std::optional<Language> language_override;  // chosen on the admin screen
  std::optional<Banner> banner;
  CheckInView check_in;
  PinView pin;
  LeaderView leader;
  MeetingView meeting;
  AdminView admin;
  SteadyTime last_input{};
};

}  // namespace tavla::ui
