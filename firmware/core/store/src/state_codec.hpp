// The domain state as JSON inside the store (a private format of this
// database, never sent anywhere; `v` lets a later firmware migrate it).
#pragma once

#include <string>

#include "tavla/kiosk/state.hpp"

namespace tavla::kiosk::detail {

[[nodiscard]] std::string encode_state(const KioskState& state);
// Throws LocalStoreError when the text is not a state this firmware wrote.
[[nodiscard]] KioskState decode_state(const std::string& text);

}  // namespace tavla::kiosk::detail
