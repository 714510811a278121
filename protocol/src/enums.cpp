// Wire names of the protocol's enumerations and event types.
#include <type_traits>

#include "tavla/protocol/event.hpp"
#include "tavla/protocol/room_config.hpp"

namespace tavla::protocol {

std::string_view to_string(SessionKind kind) {
  return kind == SessionKind::group_guidance ? "group_guidance" : "network_meeting";
}

std::optional<SessionKind> session_kind_from_string(std::string_view name) {
  if (name == "group_guidance") {
    return SessionKind::group_guidance;
  }
  if (name == "network_meeting") {
    return SessionKind::network_meeting;
  }
  return std::nullopt;
}

std::string_view to_string(CheckInMethod method) {
  switch (method) {
    case CheckInMethod::roster:
      return "roster";
    case CheckInMethod::pin:
      return "pin";
    case CheckInMethod::guest:
      return "guest";
  }
  return "unknown";
}

std::optional<CheckInMethod> check_in_method_from_string(std::string_view name) {
  for (const auto method : {CheckInMethod::roster, CheckInMethod::pin, CheckInMethod::guest}) {
    if (to_string(method) == name) {
      return method;
    }
  }
  return std::nullopt;
}

std::string_view to_string(Locale locale) {
  switch (locale) {
    case Locale::nb:
      return "nb";
    case Locale::nn:
      return "nn";
    case Locale::en:
      return "en";
  }
  return "nb";
}

std::optional<Locale> locale_from_string(std::string_view name) {
  for (const auto locale : {Locale::nb, Locale::nn, Locale::en}) {
    if (to_string(locale) == name) {
      return locale;
    }
  }
  return std::nullopt;
}

std::string_view type_of(const EventBody& body) {
  return std::visit(
      [](const auto& b) -> std::string_view {
        using T = std::decay_t<decltype(b)>;
        if constexpr (std::is_same_v<T, SessionOpened>) {
          return "session.opened";
        } else if constexpr (std::is_same_v<T, SessionClosed>) {
          return "session.closed";
        } else if constexpr (std::is_same_v<T, CheckedIn>) {
          return "attendance.checked_in";
        } else if constexpr (std::is_same_v<T, CheckedOut>) {
          return "attendance.checked_out";
        } else if constexpr (std::is_same_v<T, ItemStarted>) {
          return "agenda.item_started";
        } else if constexpr (std::is_same_v<T, ItemFinished>) {
          return "agenda.item_finished";
        } else if constexpr (std::is_same_v<T, DecisionRecorded>) {
          return "minutes.decision";
        } else if constexpr (std::is_same_v<T, ActionRecorded>) {
          return "minutes.action";
        } else if constexpr (std::is_same_v<T, ActionDone>) {
          return "minutes.action_done";
        } else {
          static_assert(std::is_same_v<T, Retracted>);
          return "minutes.retracted";
        }
      },
      body);
}

const std::string& session_of(const EventBody& body) {
  return std::visit([](const auto& b) -> const std::string& { return b.session; }, body);
}

}  // namespace tavla::protocol
