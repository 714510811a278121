// The host's durable state, over one Database (SQLite or PostgreSQL): events
// stored idempotently by id, quarantine, per-(device, epoch) sequence
// tracking, sessions, attendance state and the small derived aggregates that
// reports read, corrections with their audit trail, purchases, closed years
// and room-config revisions.
//
// Invariants:
// - An event id is stored at most once; a duplicate changes nothing.
// - The aggregates (units, session_munis, usage_months) are a function of the
//   set of applied attendance facts, whatever their arrival order: the
//   participant state is the one with the greatest order key, a unit's
//   municipality is that of its checked-in participant with the least key.
// - Writers call the mutating functions between Database::begin/commit; the
//   aggregates change in the same transaction as the facts they come from.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "tavla/host/storage/database.hpp"

namespace tavla::host::storage {

struct StoredEvent {
  std::string id;
  std::string device;
  std::string epoch;
  std::int64_t seq = 0;
  std::string ts;  // protocol timestamp text
  std::string type;
  std::string session;
  std::string payload;  // the exact bytes received
  bool pending = false;
};

struct QuarantineEntry {
  std::int64_t id = 0;
  std::string received_at;
  std::string topic;
  std::optional<std::string> device;
  std::optional<std::string> event_id;
  std::optional<std::string> epoch;
  std::optional<std::int64_t> seq;
  std::int64_t size = 0;  // bytes received
  std::string raw;        // the first kQuarantineRawBytes of them
  std::string reason;
};

// Quarantine keeps at most this many bytes of a message (its size is kept whole).
inline constexpr std::size_t kQuarantineRawBytes = std::size_t{16} * 1024;

struct SessionRecord {
  std::string session;
  std::string group;
  std::string kind;  // group_guidance | network_meeting
  std::string device;
  std::string title;
  std::string opened_at;
  int year = 0;
  int month = 0;
  std::string source;
  std::optional<std::string> closed_at;
};

// One attendance fact: a participant checked in (with affiliation and unit)
// or withdrawn, ordered by `ord`.
struct AttendanceFact {
  std::string participant;
  bool checked_in = false;
  std::string unit;  // check-ins: "fh:<foster home>" or "p:<participant>"
  std::optional<std::string> municipality;
  std::optional<std::string> org;
  std::string ord;
};

// Order keys: kiosk facts by (device, epoch, seq); corrections after them all.
[[nodiscard]] std::string device_order(const std::string& device, const std::string& epoch,
                                       std::int64_t seq);
[[nodiscard]] std::string correction_order(std::int64_t correction_id);

struct UsageMonth {
  std::string municipality;
  int year = 0;
  int month = 0;
  std::int64_t sessions = 0;  // group-guidance sessions with a unit from it
  std::int64_t units = 0;     // attendance units
  std::int64_t meetings = 0;  // network meetings with an attendee from it
};

struct SessionUnits {  // one session's count for one municipality (--explain)
  std::string session;
  std::string group;
  std::string kind;
  std::string opened_at;
  std::string source;
  std::int64_t count = 0;
};

struct Correction {
  std::int64_t id = 0;
  std::string session;
  std::string participant;
  std::string change;  // add | remove
  std::optional<std::string> municipality;
  std::optional<std::string> org;
  std::optional<std::string> foster_home;
  std::string reason;
  std::string made_by;
  std::string made_at;
};

struct Purchase {
  std::int64_t id = 0;
  int year = 0;
  std::string municipality;
  std::int64_t hundredths = 0;  // hours × 100
  std::string note;
  std::string made_by;
  std::string made_at;
};

struct DeviceEpoch {
  std::string device;
  std::string epoch;
  std::int64_t max_seq = 0;
  std::int64_t received = 0;  // distinct seqs (events and quarantine)
  std::string first_seen;
  std::string last_seen;
  [[nodiscard]] std::int64_t missing() const { return max_seq - received; }
};

// One (device, epoch, seq) that arrived, for Store::note_seqs.
struct SeqNote {
  std::string device;
  std::string epoch;
  std::int64_t seq = 0;
};

struct SeqGap {
  std::int64_t first = 0;
  std::int64_t last = 0;
};

struct DeviceStatus {
  std::string device;
  bool online = false;
  std::optional<std::string> fw;
  std::optional<std::int64_t> outbox;
  std::optional<bool> clock_ok;
  std::optional<std::string> last_ack;
  std::string updated_at;
};

struct OpenActionRecord {
  std::string action;
  std::string group;
  std::string session;
  std::string text;
  std::string owner;
  std::optional<std::string> due;
  std::string recorded_at;
};

struct FrozenUsage {
  std::string municipality;
  std::int64_t sessions = 0;
  std::int64_t units = 0;
  std::int64_t enrollments = 0;
  std::int64_t meetings = 0;
  std::int64_t purchased_hundredths = 0;
};

class Store {
 public:
  // Opens the database at `url`, creating and migrating it as needed.
  explicit Store(const std::string& url);
  explicit Store(std::unique_ptr<Database> db);

  [[nodiscard]] Database& db() { return *db_; }
  void begin() { db_->begin(); }
  void commit() { db_->commit(); }
  void rollback() { db_->rollback(); }

  // --- ingest ---
  // False if an event with this id is already stored or in quarantine
  // (nothing changes then): the duplicate check and the insert in one
  // statement.
  bool insert_event(const StoredEvent& event, const std::string& received_at);
  [[nodiscard]] bool has_event(const std::string& id);
  // Stored or in quarantine, in one statement.
  [[nodiscard]] bool known_event(const std::string& id);
  void quarantine(QuarantineEntry entry);
  // Records that (device, epoch, seq) arrived; repeated calls change nothing.
  void note_seq(const std::string& device, const std::string& epoch, std::int64_t seq,
                const std::string& at);
  // note_seq for each of `seqs` (repeats allowed), in a few multi-row
  // statements: the same result as calling note_seq for each in turn.
  void note_seqs(const std::vector<SeqNote>& seqs, const std::string& at);
  [[nodiscard]] std::vector<StoredEvent> pending_events(const std::string& session);
  void mark_applied(const std::string& event_id);
  // Moves a stored event to quarantine with `reason` (its bytes and seq kept).
  void move_to_quarantine(const StoredEvent& event, const std::string& topic,
                          const std::string& reason, const std::string& at);
  void update_status(const DeviceStatus& status);

  // --- batches ---
  // Between begin_batch and end_batch, apply_attendance sums its changes of
  // session_munis and usage_months in memory, and end_batch writes them: one
  // statement per (session, municipality) and per (municipality, month)
  // touched instead of two per change. The same rows result (nothing reads
  // them in between, and a session counts for a municipality by whether its
  // count is above 0 before and after). abandon_batch drops them (rollback).
  void begin_batch();
  void end_batch();
  void abandon_batch();

  // --- sessions and attendance ---
  [[nodiscard]] std::optional<SessionRecord> session(const std::string& id);
  void insert_session(const SessionRecord& session);
  void close_session(const std::string& session, const std::string& at);
  void apply_attendance(const SessionRecord& session, const AttendanceFact& fact);
  // A participant's last state in a session, if any.
  [[nodiscard]] std::optional<AttendanceFact> participant(const std::string& session,
                                                          const std::string& participant);

  // --- minutes ---
  void record_decision(const std::string& decision, const std::string& session,
                       const std::string& item, const std::string& text);
  void record_action(const OpenActionRecord& action, const std::string& item);
  void mark(const std::string& target, const std::string& mark, const std::string& session);
  [[nodiscard]] std::vector<OpenActionRecord> open_actions(const std::vector<std::string>& groups);

  // --- corrections and purchases ---
  std::int64_t insert_correction(const Correction& correction);
  [[nodiscard]] std::vector<Correction> corrections(std::optional<int> year,
                                                    std::optional<std::string> municipality);
  std::int64_t insert_purchase(const Purchase& purchase);
  [[nodiscard]] std::vector<Purchase> purchases(int year);

  // --- reports ---
  [[nodiscard]] std::vector<UsageMonth> usage_months(int year);
  [[nodiscard]] std::vector<SessionUnits> session_units(int year, const std::string& municipality);
  [[nodiscard]] std::vector<DeviceEpoch> device_epochs();
  [[nodiscard]] std::vector<SeqGap> gaps(const std::string& device, const std::string& epoch,
                                         std::size_t limit);
  [[nodiscard]] std::vector<DeviceStatus> statuses();
  [[nodiscard]] std::vector<QuarantineEntry> quarantine_entries(std::size_t limit);
  [[nodiscard]] std::int64_t pending_count();

  // --- closed years ---
  [[nodiscard]] bool year_closed(int year);
  void close_year(int year, const std::vector<FrozenUsage>& rows, const std::string& by,
                  const std::string& at);
  [[nodiscard]] std::vector<FrozenUsage> frozen_usage(int year);

  // --- room configs ---
  // The revision for `device`'s config with content `digest`: the stored one
  // if the digest is unchanged, else the next one (stored).
  std::int64_t room_rev(const std::string& device, const std::string& digest);

 private:
  void recompute_unit(const SessionRecord& session, const std::string& unit);
  void bump(const SessionRecord& session, const std::string& municipality, std::int64_t delta);
  struct UsageDelta {
    std::int64_t sessions = 0;
    std::int64_t units = 0;
    std::int64_t meetings = 0;
  };
  UsageDelta count_units(const std::string& session, const std::string& kind,
                         const std::string& municipality, std::int64_t delta);
  void add_usage(const std::string& municipality, int year, int month, const UsageDelta& d);

  struct PendingCount {
    std::string kind;
    int year = 0;
    int month = 0;
    std::int64_t delta = 0;
  };
  bool batching_ = false;
  // (session, municipality) -> its net change in the current batch
  std::map<std::pair<std::string, std::string>, PendingCount> pending_counts_;

  std::unique_ptr<Database> db_;
};

}  // namespace tavla::host::storage
