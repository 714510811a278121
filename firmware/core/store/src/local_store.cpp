#include "tavla/kiosk/local_store.hpp"

#include "pin_lockouts.hpp"
#include "rejected_events.hpp"
#include "sqlite_handle.hpp"
#include "state_codec.hpp"
#include "tavla/protocol/codec.hpp"

namespace tavla::kiosk {

using detail::Statement;
using detail::throw_sqlite;

namespace {

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS meta(
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS state(
  id INTEGER PRIMARY KEY CHECK (id = 1),
  json TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS outbox(
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  type TEXT NOT NULL,
  payload TEXT NOT NULL,
  created_ms INTEGER NOT NULL,
  acked_ms INTEGER
);
CREATE INDEX IF NOT EXISTS outbox_unacked ON outbox(seq) WHERE acked_ms IS NULL;
CREATE INDEX IF NOT EXISTS outbox_acked ON outbox(acked_ms) WHERE acked_ms IS NOT NULL;
CREATE TABLE IF NOT EXISTS room_config(
  id INTEGER PRIMARY KEY CHECK (id = 1),
  rev INTEGER NOT NULL,
  payload TEXT NOT NULL
);
)sql";

std::optional<std::string> meta(sqlite3* db, std::string_view key) {
  Statement s(db, "SELECT value FROM meta WHERE key = ?");
  s.bind(1, key);
  if (s.step()) {
    return s.text(0);
  }
  return std::nullopt;
}

void set_meta(sqlite3* db, std::string_view key, std::string_view value) {
  Statement s(db,
              "INSERT INTO meta(key, value) VALUES(?, ?) "
              "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
  s.bind(1, key).bind(2, value);
  s.step();
}

// Rolls back unless commit() was reached: every early exit (an exception)
// leaves the database as it was.
class Transaction {
 public:
  explicit Transaction(sqlite3* db) : db_(db) {
    if (sqlite3_exec(db_, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) != SQLITE_OK) {
      throw_sqlite(db_, "begin");
    }
  }
  ~Transaction() {
    if (!done_) {
      sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    }
  }
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit() {
    if (sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK) {
      throw_sqlite(db_, "commit");
    }
    done_ = true;
  }

 private:
  sqlite3* db_;
  bool done_ = false;
};

}  // namespace

LocalStore::LocalStore(const std::filesystem::path& path, std::string device,
                       const std::string& new_epoch)
    : path_(path), device_(std::move(device)) {
  if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) !=
      SQLITE_OK) {
    const std::string why = db_ != nullptr ? sqlite3_errmsg(db_) : "out of memory";
    sqlite3_close(db_);
    db_ = nullptr;
    throw LocalStoreError("cannot open " + path.string() + ": " + why);
  }
  try {
    sqlite3_busy_timeout(db_, 5000);
    // WAL: a commit is one append + fsync of the log; readers never block the
    // writer. FULL: fsync at every commit, so a returned commit is durable.
    exec("PRAGMA journal_mode = WAL");
    exec("PRAGMA synchronous = FULL");
    Transaction tx(db_);
    exec(kSchema);
    exec(detail::kRejectedSchema);
    exec(detail::kPinLockoutSchema);
    auto epoch = meta(db_, "epoch");
    if (!epoch) {
      set_meta(db_, "epoch", new_epoch);
      set_meta(db_, "device", device_);
      set_meta(db_, "last_seq", "0");
      set_meta(db_, "schema", "1");
      epoch = new_epoch;
    }
    const auto owner = meta(db_, "device");
    if (owner != device_) {
      throw LocalStoreError(path.string() + " belongs to device '" + owner.value_or("?") +
                            "', not '" + device_ + "'");
    }
    tx.commit();
    epoch_ = *epoch;
    last_seq_ = std::stoull(meta(db_, "last_seq").value_or("0"));
    if (const auto ack = meta(db_, "last_ack_ms")) {
      last_ack_ = Timestamp{Milliseconds{std::stoll(*ack)}};
    }
    Statement count(db_, "SELECT count(*) FROM outbox WHERE acked_ms IS NULL");
    count.step();
    depth_ = static_cast<std::uint64_t>(count.integer(0));
  } catch (...) {
    sqlite3_close(db_);
    db_ = nullptr;
    throw;
  }
}

LocalStore::~LocalStore() {
  sqlite3_close(db_);
}

void LocalStore::exec(const char* sql) {
  char* error = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &error) != SQLITE_OK) {
    const std::string why = error != nullptr ? error : "?";
    sqlite3_free(error);
    throw LocalStoreError(path_.string() + ": " + why);
  }
}

KioskState LocalStore::load_state() {
  const std::lock_guard lock(mutex_);
  Statement s(db_, "SELECT json FROM state WHERE id = 1");
  if (!s.step()) {
    return {};
  }
  return detail::decode_state(s.text(0));
}

std::vector<protocol::Event> LocalStore::commit(const KioskState& next,
                                                std::span<const EventDraft> drafts, Timestamp ts) {
  std::vector<protocol::Event> events;
  std::vector<std::string> payloads;
  events.reserve(drafts.size());
  {
    // Encode before taking the lock; seq is filled in below.
    for (const auto& draft : drafts) {
      events.push_back(protocol::Event{draft.id, device_, epoch_, 0, ts, draft.body});
    }
  }
  const std::string state_json = detail::encode_state(next);
  const std::lock_guard lock(mutex_);
  std::uint64_t seq = last_seq_;
  for (auto& event : events) {
    event.seq = ++seq;
    if (auto error = protocol::validate(event)) {
      throw LocalStoreError("refusing to store an invalid event: " + error->message());
    }
    payloads.push_back(protocol::encode(event));
  }
  Transaction tx(db_);
  {
    Statement state(db_,
                    "INSERT INTO state(id, json) VALUES(1, ?) "
                    "ON CONFLICT(id) DO UPDATE SET json = excluded.json");
    state.bind(1, state_json);
    state.step();
  }
  if (!events.empty()) {
    Statement insert(db_,
                     "INSERT INTO outbox(seq, id, type, payload, created_ms) "
                     "VALUES(?, ?, ?, ?, ?)");
    for (std::size_t i = 0; i < events.size(); ++i) {
      insert.bind(1, static_cast<std::int64_t>(events[i].seq))
          .bind(2, events[i].id)
          .bind(3, protocol::type_of(events[i].body))
          .bind(4, payloads[i])
          .bind(5, static_cast<std::int64_t>(ts.time_since_epoch().count()));
      insert.step();
      insert.reset();
    }
    set_meta(db_, "last_seq", std::to_string(seq));
  }
  tx.commit();
  last_seq_ = seq;
  depth_ += events.size();
  return events;
}

void LocalStore::save_config(const StoredConfig& config) {
  const std::lock_guard lock(mutex_);
  Transaction tx(db_);
  Statement s(db_,
              "INSERT INTO room_config(id, rev, payload) VALUES(1, ?, ?) "
              "ON CONFLICT(id) DO UPDATE SET rev = excluded.rev, payload = excluded.payload");
  s.bind(1, static_cast<std::int64_t>(config.rev)).bind(2, config.payload);
  s.step();
  tx.commit();
}

std::optional<StoredConfig> LocalStore::load_config() {
  const std::lock_guard lock(mutex_);
  Statement s(db_, "SELECT rev, payload FROM room_config WHERE id = 1");
  if (!s.step()) {
    return std::nullopt;
  }
  return StoredConfig{static_cast<std::uint64_t>(s.integer(0)), s.text(1)};
}

std::uint64_t LocalStore::configs_refused() {
  const std::lock_guard lock(mutex_);
  return std::stoull(meta(db_, "configs_refused").value_or("0"));
}

std::uint64_t LocalStore::count_refused_config() {
  const std::lock_guard lock(mutex_);
  Transaction tx(db_);
  const std::uint64_t count = std::stoull(meta(db_, "configs_refused").value_or("0")) + 1;
  set_meta(db_, "configs_refused", std::to_string(count));
  tx.commit();
  return count;
}

std::vector<OutboxEntry> LocalStore::pending(std::uint64_t after_seq, std::size_t limit) {
  const std::lock_guard lock(mutex_);
  Statement s(db_,
              "SELECT seq, id, payload FROM outbox WHERE acked_ms IS NULL AND seq > ? "
              "ORDER BY seq LIMIT ?");
  s.bind(1, static_cast<std::int64_t>(after_seq)).bind(2, static_cast<std::int64_t>(limit));
  std::vector<OutboxEntry> out;
  while (s.step()) {
    out.push_back(OutboxEntry{static_cast<std::uint64_t>(s.integer(0)), s.text(1), s.text(2)});
  }
  return out;
}

std::vector<std::uint64_t> LocalStore::mark_acked(std::span<const std::string> ids, Timestamp now,
                                                  std::span<const protocol::Rejection> rejected) {
  std::vector<std::uint64_t> acked;
  if (ids.empty()) {
    return acked;
  }
  const std::lock_guard lock(mutex_);
  Transaction tx(db_);
  Statement s(db_,
              "UPDATE outbox SET acked_ms = ? WHERE id = ? AND acked_ms IS NULL "
              "RETURNING seq");
  for (const auto& id : ids) {
    s.bind(1, static_cast<std::int64_t>(now.time_since_epoch().count())).bind(2, id);
    while (s.step()) {
      acked.push_back(static_cast<std::uint64_t>(s.integer(0)));
    }
    s.reset();
  }
  if (!acked.empty()) {
    set_meta(db_, "last_ack_ms", std::to_string(now.time_since_epoch().count()));
  }
  detail::keep_rejections(db_, rejected, now);
  tx.commit();
  if (!acked.empty()) {
    depth_ -= std::min<std::uint64_t>(depth_, acked.size());
    last_ack_ = now;
  }
  return acked;
}

std::uint64_t LocalStore::outbox_depth() {
  const std::lock_guard lock(mutex_);
  return depth_;
}

std::optional<Timestamp> LocalStore::last_ack() {
  const std::lock_guard lock(mutex_);
  return last_ack_;
}

std::uint64_t LocalStore::last_seq() {
  const std::lock_guard lock(mutex_);
  return last_seq_;
}

std::uint64_t LocalStore::prune(Timestamp cutoff) {
  const std::lock_guard lock(mutex_);
  Transaction tx(db_);
  Statement s(db_, "DELETE FROM outbox WHERE acked_ms IS NOT NULL AND acked_ms < ?");
  s.bind(1, static_cast<std::int64_t>(cutoff.time_since_epoch().count()));
  s.step();
  const auto pruned = static_cast<std::uint64_t>(sqlite3_changes(db_));
  detail::forget_rejections(db_, cutoff);
  tx.commit();
  return pruned;
}

Rejections LocalStore::rejections(std::size_t latest) {
  const std::lock_guard lock(mutex_);
  return detail::read_rejections(db_, latest);
}

std::map<std::string, LockoutEntry> LocalStore::load_pin_lockouts() {
  const std::lock_guard lock(mutex_);
  return detail::read_pin_lockouts(db_);
}

void LocalStore::save_pin_lockout(const std::string& key,
                                  const std::optional<LockoutEntry>& entry) {
  const std::lock_guard lock(mutex_);
  if (entry) {
    detail::write_pin_lockout(db_, key, *entry);
  } else {
    detail::delete_pin_lockout(db_, key);
  }
}

std::optional<std::string> LocalStore::preference(const std::string& key) {
  const std::lock_guard lock(mutex_);
  return meta(db_, "pref." + key);
}

void LocalStore::set_preference(const std::string& key, const std::optional<std::string>& value) {
  const std::lock_guard lock(mutex_);
  if (value) {
    set_meta(db_, "pref." + key, *value);
  } else {
    Statement s(db_, "DELETE FROM meta WHERE key = ?");
    s.bind(1, "pref." + key);
    s.step();
  }
}

std::string LocalStore::integrity_check() {
  const std::lock_guard lock(mutex_);
  Statement s(db_, "PRAGMA integrity_check");
  std::string out;
  while (s.step()) {
    if (!out.empty()) {
      out += "; ";
    }
    out += s.text(0);
  }
  return out;
}

}  // namespace tavla::kiosk
