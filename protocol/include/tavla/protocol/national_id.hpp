// Norwegian national identity numbers (fødselsnummer, D-number, H-number)
// in free text, which must never be stored or sent: a person's identity
// number says who they are to anyone who reads it. Host and kiosk refuse
// text that carries one (members lists, display names, notes, reasons,
// minutes).
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace tavla::protocol {

// The byte offset of the first identity number in `text`, or nullopt. A
// candidate is 11 digits not touching another digit, written together
// ("01019012345") or with one space, hyphen or dot after the date
// ("010190 12345"). It counts only when its first six digits are a real date
// (a D-number adds 40 to the day, an H-number 40 and a synthetic test
// number 80 to the month; the century comes from the individual number) and
// both control digits pass the mod-11 check, so an account number, a phone
// number or an order number almost never matches.
[[nodiscard]] std::optional<std::size_t> find_national_id(std::string_view text);

// Whether the 11 digits are a valid identity number (the checks above).
[[nodiscard]] bool is_national_id(std::string_view eleven_digits);

}  // namespace tavla::protocol
