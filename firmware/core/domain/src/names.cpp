// Stable names of refusal codes and commands, for logs, scripts and tests.
#include <stdexcept>
#include <string>
#include <type_traits>

#include "tavla/kiosk/commands.hpp"
#include "tavla/kiosk/refusal.hpp"

namespace tavla::kiosk {

// A switch without a default: a code added to RefusalCode and not named here
// is a compile error (-Wswitch, warnings are errors).
std::string_view to_string(RefusalCode code) {
  switch (code) {
    case RefusalCode::no_config:
      return "no_config";
    case RefusalCode::unknown_group:
      return "unknown_group";
    case RefusalCode::unknown_session:
      return "unknown_session";
    case RefusalCode::session_not_open:
      return "session_not_open";
    case RefusalCode::session_already_open:
      return "session_already_open";
    case RefusalCode::wrong_session_kind:
      return "wrong_session_kind";
    case RefusalCode::not_in_roster:
      return "not_in_roster";
    case RefusalCode::already_checked_in:
      return "already_checked_in";
    case RefusalCode::not_checked_in:
      return "not_checked_in";
    case RefusalCode::undo_window_passed:
      return "undo_window_passed";
    case RefusalCode::no_pin:
      return "no_pin";
    case RefusalCode::wrong_pin:
      return "wrong_pin";
    case RefusalCode::pins_locked:
      return "pins_locked";
    case RefusalCode::not_a_leader:
      return "not_a_leader";
    case RefusalCode::unknown_affiliation:
      return "unknown_affiliation";
    case RefusalCode::unknown_agenda:
      return "unknown_agenda";
    case RefusalCode::unknown_item:
      return "unknown_item";
    case RefusalCode::item_already_running:
      return "item_already_running";
    case RefusalCode::item_not_running:
      return "item_not_running";
    case RefusalCode::no_current_item:
      return "no_current_item";
    case RefusalCode::unknown_owner:
      return "unknown_owner";
    case RefusalCode::invalid_text:
      return "invalid_text";
    case RefusalCode::invalid_minutes:
      return "invalid_minutes";
    case RefusalCode::unknown_target:
      return "unknown_target";
    case RefusalCode::already_retracted:
      return "already_retracted";
    case RefusalCode::unknown_action:
      return "unknown_action";
    case RefusalCode::action_already_done:
      return "action_already_done";
    case RefusalCode::storage_failed:
      return "storage_failed";
    case RefusalCode::national_id:
      return "national_id";
    case RefusalCode::meeting_locked:
      return "meeting_locked";
    case RefusalCode::meeting_paused:
      return "meeting_paused";
    case RefusalCode::meeting_not_paused:
      return "meeting_not_paused";
    case RefusalCode::nothing_to_undo:
      return "nothing_to_undo";
  }
  // Only a value cast from outside the enumeration gets here.
  throw std::invalid_argument("not a RefusalCode: " + std::to_string(static_cast<int>(code)));
}

std::string_view name_of(const Command& command) {
  return std::visit([](const auto& c) { return std::decay_t<decltype(c)>::kName; }, command);
}

bool carries_pin(const Command& command) {
  return std::visit([](const auto& c) { return kCarriesPin<std::decay_t<decltype(c)>>; }, command);
}

std::optional<std::string> pin_owner(const Command& command) {
  return std::visit(
      [](const auto& c) -> std::optional<std::string> {
        using C = std::decay_t<decltype(c)>;
        if constexpr (kCarriesMemberPin<C>) {
          return c.participant;
        } else if constexpr (kCarriesLeaderPin<C>) {
          return c.leader;
        } else {
          return std::nullopt;
        }
      },
      command);
}

std::optional<std::string> pin_carried(const Command& command) {
  return std::visit(
      [](const auto& c) -> std::optional<std::string> {
        using C = std::decay_t<decltype(c)>;
        if constexpr (kCarriesMemberPin<C>) {
          return c.pin;
        } else if constexpr (kCarriesLeaderPin<C>) {
          return c.leader_pin;
        } else {
          return std::nullopt;
        }
      },
      command);
}

}  // namespace tavla::kiosk
