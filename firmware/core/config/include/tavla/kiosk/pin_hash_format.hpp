// The shape of a pin_hash ("sha256:<8-64 hex salt>:<64 hex digest>"), checked
// where the kiosk file names one (the room config's are checked by protocol).
#pragma once

#include <string_view>

namespace tavla::kiosk {

[[nodiscard]] bool is_pin_hash_format(std::string_view hash);

}  // namespace tavla::kiosk
