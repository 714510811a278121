#include "site_sections.hpp"
#include "tavla/host/config/members_csv.hpp"
#include "tavla/protocol/limits.hpp"

namespace tavla::host::config {
namespace {

protocol::SessionKind session_kind(const TomlReader& r, const toml::table& t,
                                   const std::string& where) {
  const std::string value = r.string(t, "kind", where);
  if (auto kind = protocol::session_kind_from_string(value)) {
    return *kind;
  }
  r.fail(t.get("kind"), where + ".kind",
         "'" + value + "' must be group_guidance or network_meeting");
}

// The members CSV a group names (relative to the site file), each member's
// municipality or org one of the site's.
std::vector<GroupMember> members_of(const TomlReader& r, const toml::table& t,
                                    const std::string& where, const std::string& members,
                                    const Site& site) {
  const std::filesystem::path csv = r.file().parent_path() / members;
  const toml::node* node = t.get("members");
  const int line = static_cast<int>(node->source().begin.line);
  auto result = parse_members_csv(read_text(csv, r.file(), line, where + ".members"), csv);
  for (const auto& m : result) {
    const bool known = m.affiliation.kind == protocol::Affiliation::Kind::municipality
                           ? site.municipality(m.affiliation.id) != nullptr
                           : site.org(m.affiliation.id) != nullptr;
    if (!known) {
      r.fail(node, where + ".members",
             csv.string() + ": participant '" + m.participant + "' names '" + m.affiliation.id +
                 "', which is no [[municipality]] or [[org]]");
    }
  }
  if (result.size() > protocol::kMaxMembersPerGroup) {
    r.fail(node, where + ".members",
           "more than " + std::to_string(protocol::kMaxMembersPerGroup) + " members");
  }
  return result;
}

}  // namespace

void read_groups(const TomlReader& r, const toml::table& root, Site& site) {
  for (const auto& [t, where] : r.tables(root, "group")) {
    // `series` is read by the consumption rules of single sessions.
    r.only_keys(*t, where, {"id", "name", "kind", "device", "year", "members", "series"});
    SiteGroup g;
    g.id = r.id(*t, "id", where);
    g.name = r.text(*t, "name", where);
    g.kind = session_kind(r, *t, where);
    g.device = r.string(*t, "device", where);
    if (site.device(g.device) == nullptr) {
      r.fail(t->get("device"), where + ".device", "no [[device]] has id '" + g.device + "'");
    }
    if (auto year = r.opt_int(*t, "year", where, 2000, 2999)) {
      g.year = static_cast<int>(*year);
    }
    if (auto members = r.opt_string(*t, "members", where)) {
      g.members = members_of(r, *t, where, *members, site);
    }
    g.series = r.opt_bool(*t, "series", where).value_or(true);
    if (site.group(g.id) != nullptr) {
      r.fail(t->get("id"), where + ".id", "group '" + g.id + "' is defined twice");
    }
    site.groups.push_back(std::move(g));
  }
}

}  // namespace tavla::host::config
