#include "tavla/host/storage/store.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <tuple>
#include <utility>

#include "tavla/host/storage/migrations.hpp"

namespace tavla::host::storage {
namespace {

Value opt(const std::optional<std::string>& s) {
  return s ? Value{*s} : Value{};
}
Value opt(const std::optional<std::int64_t>& n) {
  return n ? Value{*n} : Value{};
}
std::optional<std::string> opt_str(const Row& row, std::size_t i) {
  return row.is_null(i) ? std::nullopt : std::optional<std::string>(row.str(i));
}

std::string to_hex(std::string_view bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(bytes.size() * 2);
  for (const char c : bytes) {
    const auto b = static_cast<unsigned char>(c);
    hex += kDigits[b >> 4U];
    hex += kDigits[b & 0xFU];
  }
  return hex;
}

std::string from_hex(std::string_view hex) {
  const auto nibble = [](char c) { return c <= '9' ? c - '0' : c - 'a' + 10; };
  std::string bytes;
  bytes.reserve(hex.size() / 2);
  for (std::size_t i = 0; i + 1 < hex.size(); i += 2) {
    bytes += static_cast<char>(nibble(hex[i]) * 16 + nibble(hex[i + 1]));
  }
  return bytes;
}

// A multi-row INSERT of seqs has a power-of-two number of rows up to
// kMaxSeqRows: PostgreSQL then prepares at most nine statement shapes, and
// SQLite stays far below its 32 766 host parameters (three per row).
constexpr std::size_t kMaxSeqRows = 256;

std::size_t seq_chunk(std::size_t remaining) {
  std::size_t chunk = kMaxSeqRows;
  while (chunk > remaining) {
    chunk /= 2;
  }
  return chunk;
}

std::string seq_insert_sql(std::size_t rows) {
  std::string sql = "INSERT INTO seqs (device, epoch, seq) VALUES (?, ?, ?)";
  for (std::size_t i = 1; i < rows; ++i) {
    sql += ", (?, ?, ?)";
  }
  return sql + " ON CONFLICT DO NOTHING RETURNING device, epoch, seq";
}

std::string padded(std::int64_t n) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%016lld", static_cast<long long>(n));
  return buffer;
}

}  // namespace

// A space sorts before every id character, so these compare as tuples.
std::string device_order(const std::string& device, const std::string& epoch, std::int64_t seq) {
  return "0 " + device + " " + epoch + " " + padded(seq);
}

std::string correction_order(std::int64_t correction_id) {
  return "1 host correction " + padded(correction_id);
}

Store::Store(const std::string& url) : Store(open_database(url)) {}

Store::Store(std::unique_ptr<Database> db) : db_(std::move(db)) {
  migrate(*db_);
}

bool Store::insert_event(const StoredEvent& e, const std::string& received_at) {
  // INSERT ... SELECT, so that the row is not inserted when quarantine has
  // the id. The CASTs give PostgreSQL the parameters' types.
  const auto rows = db_->query(
      "INSERT INTO events (id, device, epoch, seq, ts, type, session, payload, received_at, "
      "pending) SELECT ?, ?, ?, CAST(? AS BIGINT), ?, ?, ?, ?, ?, CAST(? AS INTEGER) "
      "WHERE NOT EXISTS (SELECT 1 FROM quarantine WHERE event_id = ?) "
      "ON CONFLICT (id) DO NOTHING RETURNING id",
      {e.id, e.device, e.epoch, e.seq, e.ts, e.type, e.session, e.payload, received_at,
       std::int64_t{e.pending ? 1 : 0}, e.id});
  return !rows.empty();
}

bool Store::has_event(const std::string& id) {
  return !db_->query("SELECT 1 FROM events WHERE id = ?", {id}).empty();
}

bool Store::known_event(const std::string& id) {
  return !db_->query(
                 "SELECT 1 FROM events WHERE id = ? UNION ALL "
                 "SELECT 1 FROM quarantine WHERE event_id = ? LIMIT 1",
                 {id, id})
              .empty();
}

void Store::quarantine(QuarantineEntry q) {
  const auto size = static_cast<std::int64_t>(q.raw.size());
  if (q.size == 0) {
    q.size = size;
  }
  if (q.raw.size() > kQuarantineRawBytes) {
    q.raw.resize(kQuarantineRawBytes);
  }
  db_->query(
      "INSERT INTO quarantine (received_at, topic, device, event_id, epoch, seq, size, raw_hex, "
      "reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {q.received_at, q.topic, opt(q.device), opt(q.event_id), opt(q.epoch), opt(q.seq), q.size,
       to_hex(q.raw), q.reason});
}

void Store::note_seq(const std::string& device, const std::string& epoch, std::int64_t seq,
                     const std::string& at) {
  note_seqs({{device, epoch, seq}}, at);
}

void Store::note_seqs(const std::vector<SeqNote>& seqs, const std::string& at) {
  using Key = std::pair<std::string, std::string>;  // (device, epoch)
  std::map<Key, std::set<std::int64_t>> noted;
  for (const auto& n : seqs) {
    noted[{n.device, n.epoch}].insert(n.seq);
  }
  std::vector<std::pair<const Key*, std::int64_t>> rows;
  for (const auto& [key, numbers] : noted) {
    for (const std::int64_t seq : numbers) {
      rows.emplace_back(&key, seq);
    }
  }
  // The seqs not stored before: only they count as received.
  struct Fresh {
    std::int64_t count = 0;
    std::int64_t max_seq = 0;
  };
  std::map<Key, Fresh> fresh;
  for (std::size_t done = 0; done < rows.size();) {
    const std::size_t chunk = seq_chunk(rows.size() - done);
    std::vector<Value> params;
    params.reserve(chunk * 3);
    for (std::size_t i = done; i < done + chunk; ++i) {
      params.emplace_back(rows[i].first->first);
      params.emplace_back(rows[i].first->second);
      params.emplace_back(rows[i].second);
    }
    for (const auto& r : db_->query(seq_insert_sql(chunk), params)) {
      Fresh& f = fresh[{r.str(0), r.str(1)}];
      ++f.count;
      f.max_seq = std::max(f.max_seq, r.i64(2));
    }
    done += chunk;
  }
  for (const auto& [key, numbers] : noted) {
    const auto& [device, epoch] = key;
    const auto it = fresh.find(key);
    if (it == fresh.end()) {
      db_->query("UPDATE device_epochs SET last_seen = ? WHERE device = ? AND epoch = ?",
                 {at, device, epoch});
      continue;
    }
    db_->query(
        "INSERT INTO device_epochs (device, epoch, max_seq, received, first_seen, last_seen) "
        "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (device, epoch) DO UPDATE SET "
        "max_seq = CASE WHEN device_epochs.max_seq > excluded.max_seq THEN device_epochs.max_seq "
        "ELSE excluded.max_seq END, received = device_epochs.received + excluded.received, "
        "last_seen = excluded.last_seen",
        {device, epoch, it->second.max_seq, it->second.count, at, at});
  }
}

std::vector<StoredEvent> Store::pending_events(const std::string& session) {
  std::vector<StoredEvent> events;
  for (const auto& r :
       db_->query("SELECT id, device, epoch, seq, ts, type, session, payload FROM events "
                  "WHERE session = ? AND pending = 1 ORDER BY device, epoch, seq",
                  {session})) {
    events.push_back(
        {r.str(0), r.str(1), r.str(2), r.i64(3), r.str(4), r.str(5), r.str(6), r.str(7), true});
  }
  return events;
}

void Store::mark_applied(const std::string& event_id) {
  db_->query("UPDATE events SET pending = 0 WHERE id = ?", {event_id});
}

void Store::move_to_quarantine(const StoredEvent& e, const std::string& topic,
                               const std::string& reason, const std::string& at) {
  db_->query("DELETE FROM events WHERE id = ?", {e.id});
  quarantine({0, at, topic, e.device, e.id, e.epoch, e.seq, 0, e.payload, reason});
}

void Store::update_status(const DeviceStatus& s) {
  db_->query(
      "INSERT INTO device_status (device, online, fw, outbox, clock_ok, last_ack, updated_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (device) DO UPDATE SET online = excluded.online, "
      "fw = COALESCE(excluded.fw, device_status.fw), outbox = excluded.outbox, "
      "clock_ok = excluded.clock_ok, last_ack = COALESCE(excluded.last_ack, "
      "device_status.last_ack), "
      "updated_at = excluded.updated_at",
      {s.device, std::int64_t{s.online ? 1 : 0}, opt(s.fw), opt(s.outbox),
       s.clock_ok ? Value{std::int64_t{*s.clock_ok ? 1 : 0}} : Value{}, opt(s.last_ack),
       s.updated_at});
}

std::optional<SessionRecord> Store::session(const std::string& id) {
  const auto rows = db_->query(
      "SELECT session, grp, kind, device, title, opened_at, year, month, source, closed_at "
      "FROM sessions WHERE session = ?",
      {id});
  if (rows.empty()) {
    return std::nullopt;
  }
  const Row& r = rows[0];
  return SessionRecord{r.str(0),
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

void Store::insert_session(const SessionRecord& s) {
  db_->query(
      "INSERT INTO sessions (session, grp, kind, device, title, opened_at, year, month, source) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {s.session, s.group, s.kind, s.device, s.title, s.opened_at, std::int64_t{s.year},
       std::int64_t{s.month}, s.source});
}

void Store::close_session(const std::string& session, const std::string& at) {
  db_->query("UPDATE sessions SET closed_at = ? WHERE session = ? AND closed_at IS NULL",
             {at, session});
}

std::optional<AttendanceFact> Store::participant(const std::string& session,
                                                 const std::string& participant) {
  const auto rows = db_->query(
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

void Store::apply_attendance(const SessionRecord& session, const AttendanceFact& fact) {
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
  db_->query(
      "INSERT INTO participants (session, participant, unit, municipality, org, ord, checked_in) "
      "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (session, participant) DO UPDATE SET "
      "unit = excluded.unit, municipality = excluded.municipality, org = excluded.org, "
      "ord = excluded.ord, checked_in = excluded.checked_in",
      {session.session, next.participant, next.unit.empty() ? Value{} : Value{next.unit},
       opt(next.municipality), opt(next.org), next.ord, std::int64_t{next.checked_in ? 1 : 0}});
  if (current && current->checked_in && !current->unit.empty()) {
    recompute_unit(session, current->unit);
  }
  if (next.checked_in && (!current || !current->checked_in || current->unit != next.unit)) {
    recompute_unit(session, next.unit);
  }
}

// A unit is counted while one of its participants is checked in, for the
// municipality of the checked-in participant with the least order key.
void Store::recompute_unit(const SessionRecord& session, const std::string& unit) {
  // Both look-ups in one round trip; the counts tell "no row" from a NULL
  // municipality (a participant of an organisation).
  const auto state =
      db_->query(
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
    db_->query("DELETE FROM units WHERE session = ? AND unit = ?", {session.session, unit});
    if (old_muni) {
      bump(session, *old_muni, -1);
    }
  }
  if (counted) {
    db_->query("INSERT INTO units (session, unit, municipality) VALUES (?, ?, ?)",
               {session.session, unit, opt(new_muni)});
    if (new_muni) {
      bump(session, *new_muni, +1);
    }
  }
}

void Store::bump(const SessionRecord& session, const std::string& municipality,
                 std::int64_t delta) {
  if (batching_) {
    auto [it, _] =
        pending_counts_.try_emplace({session.session, municipality},
                                    PendingCount{session.kind, session.year, session.month, 0});
    it->second.delta += delta;
    return;
  }
  add_usage(municipality, session.year, session.month,
            count_units(session.session, session.kind, municipality, delta));
}

Store::UsageDelta Store::count_units(const std::string& session, const std::string& kind,
                                     const std::string& municipality, std::int64_t delta) {
  const auto rows = db_->query(
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

void Store::add_usage(const std::string& municipality, int year, int month, const UsageDelta& d) {
  db_->query(
      "INSERT INTO usage_months (municipality, year, month, sessions, units, meetings) "
      "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (municipality, year, month) DO UPDATE SET "
      "sessions = usage_months.sessions + excluded.sessions, "
      "units = usage_months.units + excluded.units, "
      "meetings = usage_months.meetings + excluded.meetings",
      {municipality, std::int64_t{year}, std::int64_t{month}, d.sessions, d.units, d.meetings});
}

void Store::begin_batch() {
  pending_counts_.clear();
  batching_ = true;
}

void Store::end_batch() {
  std::map<std::tuple<std::string, int, int>, UsageDelta> usage;
  for (const auto& [key, pending] : pending_counts_) {
    const auto& [session, municipality] = key;
    const UsageDelta d = count_units(session, pending.kind, municipality, pending.delta);
    UsageDelta& sum = usage[{municipality, pending.year, pending.month}];
    sum.sessions += d.sessions;
    sum.units += d.units;
    sum.meetings += d.meetings;
  }
  for (const auto& [key, d] : usage) {
    const auto& [municipality, year, month] = key;
    add_usage(municipality, year, month, d);
  }
  abandon_batch();
}

void Store::abandon_batch() {
  pending_counts_.clear();
  batching_ = false;
}

void Store::record_decision(const std::string& decision, const std::string& session,
                            const std::string& item, const std::string& text) {
  db_->query(
      "INSERT INTO decisions (decision, session, item, text) VALUES (?, ?, ?, ?) "
      "ON CONFLICT DO NOTHING",
      {decision, session, item, text});
}

void Store::record_action(const OpenActionRecord& a, const std::string& item) {
  db_->query(
      "INSERT INTO actions (action, session, grp, item, text, owner, due, recorded_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
      {a.action, a.session, a.group, item, a.text, a.owner, opt(a.due), a.recorded_at});
}

void Store::mark(const std::string& target, const std::string& mark, const std::string& session) {
  db_->query("INSERT INTO marks (target, mark, session) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
             {target, mark, session});
}

std::vector<OpenActionRecord> Store::open_actions(const std::vector<std::string>& groups) {
  std::vector<OpenActionRecord> result;
  for (const auto& group : groups) {
    for (const auto& r : db_->query(
             "SELECT action, grp, session, text, owner, due, recorded_at FROM actions a "
             "WHERE grp = ? AND NOT EXISTS (SELECT 1 FROM marks m WHERE m.target = a.action) "
             "ORDER BY recorded_at, action",
             {group})) {
      result.push_back({r.str(0), r.str(1), r.str(2), r.str(3), r.str(4), opt_str(r, 5), r.str(6)});
    }
  }
  return result;
}

std::int64_t Store::insert_correction(const Correction& c) {
  const auto rows = db_->query(
      "INSERT INTO corrections (session, participant, change, municipality, org, foster_home, "
      "reason, made_by, made_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {c.session, c.participant, c.change, opt(c.municipality), opt(c.org), opt(c.foster_home),
       c.reason, c.made_by, c.made_at});
  return rows.at(0).i64(0);
}

std::vector<Correction> Store::corrections(std::optional<int> year,
                                           std::optional<std::string> municipality) {
  std::vector<Correction> result;
  for (const auto& r : db_->query(
           "SELECT c.id, c.session, c.participant, c.change, c.municipality, c.org, "
           "c.foster_home, c.reason, c.made_by, c.made_at FROM corrections c "
           "JOIN sessions s ON s.session = c.session "
           "WHERE (CAST(? AS INTEGER) IS NULL OR s.year = ?) AND (CAST(? AS TEXT) IS NULL OR "
           "c.municipality = ?) ORDER BY c.id",
           {year ? Value{std::int64_t{*year}} : Value{},
            year ? Value{std::int64_t{*year}} : Value{}, opt(municipality), opt(municipality)})) {
    result.push_back({r.i64(0), r.str(1), r.str(2), r.str(3), opt_str(r, 4), opt_str(r, 5),
                      opt_str(r, 6), r.str(7), r.str(8), r.str(9)});
  }
  return result;
}

std::int64_t Store::insert_purchase(const Purchase& p) {
  return db_
      ->query(
          "INSERT INTO purchases (year, municipality, hundredths, note, made_by, made_at) "
          "VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
          {std::int64_t{p.year}, p.municipality, p.hundredths, p.note, p.made_by, p.made_at})
      .at(0)
      .i64(0);
}

std::vector<Purchase> Store::purchases(int year) {
  std::vector<Purchase> result;
  for (const auto& r : db_->query(
           "SELECT id, year, municipality, hundredths, note, made_by, made_at FROM purchases "
           "WHERE year = ? ORDER BY id",
           {std::int64_t{year}})) {
    result.push_back(
        {r.i64(0), static_cast<int>(r.i64(1)), r.str(2), r.i64(3), r.str(4), r.str(5), r.str(6)});
  }
  return result;
}

std::vector<UsageMonth> Store::usage_months(int year) {
  std::vector<UsageMonth> result;
  for (const auto& r :
       db_->query("SELECT municipality, year, month, sessions, units, meetings FROM usage_months "
                  "WHERE year = ? ORDER BY municipality, month",
                  {std::int64_t{year}})) {
    result.push_back({r.str(0), static_cast<int>(r.i64(1)), static_cast<int>(r.i64(2)), r.i64(3),
                      r.i64(4), r.i64(5)});
  }
  return result;
}

std::vector<SessionUnits> Store::session_units(int year, const std::string& municipality) {
  std::vector<SessionUnits> result;
  for (const auto& r : db_->query(
           "SELECT s.session, s.grp, s.kind, s.opened_at, s.source, m.count FROM session_munis m "
           "JOIN sessions s ON s.session = m.session WHERE s.year = ? AND m.municipality = ? "
           "AND m.count > 0 ORDER BY s.opened_at, s.session",
           {std::int64_t{year}, municipality})) {
    result.push_back({r.str(0), r.str(1), r.str(2), r.str(3), r.str(4), r.i64(5)});
  }
  return result;
}

std::vector<DeviceEpoch> Store::device_epochs() {
  std::vector<DeviceEpoch> result;
  for (const auto& r : db_->query(
           "SELECT device, epoch, max_seq, received, first_seen, last_seen FROM device_epochs "
           "ORDER BY device, first_seen, epoch")) {
    result.push_back({r.str(0), r.str(1), r.i64(2), r.i64(3), r.str(4), r.str(5)});
  }
  return result;
}

std::vector<SeqGap> Store::gaps(const std::string& device, const std::string& epoch,
                                std::size_t limit) {
  std::vector<SeqGap> result;
  for (const auto& r : db_->query(
           "SELECT prev + 1, seq - 1 FROM (SELECT seq, COALESCE(LAG(seq) OVER (ORDER BY seq), 0) "
           "AS prev FROM seqs WHERE device = ? AND epoch = ?) t WHERE seq > prev + 1 "
           "ORDER BY seq LIMIT ?",
           {device, epoch, static_cast<std::int64_t>(limit)})) {
    result.push_back({r.i64(0), r.i64(1)});
  }
  return result;
}

std::vector<DeviceStatus> Store::statuses() {
  std::vector<DeviceStatus> result;
  for (const auto& r : db_->query(
           "SELECT device, online, fw, outbox, clock_ok, last_ack, updated_at FROM device_status "
           "ORDER BY device")) {
    result.push_back({r.str(0), r.i64(1) != 0, opt_str(r, 2),
                      r.is_null(3) ? std::nullopt : std::optional<std::int64_t>(r.i64(3)),
                      r.is_null(4) ? std::nullopt : std::optional<bool>(r.i64(4) != 0),
                      opt_str(r, 5), r.str(6)});
  }
  return result;
}

std::vector<QuarantineEntry> Store::quarantine_entries(std::size_t limit) {
  std::vector<QuarantineEntry> result;
  for (const auto& r : db_->query(
           "SELECT id, received_at, topic, device, event_id, epoch, seq, size, raw_hex, reason "
           "FROM quarantine ORDER BY id DESC LIMIT ?",
           {static_cast<std::int64_t>(limit)})) {
    result.push_back({r.i64(0), r.str(1), r.str(2), opt_str(r, 3), opt_str(r, 4), opt_str(r, 5),
                      r.is_null(6) ? std::nullopt : std::optional<std::int64_t>(r.i64(6)), r.i64(7),
                      from_hex(r.str(8)), r.str(9)});
  }
  return result;
}

std::int64_t Store::pending_count() {
  return db_->query("SELECT COUNT(*) FROM events WHERE pending = 1").at(0).i64(0);
}

bool Store::year_closed(int year) {
  return !db_->query("SELECT 1 FROM closed_years WHERE year = ?", {std::int64_t{year}}).empty();
}

void Store::close_year(int year, const std::vector<FrozenUsage>& rows, const std::string& by,
                       const std::string& at) {
  db_->query("INSERT INTO closed_years (year, closed_at, closed_by) VALUES (?, ?, ?)",
             {std::int64_t{year}, at, by});
  for (const auto& f : rows) {
    db_->query(
        "INSERT INTO frozen_usage (year, municipality, sessions, units, enrollments, meetings, "
        "purchased_hundredths) VALUES (?, ?, ?, ?, ?, ?, ?)",
        {std::int64_t{year}, f.municipality, f.sessions, f.units, f.enrollments, f.meetings,
         f.purchased_hundredths});
  }
}

std::vector<FrozenUsage> Store::frozen_usage(int year) {
  std::vector<FrozenUsage> result;
  for (const auto& r : db_->query(
           "SELECT municipality, sessions, units, enrollments, meetings, purchased_hundredths "
           "FROM frozen_usage WHERE year = ? ORDER BY municipality",
           {std::int64_t{year}})) {
    result.push_back({r.str(0), r.i64(1), r.i64(2), r.i64(3), r.i64(4), r.i64(5)});
  }
  return result;
}

std::int64_t Store::room_rev(const std::string& device, const std::string& digest) {
  const auto rows = db_->query("SELECT rev, digest FROM room_revs WHERE device = ?", {device});
  if (!rows.empty() && rows[0].str(1) == digest) {
    return rows[0].i64(0);
  }
  const std::int64_t rev = rows.empty() ? 1 : rows[0].i64(0) + 1;
  db_->query(
      "INSERT INTO room_revs (device, rev, digest) VALUES (?, ?, ?) ON CONFLICT (device) DO "
      "UPDATE SET rev = excluded.rev, digest = excluded.digest",
      {device, rev, digest});
  return rev;
}

}  // namespace tavla::host::storage
