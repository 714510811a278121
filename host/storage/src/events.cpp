#include "tavla/host/storage/events.hpp"

#include "tavla/protocol/pin_hash.hpp"
#include "values.hpp"

namespace tavla::host::storage {
namespace {

constexpr std::string_view kQuarantineColumns =
    "SELECT id, received_at, topic, device, event_id, epoch, seq, size, raw_hex, reason, code "
    "FROM quarantine ";

QuarantineEntry quarantine_entry(const Row& r) {
  return {r.i64(0),      r.str(1),      r.str(2),
          opt_str(r, 3), opt_str(r, 4), opt_str(r, 5),
          opt_i64(r, 6), r.i64(7),      protocol::from_hex(r.str(8)).value_or(""),
          r.str(9),      r.str(10)};
}

}  // namespace

bool EventRepository::insert(Transaction& tx, const StoredEvent& e,
                             const std::string& received_at) {
  // INSERT ... SELECT, so that the row is not inserted when quarantine has
  // the id. The CASTs give PostgreSQL the parameters' types.
  const auto rows = writing(tx).query(
      "INSERT INTO events (id, device, epoch, seq, ts, type, session, payload, received_at, "
      "pending) SELECT ?, ?, ?, CAST(? AS BIGINT), ?, ?, ?, ?, ?, CAST(? AS INTEGER) "
      "WHERE NOT EXISTS (SELECT 1 FROM quarantine WHERE event_id = ?) "
      "ON CONFLICT (id) DO NOTHING RETURNING id",
      {e.id, e.device, e.epoch, e.seq, e.ts, e.type, e.session, e.payload, received_at,
       flag(e.pending), e.id});
  return !rows.empty();
}

std::optional<KeptEvent> EventRepository::find_kept(const std::string& id) {
  const auto rows = db().query(
      "SELECT 0, CAST(NULL AS TEXT) FROM events WHERE id = ? UNION ALL "
      "SELECT 1, code FROM quarantine WHERE event_id = ? LIMIT 1",
      {id, id});
  if (rows.empty()) {
    return std::nullopt;
  }
  return KeptEvent{rows[0].i64(0) != 0, rows[0].str(1)};
}

bool EventRepository::is_stored(const std::string& id) {
  return !db().query("SELECT 1 FROM events WHERE id = ?", {id}).empty();
}

std::vector<StoredEvent> EventRepository::pending_events(const std::string& session) {
  std::vector<StoredEvent> events;
  for (const auto& r :
       db().query("SELECT id, device, epoch, seq, ts, type, session, payload FROM events "
                  "WHERE session = ? AND pending = 1 ORDER BY device, epoch, seq",
                  {session})) {
    events.push_back(
        {r.str(0), r.str(1), r.str(2), r.i64(3), r.str(4), r.str(5), r.str(6), r.str(7), true});
  }
  return events;
}

std::int64_t EventRepository::pending_count() {
  return db().query("SELECT COUNT(*) FROM events WHERE pending = 1").at(0).i64(0);
}

void EventRepository::mark_applied(Transaction& tx, const std::string& event_id) {
  writing(tx).query("UPDATE events SET pending = 0 WHERE id = ?", {event_id});
}

void EventRepository::quarantine(Transaction& tx, QuarantineEntry q) {
  const auto size = static_cast<std::int64_t>(q.raw.size());
  if (q.size == 0) {
    q.size = size;
  }
  if (q.raw.size() > kQuarantineRawBytes) {
    q.raw.resize(kQuarantineRawBytes);
  }
  writing(tx).query(
      "INSERT INTO quarantine (received_at, topic, device, event_id, epoch, seq, size, raw_hex, "
      "reason, code) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {q.received_at, q.topic, opt(q.device), opt(q.event_id), opt(q.epoch), opt(q.seq), q.size,
       protocol::to_hex(q.raw), q.reason, q.code});
}

void EventRepository::move_to_quarantine(Transaction& tx, const StoredEvent& e,
                                         const std::string& topic, const std::string& code,
                                         const std::string& reason, const std::string& at) {
  writing(tx).query("DELETE FROM events WHERE id = ?", {e.id});
  quarantine(tx, {0, at, topic, e.device, e.id, e.epoch, e.seq, 0, e.payload, reason, code});
}

std::vector<QuarantineEntry> EventRepository::quarantine_entries(std::size_t limit) {
  std::vector<QuarantineEntry> result;
  for (const auto& r : db().query(std::string(kQuarantineColumns) + "ORDER BY id DESC LIMIT ?",
                                  {static_cast<std::int64_t>(limit)})) {
    result.push_back(quarantine_entry(r));
  }
  return result;
}

std::vector<QuarantineEntry> EventRepository::quarantined_with_code(const std::string& code) {
  std::vector<QuarantineEntry> result;
  for (const auto& r :
       db().query(std::string(kQuarantineColumns) + "WHERE code = ? ORDER BY id", {code})) {
    result.push_back(quarantine_entry(r));
  }
  return result;
}

void EventRepository::remove_from_quarantine(Transaction& tx, std::int64_t entry_id) {
  writing(tx).query("DELETE FROM quarantine WHERE id = ?", {entry_id});
}

}  // namespace tavla::host::storage
