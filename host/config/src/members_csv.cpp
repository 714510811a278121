#include "tavla/host/config/members_csv.hpp"

#include <openssl/evp.h>

#include <algorithm>
#include <array>
#include <set>

#include "tavla/host/config/csv.hpp"
#include "tavla/host/config/error.hpp"
#include "tavla/protocol/ids.hpp"

namespace tavla::host::config {
namespace {

constexpr std::array<std::string_view, 8> kColumns = {"participant", "display_name", "municipality",
                                                      "org",         "foster_home",  "full_name",
                                                      "pin",         "leader"};

std::string to_hex(std::string_view bytes) {
  static constexpr std::string_view kDigits = "0123456789abcdef";
  std::string hex;
  hex.reserve(bytes.size() * 2);
  for (const char c : bytes) {
    const auto byte = static_cast<unsigned char>(c);
    hex += kDigits[byte >> 4U];
    hex += kDigits[byte & 0xFU];
  }
  return hex;
}

std::string sha256(const std::string& data) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int size = 0;
  EVP_Digest(data.data(), data.size(), digest.data(), &size, EVP_sha256(), nullptr);
  return {digest.begin(), digest.begin() + size};  // the raw digest bytes
}

std::string from_hex(const std::string& hex) {
  std::string bytes;
  for (std::size_t i = 0; i + 1 < hex.size(); i += 2) {
    bytes += static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16));
  }
  return bytes;
}

// An 11-digit run anywhere in a value could be a national identity number
// (fødselsnummer), which must never enter the host's registry.
bool looks_like_national_id(const std::string& value) {
  std::size_t run = 0;
  for (const char c : value) {
    run = (c >= '0' && c <= '9') ? run + 1 : 0;
    if (run == 11) {
      return true;
    }
  }
  return false;
}

}  // namespace

std::string hash_pin(const std::string& pin, const std::string& salt_hex) {
  const std::string digest = sha256(from_hex(salt_hex) + pin);
  return "sha256:" + salt_hex + ":" + to_hex(digest);
}

std::vector<GroupMember> parse_members_csv(const std::string& text,
                                           const std::filesystem::path& file) {
  const auto rows = parse_csv(text, file);
  if (rows.empty()) {
    throw ConfigError(file, 1, "",
                      "the members file is empty; it needs the header row " +
                          std::string("participant,display_name,municipality,org,"
                                      "foster_home,full_name,pin,leader"));
  }
  const auto& header = rows.front();
  for (std::size_t i = 0; i < kColumns.size(); ++i) {
    if (i >= header.fields.size() || header.fields[i] != kColumns[i]) {
      throw ConfigError(file, header.line, std::string(kColumns[i]),
                        "column " + std::to_string(i + 1) + " of the header must be '" +
                            std::string(kColumns[i]) + "'");
    }
  }
  std::vector<GroupMember> members;
  std::set<std::string> seen;
  for (std::size_t r = 1; r < rows.size(); ++r) {
    const auto& row = rows[r];
    if (row.fields.size() == 1 && row.fields[0].empty()) {
      continue;  // a blank line
    }
    if (row.fields.size() != kColumns.size()) {
      throw ConfigError(file, row.line, "",
                        "expected " + std::to_string(kColumns.size()) + " columns, found " +
                            std::to_string(row.fields.size()));
    }
    const auto field = [&](std::size_t i) -> const std::string& { return row.fields[i]; };
    const auto fail = [&](std::size_t i, const std::string& problem) {
      throw ConfigError(file, row.line, std::string(kColumns[i]), problem);
    };
    for (std::size_t i = 0; i < kColumns.size(); ++i) {
      if (i != 6 && looks_like_national_id(field(i))) {
        fail(i, "looks like a national identity number (11 digits); it must not be stored here");
      }
    }
    GroupMember m;
    m.participant = field(0);
    if (!protocol::is_valid_id(m.participant) || m.participant.starts_with("guest-")) {
      fail(0, "'" + m.participant + "' is not a valid participant id (1-64 of [0-9A-Za-z_.-], " +
                  "not starting with guest-)");
    }
    if (!seen.insert(m.participant).second) {
      fail(0, "participant '" + m.participant + "' appears twice");
    }
    m.display_name = field(1);
    if (auto problem = protocol::text_problem(m.display_name)) {
      fail(1, *problem);
    }
    const bool has_muni = !field(2).empty();
    const bool has_org = !field(3).empty();
    if (has_muni == has_org) {
      fail(has_muni ? 3 : 2, "exactly one of municipality or org must be given");
    }
    m.affiliation = has_muni
                        ? protocol::Affiliation{protocol::Affiliation::Kind::municipality, field(2)}
                        : protocol::Affiliation{protocol::Affiliation::Kind::org, field(3)};
    if (!protocol::is_valid_id(m.affiliation.id)) {
      fail(has_muni ? 2 : 3, "'" + m.affiliation.id + "' is not a valid id");
    }
    if (!field(4).empty()) {
      if (!protocol::is_valid_id(field(4))) {
        fail(4, "'" + field(4) + "' is not a valid foster home id");
      }
      m.foster_home = field(4);
    }
    m.full_name = field(5);
    const std::string& pin = field(6);
    if (!pin.empty()) {
      if (pin.size() < 4 || pin.size() > 12 ||
          !std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        fail(6, "a PIN is 4-12 digits");
      }
      // A salt derived from the participant keeps the hash stable across
      // reloads (a new salt each time would republish every room's config).
      const std::string salt = sha256("tavla-pin-salt:" + m.participant).substr(0, 8);
      m.pin_hash = hash_pin(pin, to_hex(salt));
    }
    const std::string& leader = field(7);
    if (leader == "true" || leader == "yes" || leader == "1") {
      m.leader = true;
    } else if (!(leader.empty() || leader == "false" || leader == "no" || leader == "0")) {
      fail(7, "use true or false");
    }
    members.push_back(std::move(m));
  }
  return members;
}

}  // namespace tavla::host::config
