// Base64 (RFC 4648, the standard alphabet), the spelling of binary values
// in messages: a signed config's signature (padded) and the salt and hash
// of a PIN verifier (unpadded, as the PHC string format writes them).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace tavla::protocol {

enum class Padding { with, without };

[[nodiscard]] std::string to_base64(std::string_view bytes, Padding padding = Padding::with);
// The bytes of `text`, or nullopt for a character outside the alphabet, a
// wrong length, padding where `padding` says there is none (or none where
// it says there is), or unused bits that are not zero: each value has one
// spelling.
[[nodiscard]] std::optional<std::string> from_base64(std::string_view text,
                                                     Padding padding = Padding::with);

}  // namespace tavla::protocol
