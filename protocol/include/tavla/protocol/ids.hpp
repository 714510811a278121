// Character and length rules for names, ids and free text (see limits.hpp).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace tavla::protocol {

// <site> and <device>: [a-z0-9][a-z0-9-]{0,63}.
[[nodiscard]] bool is_valid_name(std::string_view name);
// Event `id`: 16-64 of [0-9A-Za-z_-]. Only length and characters are checked:
// our kiosk makes ULIDs, other producers may not.
[[nodiscard]] bool is_valid_event_id(std::string_view id);
// `epoch`: 8-64 of [0-9A-Za-z_-].
[[nodiscard]] bool is_valid_epoch(std::string_view epoch);
// Other ids (session, participant, group, item, ...): 1-64 of [0-9A-Za-z_.-].
[[nodiscard]] bool is_valid_id(std::string_view id);

[[nodiscard]] bool is_valid_utf8(std::string_view bytes);

// Free text: valid UTF-8, min_bytes..kMaxTextBytes bytes, no control characters
// but tab and newline. Returns why the text is not acceptable, or nullopt.
[[nodiscard]] std::optional<std::string> text_problem(std::string_view text,
                                                      std::size_t min_bytes = 1);

}  // namespace tavla::protocol
