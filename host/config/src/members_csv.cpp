#include "tavla/host/config/members_csv.hpp"

#include <openssl/evp.h>

#include <algorithm>
#include <array>
#include <set>

#include "tavla/host/config/csv.hpp"
#include "tavla/host/config/error.hpp"
#include "tavla/protocol/ids.hpp"
#include "tavla/protocol/national_id.hpp"
#include "tavla/protocol/pin_hash.hpp"

namespace tavla::host::config {
namespace {

constexpr std::array<std::string_view, 8> kColumns = {"participant", "display_name", "municipality",
                                                      "org",         "foster_home",  "full_name",
                                                      "pin",         "leader"};

std::string sha256(const std::string& data) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int size = 0;
  EVP_Digest(data.data(), data.size(), digest.data(), &size, EVP_sha256(), nullptr);
  return {digest.begin(), digest.begin() + size};  // the raw digest bytes
}

// One data row of the file, and how to refuse one of its columns.
class MemberRow {
 public:
  MemberRow(const CsvRow& row, const std::filesystem::path& file) : row_(row), file_(file) {}
  [[nodiscard]] const std::string& field(std::size_t column) const { return row_.fields[column]; }
  [[noreturn]] void fail(std::size_t column, const std::string& problem) const {
    throw SiteConfigError(file_, row_.line, std::string(kColumns[column]), problem);
  }

 private:
  const CsvRow& row_;
  const std::filesystem::path& file_;
};

// The column indices of kColumns.
enum Column : std::size_t {
  kParticipant,
  kDisplayName,
  kMunicipality,
  kOrg,
  kFosterHome,
  kFullName,
  kPin,
  kLeader
};

void check_header(const std::vector<CsvRow>& rows, const std::filesystem::path& file) {
  if (rows.empty()) {
    throw SiteConfigError(file, 1, "",
                          "the members file is empty; it needs the header row " +
                              std::string("participant,display_name,municipality,org,"
                                          "foster_home,full_name,pin,leader"));
  }
  const auto& header = rows.front();
  for (std::size_t i = 0; i < kColumns.size(); ++i) {
    if (i >= header.fields.size() || header.fields[i] != kColumns[i]) {
      throw SiteConfigError(file, header.line, std::string(kColumns[i]),
                            "column " + std::to_string(i + 1) + " of the header must be '" +
                                std::string(kColumns[i]) + "'");
    }
  }
}

// A national identity number (fødselsnummer, D-number) must never enter the
// host's registry: the protocol's one check, so account and phone numbers
// pass. The message names the column, never the number.
void refuse_national_ids(const MemberRow& row) {
  for (std::size_t i = 0; i < kColumns.size(); ++i) {
    if (i != kPin && protocol::find_national_id(row.field(i))) {
      row.fail(i,
               "holds a national identity number (fødselsnummer or D-number); it must not be "
               "stored here");
    }
  }
}

std::string participant_of(const MemberRow& row, std::set<std::string>& seen) {
  const std::string& participant = row.field(kParticipant);
  if (!protocol::is_valid_id(participant) || participant.starts_with("guest-")) {
    row.fail(kParticipant, "'" + participant +
                               "' is not a valid participant id (1-64 of [0-9A-Za-z_.-], " +
                               "not starting with guest-)");
  }
  if (!seen.insert(participant).second) {
    row.fail(kParticipant, "participant '" + participant + "' appears twice");
  }
  return participant;
}

protocol::Affiliation affiliation_of(const MemberRow& row) {
  const bool has_muni = !row.field(kMunicipality).empty();
  const bool has_org = !row.field(kOrg).empty();
  if (has_muni == has_org) {
    row.fail(has_muni ? kOrg : kMunicipality, "exactly one of municipality or org must be given");
  }
  protocol::Affiliation affiliation =
      has_muni ? protocol::Affiliation{protocol::Affiliation::Kind::municipality,
                                       row.field(kMunicipality)}
               : protocol::Affiliation{protocol::Affiliation::Kind::org, row.field(kOrg)};
  if (!protocol::is_valid_id(affiliation.id)) {
    row.fail(has_muni ? kMunicipality : kOrg, "'" + affiliation.id + "' is not a valid id");
  }
  return affiliation;
}

std::optional<std::string> foster_home_of(const MemberRow& row) {
  const std::string& home = row.field(kFosterHome);
  if (home.empty()) {
    return std::nullopt;
  }
  if (!protocol::is_valid_id(home)) {
    row.fail(kFosterHome, "'" + home + "' is not a valid foster home id");
  }
  return home;
}

std::optional<std::string> pin_hash_of(const MemberRow& row, const std::string& participant) {
  const std::string& pin = row.field(kPin);
  if (pin.empty()) {
    return std::nullopt;
  }
  if (pin.size() < 4 || pin.size() > 12 ||
      !std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    row.fail(kPin, "a PIN is 4-12 digits");
  }
  // A salt derived from the participant keeps the hash stable across
  // reloads (a new salt each time would republish every room's config).
  const std::string salt = sha256("tavla-pin-salt:" + participant).substr(0, 8);
  return hash_pin(pin, protocol::to_hex(salt));
}

bool is_leader(const MemberRow& row) {
  const std::string& leader = row.field(kLeader);
  if (leader == "true" || leader == "yes" || leader == "1") {
    return true;
  }
  if (!(leader.empty() || leader == "false" || leader == "no" || leader == "0")) {
    row.fail(kLeader, "use true or false");
  }
  return false;
}

GroupMember member_of(const MemberRow& row, std::set<std::string>& seen) {
  refuse_national_ids(row);
  GroupMember m;
  m.participant = participant_of(row, seen);
  m.display_name = row.field(kDisplayName);
  if (auto problem = protocol::text_problem(m.display_name)) {
    row.fail(kDisplayName, *problem);
  }
  m.affiliation = affiliation_of(row);
  m.foster_home = foster_home_of(row);
  m.full_name = row.field(kFullName);
  m.pin_hash = pin_hash_of(row, m.participant);
  if (m.pin_hash) {
    m.pin = row.field(kPin);
  }
  m.leader = is_leader(row);
  return m;
}

}  // namespace

std::string hash_pin(const std::string& pin, const std::string& salt_hex) {
  const std::string salt = protocol::from_hex(salt_hex).value_or("");
  return protocol::format_pin_hash({salt, sha256(salt + pin)});
}

std::vector<GroupMember> parse_members_csv(const std::string& text,
                                           const std::filesystem::path& file) {
  const auto rows = parse_csv(text, file);
  check_header(rows, file);
  std::vector<GroupMember> members;
  std::set<std::string> seen;
  for (std::size_t r = 1; r < rows.size(); ++r) {
    const auto& row = rows[r];
    if (row.fields.size() == 1 && row.fields[0].empty()) {
      continue;  // a blank line
    }
    if (row.fields.size() != kColumns.size()) {
      throw SiteConfigError(file, row.line, "",
                            "expected " + std::to_string(kColumns.size()) + " columns, found " +
                                std::to_string(row.fields.size()));
    }
    members.push_back(member_of(MemberRow(row, file), seen));
  }
  return members;
}

}  // namespace tavla::host::config
