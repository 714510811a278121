// What the admin screen says of an event the host refused (Snapshot::rejected):
// the reason for its code and the kind of event, in the catalogue's
// language. Every protocol::ErrorCode and protocol::RejectionCode has a text
// of its own (the switches behind these make a new code without text a
// compile error); an event is named by its family (session, attendance,
// agenda, minutes), so a new type of a known family needs no new text. A
// code or family of a newer host is shown as it is, inside a generic text.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "tavla/ui/catalogue.hpp"

namespace tavla::ui {

// The catalogue key for a rejection's code, or nullopt for one this build
// does not know.
[[nodiscard]] std::optional<T> rejection_reason_key(std::string_view code);
// The catalogue key for an event's wire type by its family
// ("attendance.checked_in" -> attendance), or nullopt for a family this
// build does not know.
[[nodiscard]] std::optional<T> event_type_key(std::string_view type);

// The texts: the key's, else the generic one with the raw code or type.
[[nodiscard]] std::string rejection_reason_text(const Catalogue& text, std::string_view code);
[[nodiscard]] std::string event_type_text(const Catalogue& text, std::string_view type);

}  // namespace tavla::ui
