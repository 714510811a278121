// A group's members CSV: participant,display_name,municipality,org,
// foster_home,full_name,pin,leader (a header row, RFC 4180 quoting).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "tavla/host/config/site.hpp"

namespace tavla::host::config {

// Parses `text` (the content of `file`). Refuses, with SiteConfigError naming the
// file, line and column: a missing column, a bad id, both or neither of
// municipality/org, a duplicate participant, a pin that is not 4-12 digits,
// and any value that holds a national identity number
// (protocol::find_national_id: a real date and both control digits).
// PINs are turned into pin_hash with `salt_source` bytes mixed in the salt.
[[nodiscard]] std::vector<GroupMember> parse_members_csv(const std::string& text,
                                                         const std::filesystem::path& file);

// sha256:<salt hex>:<hex of sha256(salt || pin)>, the protocol's pin_hash.
[[nodiscard]] std::string hash_pin(const std::string& pin, const std::string& salt_hex);

}  // namespace tavla::host::config
