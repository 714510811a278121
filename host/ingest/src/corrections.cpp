#include "tavla/host/ingest/corrections.hpp"

#include <algorithm>

#include "tavla/host/config/schedule.hpp"
#include "tavla/host/ingest/acceptance.hpp"
#include "tavla/host/ingest/registry.hpp"
#include "tavla/protocol/ids.hpp"
#include "tavla/protocol/national_id.hpp"

namespace tavla::host::ingest {
namespace {

// Free text that is kept (the audit trail) never holds an identity number;
// the message names the option, never the number.
void refuse_national_id(const std::string& option, const std::string& text) {
  if (protocol::find_national_id(text)) {
    throw CorrectionError(option +
                          ": holds a national identity number (fødselsnummer or D-number), "
                          "which must not be stored; write it without the number");
  }
}

void check_request(const CorrectionRequest& r) {
  if (auto problem = protocol::text_problem(r.reason)) {
    throw CorrectionError("--reason: " + *problem + " (say why the correction is made)");
  }
  refuse_national_id("--reason", r.reason);
  refuse_national_id("--by", r.made_by);
  if (r.title) {
    if (auto problem = protocol::text_problem(*r.title)) {
      throw CorrectionError("--title: " + *problem);
    }
    refuse_national_id("--title", *r.title);
  }
  if (!protocol::is_valid_id(r.session) || !protocol::is_valid_id(r.participant)) {
    throw CorrectionError("--session and --participant must be ids (1-64 of [0-9A-Za-z_.-])");
  }
}

// Where and when a session the rooms never reported was held.
struct HeldSession {
  const config::SiteGroup* group;
  protocol::Timestamp opened;
  std::string title;
};

// A session the site file schedules is known by its id alone (--group and
// --date, if given, must agree); any other needs --group and --date.
HeldSession held_session(const config::Site& site, const CorrectionRequest& r) {
  const auto scheduled = std::find_if(site.schedule.begin(), site.schedule.end(),
                                      [&](const auto& s) { return s.session == r.session; });
  if (scheduled != site.schedule.end()) {
    const auto day = config::oslo_date(scheduled->start);
    if ((r.group && *r.group != scheduled->group) || (r.date && *r.date != day)) {
      throw CorrectionError("session " + r.session + " is scheduled for group '" +
                            scheduled->group + "' on " + protocol::format_date(day) +
                            "; leave out --group and --date, or give those");
    }
    return {site.group(scheduled->group), scheduled->start, r.title.value_or(scheduled->title)};
  }
  if (!r.group || !r.date) {
    throw CorrectionError("session " + r.session +
                          " is neither known nor scheduled in the site file; for a session "
                          "held away from a kiosk give --group and --date");
  }
  const config::SiteGroup* group = site.group(*r.group);
  if (group == nullptr) {
    throw CorrectionError("--group: no group '" + *r.group + "' in the site file");
  }
  return {group, config::oslo_to_utc(*r.date, std::chrono::hours{12}),
          r.title.value_or(group->name)};
}

// The session of the correction: the stored one, else one held away from a
// kiosk, scheduled or made from --group and --date.
storage::StoredSession session_of(storage::Repositories& repos, storage::Transaction& tx,
                                  const config::Site& site, const CorrectionRequest& r) {
  if (auto session = repos.attendance().session(r.session)) {
    return *session;
  }
  const HeldSession held = held_session(site, r);
  if (held.group == nullptr) {
    throw CorrectionError("session " + r.session + ": its group is not in the site file");
  }
  const auto day = config::oslo_date(held.opened);
  storage::StoredSession session{r.session,
                                 held.group->id,
                                 std::string(protocol::to_string(held.group->kind)),
                                 held.group->device,
                                 held.title,
                                 protocol::format_timestamp(held.opened),
                                 static_cast<int>(day.year()),
                                 static_cast<int>(static_cast<unsigned>(day.month())),
                                 "correction",
                                 {}};
  repos.attendance().insert_session(tx, session);
  return session;
}

// The audit row: a member's affiliation and foster home from the registry
// as it stood on the session's date (what a check-in in the room bills);
// anyone else must be a guest, with the affiliation given.
storage::Correction correction_of(storage::Repositories& repos, const config::Site& site,
                                  const storage::StoredSession& session,
                                  const CorrectionRequest& r) {
  storage::Correction c{0,
                        r.session,
                        r.participant,
                        r.add ? "add" : "remove",
                        r.municipality,
                        r.org,
                        r.foster_home,
                        r.reason,
                        r.made_by,
                        protocol::format_timestamp(r.made_at)};
  if (r.participant.starts_with("guest-")) {
    return c;
  }
  const auto member =
      membership_on(repos.registry().versions(session.group), site.group(session.group),
                    r.participant, billing_date(session));
  if (!member) {
    throw CorrectionError("participant '" + r.participant + "' is not a member of group '" +
                          session.group + "' (a guest's id starts with guest-)");
  }
  if (r.municipality || r.org || r.foster_home) {
    throw CorrectionError(
        "--municipality, --org and --foster-home are for guests: a member's come from the "
        "registry (the group's member list as it stood on the session's date)");
  }
  const bool is_muni = member->affiliation.kind == protocol::Affiliation::Kind::municipality;
  (is_muni ? c.municipality : c.org) = member->affiliation.id;
  c.foster_home = member->foster_home;
  return c;
}

// An addition names one known affiliation; a removal someone checked in.
void check_change(storage::Repositories& repos, const config::Site& site,
                  const CorrectionRequest& r, const storage::Correction& c) {
  if (r.add) {
    if (c.municipality.has_value() == c.org.has_value()) {
      throw CorrectionError("give exactly one of --municipality or --org for a guest");
    }
    if (c.municipality && site.municipality(*c.municipality) == nullptr) {
      throw CorrectionError("--municipality: unknown municipality '" + *c.municipality + "'");
    }
    if (c.org && site.org(*c.org) == nullptr) {
      throw CorrectionError("--org: unknown org '" + *c.org + "'");
    }
    return;
  }
  const auto current = repos.attendance().participant(r.session, r.participant);
  if (!current || !current->checked_in) {
    throw CorrectionError("participant '" + r.participant + "' is not checked in to session " +
                          r.session);
  }
}

}  // namespace

std::int64_t correct_attendance(storage::Repositories& repos, const config::Site& site,
                                const CorrectionRequest& r) {
  check_request(r);
  return storage::in_transaction(repos.db(), [&](storage::Transaction& tx) {
    const storage::StoredSession session = session_of(repos, tx, site, r);
    const storage::Correction c = correction_of(repos, site, session, r);
    check_change(repos, site, r, c);
    const std::int64_t id = repos.corrections().insert(tx, c);
    storage::AttendanceFact fact{r.participant,  r.add, "",
                                 c.municipality, c.org, storage::correction_order(id)};
    if (r.add) {
      protocol::CheckedIn in{
          r.session, r.participant, protocol::CheckInMethod::roster, {}, c.foster_home};
      fact.unit = unit_of(in, protocol::session_kind_from_string(session.kind).value());
    }
    repos.attendance().apply(tx, session, fact);
    return id;
  });
}

}  // namespace tavla::host::ingest
