#include "tavla/host/storage/migrations.hpp"

#include <array>
#include <string>

namespace tavla::host::storage {
namespace {

// {id} is an auto-increment primary key in each dialect.
// Text columns hold timestamps in the protocol's one spelling (UTC, ms), so
// they sort as instants.
constexpr std::string_view kV1 = R"(
CREATE TABLE events (
  id TEXT PRIMARY KEY,
  device TEXT NOT NULL, epoch TEXT NOT NULL, seq BIGINT NOT NULL,
  ts TEXT NOT NULL, type TEXT NOT NULL, session TEXT NOT NULL,
  payload TEXT NOT NULL, received_at TEXT NOT NULL,
  pending INTEGER NOT NULL  -- 1: waits for its session's session.opened
);
CREATE INDEX events_pending ON events (session) WHERE pending = 1;
CREATE INDEX events_session ON events (session);
CREATE TABLE quarantine (
  id {id}, received_at TEXT NOT NULL, topic TEXT NOT NULL, device TEXT,
  event_id TEXT, epoch TEXT, seq BIGINT, size BIGINT NOT NULL, raw_hex TEXT NOT NULL,
  reason TEXT NOT NULL
);
CREATE INDEX quarantine_event ON quarantine (event_id);
CREATE TABLE seqs (device TEXT NOT NULL, epoch TEXT NOT NULL, seq BIGINT NOT NULL,
  PRIMARY KEY (device, epoch, seq));
CREATE TABLE device_epochs (device TEXT NOT NULL, epoch TEXT NOT NULL,
  max_seq BIGINT NOT NULL, received BIGINT NOT NULL, first_seen TEXT NOT NULL,
  last_seen TEXT NOT NULL, PRIMARY KEY (device, epoch));
CREATE TABLE device_status (device TEXT PRIMARY KEY, online INTEGER NOT NULL, fw TEXT,
  outbox BIGINT, clock_ok INTEGER, last_ack TEXT, updated_at TEXT NOT NULL);
CREATE TABLE sessions (
  session TEXT PRIMARY KEY, grp TEXT NOT NULL, kind TEXT NOT NULL, device TEXT NOT NULL,
  title TEXT NOT NULL, opened_at TEXT NOT NULL, year INTEGER NOT NULL, month INTEGER NOT NULL,
  source TEXT NOT NULL,  -- the session.opened event id, or "correction:<id>"
  closed_at TEXT
);
CREATE INDEX sessions_year ON sessions (year, kind);
CREATE TABLE participants (
  session TEXT NOT NULL, participant TEXT NOT NULL, unit TEXT, municipality TEXT, org TEXT,
  ord TEXT NOT NULL,       -- (source, device, epoch, seq) of the state's event, as sortable text
  checked_in INTEGER NOT NULL,
  PRIMARY KEY (session, participant)
);
CREATE INDEX participants_unit ON participants (session, unit);
CREATE TABLE units (session TEXT NOT NULL, unit TEXT NOT NULL, municipality TEXT,
  PRIMARY KEY (session, unit));
CREATE TABLE session_munis (session TEXT NOT NULL, municipality TEXT NOT NULL,
  count BIGINT NOT NULL, PRIMARY KEY (session, municipality));
CREATE INDEX session_munis_muni ON session_munis (municipality);
CREATE TABLE usage_months (municipality TEXT NOT NULL, year INTEGER NOT NULL,
  month INTEGER NOT NULL, sessions BIGINT NOT NULL, units BIGINT NOT NULL,
  meetings BIGINT NOT NULL, PRIMARY KEY (municipality, year, month));
CREATE TABLE decisions (decision TEXT PRIMARY KEY, session TEXT NOT NULL, item TEXT NOT NULL,
  text TEXT NOT NULL);
CREATE TABLE actions (action TEXT PRIMARY KEY, session TEXT NOT NULL, grp TEXT NOT NULL,
  item TEXT NOT NULL, text TEXT NOT NULL, owner TEXT NOT NULL, due TEXT,
  recorded_at TEXT NOT NULL);
CREATE TABLE marks (target TEXT NOT NULL, mark TEXT NOT NULL, session TEXT NOT NULL,
  PRIMARY KEY (target, mark));  -- mark: done | retracted
CREATE TABLE corrections (id {id}, session TEXT NOT NULL, participant TEXT NOT NULL,
  change TEXT NOT NULL, municipality TEXT, org TEXT, foster_home TEXT, reason TEXT NOT NULL,
  made_by TEXT NOT NULL, made_at TEXT NOT NULL);
CREATE INDEX corrections_session ON corrections (session);
CREATE TABLE purchases (id {id}, year INTEGER NOT NULL, municipality TEXT NOT NULL,
  hundredths BIGINT NOT NULL, note TEXT NOT NULL, made_by TEXT NOT NULL, made_at TEXT NOT NULL);
CREATE TABLE closed_years (year INTEGER PRIMARY KEY, closed_at TEXT NOT NULL,
  closed_by TEXT NOT NULL);
CREATE TABLE frozen_usage (year INTEGER NOT NULL, municipality TEXT NOT NULL,
  sessions BIGINT NOT NULL, units BIGINT NOT NULL, enrollments BIGINT NOT NULL,
  meetings BIGINT NOT NULL, purchased_hundredths BIGINT NOT NULL,
  PRIMARY KEY (year, municipality));
CREATE TABLE room_revs (device TEXT PRIMARY KEY, rev BIGINT NOT NULL, digest TEXT NOT NULL);
)";

// Quarantine names why with a stable code (an ErrorCode or RejectionCode
// name). Entries of a version 1 host carry the code of a decode error only
// at the end of their reason; those of an event type it did not know get
// theirs, so an upgraded host replays them.
constexpr std::string_view kV2 = R"(
ALTER TABLE quarantine ADD COLUMN code TEXT;
UPDATE quarantine SET code = 'unknown_type' WHERE reason LIKE '%[unknown\_type]' ESCAPE '\';
CREATE INDEX quarantine_code ON quarantine (code);
)";

// The room-config versions a device announced in its status ("1,2"; NULL:
// none, so version 1).
constexpr std::string_view kV3 = R"(
ALTER TABLE device_status ADD COLUMN versions TEXT;
)";

// A purchase is removed, never deleted: who removed it, when and why stay
// beside who recorded it.
constexpr std::string_view kV4 = R"(
ALTER TABLE purchases ADD COLUMN removed_by TEXT;
ALTER TABLE purchases ADD COLUMN removed_at TEXT;
ALTER TABLE purchases ADD COLUMN removed_reason TEXT;
)";

// The registry: each member list row as versions with the Europe/Oslo
// dates each was in force, [valid_from, valid_to) (NULL: from the
// beginning, still in force); and the check-ins whose claimed affiliation
// or foster home differed from it.
constexpr std::string_view kV5 = R"(
CREATE TABLE registry (
  id {id}, grp TEXT NOT NULL, participant TEXT NOT NULL,
  municipality TEXT, org TEXT, foster_home TEXT,
  valid_from TEXT, valid_to TEXT, imported_at TEXT NOT NULL
);
CREATE INDEX registry_member ON registry (grp, participant);
CREATE TABLE registry_mismatches (
  id {id}, session TEXT NOT NULL, participant TEXT NOT NULL, event_id TEXT NOT NULL,
  kiosk_municipality TEXT, kiosk_org TEXT, kiosk_foster_home TEXT,
  registry_municipality TEXT, registry_org TEXT, registry_foster_home TEXT,
  noted_at TEXT NOT NULL
);
)";

// PIN verifiers of room-config version 2, made once per member and PIN and
// kept, so a reload keeps them (and the config's rev) and never hashes
// again: `fingerprint` (an HMAC of the PIN under the device secret) tells
// whether the member's PIN is still the one the verifier was made of.
constexpr std::string_view kV6 = R"(
CREATE TABLE pin_verifiers (device TEXT NOT NULL, participant TEXT NOT NULL,
  fingerprint TEXT NOT NULL, verifier TEXT NOT NULL, PRIMARY KEY (device, participant));
)";

// What a closed year's figures depend on (plan, populations, bases), as
// close-year froze them; the a-konto as issued; who reopened a year and why.
constexpr std::string_view kV7 = R"(
CREATE TABLE frozen_figures (year INTEGER PRIMARY KEY, figures TEXT NOT NULL);
CREATE TABLE provisional_issued (year INTEGER NOT NULL, position BIGINT NOT NULL,
  municipality TEXT NOT NULL, amount BIGINT NOT NULL, issued_at TEXT NOT NULL,
  issued_by TEXT NOT NULL, PRIMARY KEY (year, position));
CREATE TABLE year_reopenings (id {id}, year INTEGER NOT NULL, reason TEXT NOT NULL,
  reopened_by TEXT NOT NULL, reopened_at TEXT NOT NULL);
)";


// Sessions dated by the host's receive time because the device's clock was
// doubted: the opening event, what the device said and why it was doubted.
constexpr std::string_view kV8 = R"(
CREATE TABLE clock_flags (
  event_id TEXT PRIMARY KEY, device TEXT NOT NULL, session TEXT NOT NULL,
  device_ts TEXT NOT NULL, received_at TEXT NOT NULL, year INTEGER NOT NULL,
  reason TEXT NOT NULL
);
)";

constexpr std::array<std::string_view, 8> kMigrations = {kV1, kV2, kV3, kV4, kV5, kV6, kV7, kV8};

std::string for_dialect(std::string_view sql, Dialect dialect) {
  std::string out(sql);
  const std::string id =
      dialect == Dialect::sqlite ? "INTEGER PRIMARY KEY AUTOINCREMENT" : "BIGSERIAL PRIMARY KEY";
  for (auto pos = out.find("{id}"); pos != std::string::npos; pos = out.find("{id}", pos)) {
    out.replace(pos, 4, id);
  }
  return out;
}

}  // namespace

int latest_schema_version() {
  return static_cast<int>(kMigrations.size());
}

int migrate(Database& db) {
  db.script(
      "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
      "applied_at TEXT NOT NULL)");
  int found = 0;
  in_transaction(db, [&](Transaction& tx) {
    // Inside the write transaction (and its lock): two instances starting
    // together migrate once.
    const auto rows = tx.query("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
    found = static_cast<int>(rows.at(0).i64(0));
    if (found > latest_schema_version()) {
      throw DatabaseError("the database has schema version " + std::to_string(found) +
                          ", newer than this program's " + std::to_string(latest_schema_version()) +
                          "; upgrade tavla-host");
    }
    for (int v = found + 1; v <= latest_schema_version(); ++v) {
      tx.db().script(for_dialect(kMigrations[static_cast<std::size_t>(v - 1)], db.dialect()));
      tx.query("INSERT INTO schema_migrations (version, applied_at) VALUES (?, CURRENT_TIMESTAMP)",
               {std::int64_t{v}});
    }
  });
  return found;
}

}  // namespace tavla::host::storage
