#include "tavla/host/storage/attendance.hpp"

#include <algorithm>
#include <tuple>

#include "values.hpp"

namespace tavla::host::storage {
namespace {

// n (never negative: a seq or an id) in 16 digits, so keys sort as numbers.
std::string padded(std::int64_t n) {
  constexpr std::size_t kDigits = 16;
  const std::string digits = std::to_string(n);
  return std::string(kDigits - std::min(kDigits, digits.size()), '0') + digits;
}

}  // namespace

// A space sorts before every id character, so these compare as tuples.
std::string device_order(const std::string& device, const std::string& epoch, std::int64_t seq) {
  return "0 " + device + " " + epoch + " " + padded(seq);
}

std::string correction_order(std::int64_t correction_id) {
  return "1 host correction " + padded(correction_id);
}

std::optional<StoredSession> AttendanceRepository::session(const std::string& id) {
  const auto rows = db().query(
      "SELECT session, grp, kind, device, title, opened_at, year, month, source, closed_at "
      "FROM sessions WHERE session = ?",
      {id});
  if (rows.empty()) {
    return std::nullopt;
  }
  const Row& r = rows[0];
  return StoredSession{r.str(0),
                       r.str(1),
                       r.str(2),
                       r.str(3),
                       r.str(4),
                       r.str(5),
                       static_cast<int>(r.i64(6)),
                       static_cast<int>(r.i64(7)),
                       r.str(8),
                       opt_str(r, 9)};
}

void AttendanceRepository::insert_session(Transaction& tx, const StoredSession& s) {
  writing(tx).query(
      "INSERT INTO sessions (session, grp, kind, device, title, opened_at, year, month, source) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {s.session, s.group, s.kind, s.device, s.title, s.opened_at, std::int64_t{s.year},
       std::int64_t{s.month}, s.source});
}

void AttendanceRepository::close_session(Transaction& tx, const std::string& session,
                                         const std::string& at) {
  writing(tx).query("UPDATE sessions SET closed_at = ? WHERE session = ? AND closed_at IS NULL",
                    {at, session});
}

std::optional<AttendanceFact> AttendanceRepository::participant(const std::string& session,
                                                                const std::string& participant) {
  const auto rows = db().query(
      "SELECT unit, municipality, org, ord, checked_in FROM participants "
      "WHERE session = ? AND participant = ?",
      {session, participant});
  if (rows.empty()) {
    return std::nullopt;
  }
  const Row& r = rows[0];
  return AttendanceFact{participant,   r.i64(4) != 0, r.str(0),
                        opt_str(r, 1), opt_str(r, 2), r.str(3)};
}

void AttendanceRepository::apply(Transaction& tx, const StoredSession& session,
                                 const AttendanceFact& fact) {
  const auto current = participant(session.session, fact.participant);
  if (current && current->ord >= fact.ord) {
    return;  // an older fact arriving late: the newer state stands
  }
  AttendanceFact next = fact;
  if (!fact.checked_in && current) {
    // A withdrawal keeps who the participant was, for the record.
    next.unit = current->unit;
    next.municipality = current->municipality;
    next.org = current->org;
  }
  writing(tx).query(
      "INSERT INTO participants (session, participant, unit, municipality, org, ord, checked_in) "
      "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (session, participant) DO UPDATE SET "
      "unit = excluded.unit, municipality = excluded.municipality, org = excluded.org, "
      "ord = excluded.ord, checked_in = excluded.checked_in",
      {session.session, next.participant, next.unit.empty() ? Value{} : Value{next.unit},
       opt(next.municipality), opt(next.org), next.ord, flag(next.checked_in)});
  if (current && current->checked_in && !current->unit.empty()) {
    recompute_unit(tx, session, current->unit);
  }
  if (next.checked_in && (!current || !current->checked_in || current->unit != next.unit)) {
    recompute_unit(tx, session, next.unit);
  }
}

// A unit is counted while one of its participants is checked in, for the
// municipality of the checked-in participant with the least order key.
void AttendanceRepository::recompute_unit(Transaction& tx, const StoredSession& session,
                                          const std::string& unit) {
  // Both look-ups in one round trip; the counts tell "no row" from a NULL
  // municipality (a participant of an organisation).
  const auto state =
      writing(tx)
          .query(
              "SELECT (SELECT COUNT(*) FROM participants WHERE session = ? AND unit = ? "
              "AND checked_in = 1), (SELECT municipality FROM participants WHERE "
              "session = ? AND unit = ? AND checked_in = 1 ORDER BY ord LIMIT 1), "
              "(SELECT COUNT(*) FROM units WHERE session = ? AND unit = ?), "
              "(SELECT municipality FROM units WHERE session = ? AND unit = ?)",
              {session.session, unit, session.session, unit, session.session, unit, session.session,
               unit})
          .at(0);
  const bool counted = state.i64(0) > 0;
  const bool listed = state.i64(2) > 0;
  const std::optional<std::string> new_muni = counted ? opt_str(state, 1) : std::nullopt;
  const std::optional<std::string> old_muni = listed ? opt_str(state, 3) : std::nullopt;
  if (counted == listed && new_muni == old_muni) {
    return;
  }
  if (listed) {
    writing(tx).query("DELETE FROM units WHERE session = ? AND unit = ?", {session.session, unit});
    if (old_muni) {
      bump(tx, session, *old_muni, -1);
    }
  }
  if (counted) {
    writing(tx).query("INSERT INTO units (session, unit, municipality) VALUES (?, ?, ?)",
                      {session.session, unit, opt(new_muni)});
    if (new_muni) {
      bump(tx, session, *new_muni, +1);
    }
  }
}

void AttendanceRepository::bump(Transaction& tx, const StoredSession& session,
                                const std::string& municipality, std::int64_t delta) {
  if (batching_) {
    auto [it, _] =
        pending_counts_.try_emplace({session.session, municipality},
                                    PendingCount{session.kind, session.year, session.month, 0});
    it->second.delta += delta;
    return;
  }
  add_usage(tx, municipality, session.year, session.month,
            count_units(tx, session.session, session.kind, municipality, delta));
}

AttendanceRepository::UsageDelta AttendanceRepository::count_units(Transaction& tx,
                                                                   const std::string& session,
                                                                   const std::string& kind,
                                                                   const std::string& municipality,
                                                                   std::int64_t delta) {
  const auto rows = tx.query(
      "INSERT INTO session_munis (session, municipality, count) VALUES (?, ?, ?) "
      "ON CONFLICT (session, municipality) DO UPDATE SET count = session_munis.count + "
      "excluded.count RETURNING count",
      {session, municipality, delta});
  const std::int64_t after = rows.at(0).i64(0);
  // The session starts or stops counting for the municipality at 0 <-> 1
  // (a count never goes below 0).
  const std::int64_t session_delta = (after > 0 ? 1 : 0) - (after - delta > 0 ? 1 : 0);
  if (kind == "group_guidance") {
    return {session_delta, delta, 0};
  }
  return {0, 0, session_delta};
}

void AttendanceRepository::add_usage(Transaction& tx, const std::string& municipality, int year,
                                     int month, const UsageDelta& d) {
  tx.query(
      "INSERT INTO usage_months (municipality, year, month, sessions, units, meetings) "
      "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (municipality, year, month) DO UPDATE SET "
      "sessions = usage_months.sessions + excluded.sessions, "
      "units = usage_months.units + excluded.units, "
      "meetings = usage_months.meetings + excluded.meetings",
      {municipality, std::int64_t{year}, std::int64_t{month}, d.sessions, d.units, d.meetings});
}

void AttendanceRepository::begin_batch() {
  pending_counts_.clear();
  batching_ = true;
}

void AttendanceRepository::end_batch(Transaction& tx) {
  Transaction& checked = writing(tx);
  std::map<std::tuple<std::string, int, int>, UsageDelta> usage;
  for (const auto& [key, pending] : pending_counts_) {
    const auto& [session, municipality] = key;
    const UsageDelta d = count_units(checked, session, pending.kind, municipality, pending.delta);
    UsageDelta& sum = usage[{municipality, pending.year, pending.month}];
    sum.sessions += d.sessions;
    sum.units += d.units;
    sum.meetings += d.meetings;
  }
  for (const auto& [key, d] : usage) {
    const auto& [municipality, year, month] = key;
    add_usage(checked, municipality, year, month, d);
  }
  abandon_batch();
}

void AttendanceRepository::abandon_batch() {
  pending_counts_.clear();
  batching_ = false;
}

}  // namespace tavla::host::storage
