// Wire names of the protocol's enumerations and event types.
#include <array>
#include <type_traits>
#include <utility>

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
  return std::visit([](const auto& b) { return std::decay_t<decltype(b)>::kType; }, body);
}

namespace {

template <std::size_t... I>
constexpr auto type_names(std::index_sequence<I...> /*unused*/) {
  return std::array<std::string_view, sizeof...(I)>{
      std::variant_alternative_t<I, EventBody>::kType...};
}

constexpr auto kEventTypes = type_names(std::make_index_sequence<std::variant_size_v<EventBody>>{});

}  // namespace

std::span<const std::string_view> event_types() {
  return kEventTypes;
}

const std::string& session_of(const EventBody& body) {
  return std::visit([](const auto& b) -> const std::string& { return b.session; }, body);
}

}  // namespace tavla::protocol
