#include "tavla/ui/host_rejections.hpp"

#include <algorithm>
#include <array>

#include "tavla/protocol/error.hpp"
#include "tavla/protocol/messages.hpp"

namespace tavla::ui {
namespace {

// Switches without a default: a code added to the protocol and not given a
// text here does not compile (-Wswitch, warnings are errors).
T key_of(protocol::ErrorCode code) {
  using protocol::ErrorCode;
  switch (code) {
    case ErrorCode::too_large:
      return T::rejected_too_large;
    case ErrorCode::invalid_utf8:
      return T::rejected_invalid_utf8;
    case ErrorCode::invalid_json:
      return T::rejected_invalid_json;
    case ErrorCode::too_deep:
      return T::rejected_too_deep;
    case ErrorCode::duplicate_key:
      return T::rejected_duplicate_key;
    case ErrorCode::missing_field:
      return T::rejected_missing_field;
    case ErrorCode::wrong_type:
      return T::rejected_wrong_type;
    case ErrorCode::unsupported_version:
      return T::rejected_unsupported_version;
    case ErrorCode::unknown_type:
      return T::rejected_unknown_type;
    case ErrorCode::out_of_bounds:
      return T::rejected_out_of_bounds;
    case ErrorCode::invalid_value:
      return T::rejected_invalid_value;
    case ErrorCode::bad_timestamp:
      return T::rejected_bad_timestamp;
    case ErrorCode::municipality_or_org:
      return T::rejected_municipality_or_org;
    case ErrorCode::bad_topic:
      return T::rejected_bad_topic;
    case ErrorCode::device_mismatch:
      return T::rejected_device_mismatch;
  }
  return T::rejected_other;  // a value cast from outside the enumeration
}

T key_of(protocol::RejectionCode code) {
  using protocol::RejectionCode;
  switch (code) {
    case RejectionCode::unknown_device:
      return T::rejected_unknown_device;
    case RejectionCode::unknown_group:
      return T::rejected_unknown_group;
    case RejectionCode::wrong_session_kind:
      return T::rejected_wrong_session_kind;
    case RejectionCode::group_of_another_device:
      return T::rejected_group_of_another_device;
    case RejectionCode::session_already_opened:
      return T::rejected_session_already_opened;
    case RejectionCode::session_of_another_device:
      return T::rejected_session_of_another_device;
    case RejectionCode::not_a_member:
      return T::rejected_not_a_member;
    case RejectionCode::unknown_affiliation:
      return T::rejected_unknown_affiliation;
    case RejectionCode::not_a_leader:
      return T::rejected_not_a_leader;
  }
  return T::rejected_other;  // a value cast from outside the enumeration
}

// The kind of an event, from its type's family (the part before the dot):
// a new type in a known family needs no text of its own here.
struct FamilyKey {
  std::string_view family;
  T key;
};
constexpr std::array<FamilyKey, 4> kFamilies{{{"session", T::event_kind_session},
                                              {"attendance", T::event_kind_attendance},
                                              {"agenda", T::event_kind_agenda},
                                              {"minutes", T::event_kind_minutes}}};

}  // namespace

std::optional<T> rejection_reason_key(std::string_view code) {
  if (const auto error = protocol::error_code_from_string(code)) {
    return key_of(*error);
  }
  for (const auto rule : protocol::all_rejection_codes()) {
    if (protocol::to_string(rule) == code) {
      return key_of(rule);
    }
  }
  return std::nullopt;
}

std::optional<T> event_type_key(std::string_view type) {
  const auto dot = type.find('.');
  if (dot == std::string_view::npos) {
    return std::nullopt;
  }
  const auto* const it = std::ranges::find(kFamilies, type.substr(0, dot), &FamilyKey::family);
  return it == kFamilies.end() ? std::nullopt : std::optional<T>(it->key);
}

std::string rejection_reason_text(const Catalogue& text, std::string_view code) {
  if (const auto key = rejection_reason_key(code)) {
    return std::string(text(*key));
  }
  return text.format(T::rejected_other, {{"code", std::string(code)}});
}

std::string event_type_text(const Catalogue& text, std::string_view type) {
  if (const auto key = event_type_key(type)) {
    return std::string(text(*key));
  }
  return text.format(T::event_other, {{"type", std::string(type)}});
}

}  // namespace tavla::ui
