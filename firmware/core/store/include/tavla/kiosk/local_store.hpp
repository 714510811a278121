// The kiosk's durable local store: one SQLite file in WAL mode with
// synchronous=FULL, so a transaction that commit() returned from survives a
// pulled plug.
//
// Holds: the epoch (a ULID made when the file is created), the domain state,
// the outbox of events in seq order, the accepted room config, the events
// the host refused (rejected_event.hpp), the PIN lockout counts and the
// device's own settings (the admin's language). commit() writes the new state and its
// events in one transaction; seq grows by exactly one per event across
// restarts (the last seq lives in the same transaction).
//
// Thread-safe: one connection behind a mutex (the UI thread commits commands,
// the sync worker marks acks); every call is short (one transaction).
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include "tavla/kiosk/pin_lockout.hpp"
#include "tavla/kiosk/rejected_event.hpp"
#include "tavla/kiosk/state.hpp"
#include "tavla/kiosk/time.hpp"
#include "tavla/protocol/event.hpp"
#include "tavla/protocol/messages.hpp"

struct sqlite3;

namespace tavla::kiosk {

// A database failure: the file and SQLite's own message.
class LocalStoreError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// An event not yet numbered: commit() gives it epoch, seq and device.
struct EventDraft {
  std::string id;
  protocol::EventBody body;
};

struct OutboxEntry {
  std::uint64_t seq = 0;
  std::string id;
  std::string payload;  // the encoded envelope, exactly as sent
};

struct StoredConfig {
  std::uint64_t rev = 0;
  std::string payload;  // as received; decoded again on load
};

class LocalStore {
 public:
  // Opens or creates `path`. On creation the schema and the epoch are written
  // in one transaction, so a crash never leaves a file without an epoch.
  // Throws LocalStoreError.
  LocalStore(const std::filesystem::path& path, std::string device, const std::string& new_epoch);
  ~LocalStore();
  LocalStore(const LocalStore&) = delete;
  LocalStore& operator=(const LocalStore&) = delete;
  LocalStore(LocalStore&&) = delete;
  LocalStore& operator=(LocalStore&&) = delete;

  [[nodiscard]] const std::string& epoch() const { return epoch_; }
  [[nodiscard]] const std::filesystem::path& path() const { return path_; }

  // The persisted state (empty state in a new file).
  [[nodiscard]] KioskState load_state();

  // Writes `next` and numbers and appends `drafts` in one transaction.
  // Returns the events as committed. Throws LocalStoreError (and nothing changed).
  std::vector<protocol::Event> commit(const KioskState& next, std::span<const EventDraft> drafts,
                                      Timestamp ts);

  // The room config, replaced atomically.
  void save_config(const StoredConfig& config);
  [[nodiscard]] std::optional<StoredConfig> load_config();
  // Room configs refused as unsigned or wrongly signed, since the file was
  // made (the status's `configs_refused`); count_refused_config adds one
  // and returns the new count.
  [[nodiscard]] std::uint64_t configs_refused();
  std::uint64_t count_refused_config();

  // Up to `limit` unacknowledged events with seq > after_seq, in seq order.
  [[nodiscard]] std::vector<OutboxEntry> pending(std::uint64_t after_seq, std::size_t limit);
  // Marks the events with these ids acknowledged and keeps the host's
  // `rejected` entries among them (with the event's type and ts), in one
  // transaction; unknown or already acknowledged ids are ignored, and so is a
  // rejection kept before. Returns the seqs newly acknowledged.
  std::vector<std::uint64_t> mark_acked(std::span<const std::string> ids, Timestamp now,
                                        std::span<const protocol::Rejection> rejected = {});
  // Events not yet acknowledged.
  [[nodiscard]] std::uint64_t outbox_depth();
  [[nodiscard]] std::optional<Timestamp> last_ack();
  [[nodiscard]] std::uint64_t last_seq();
  // Deletes acknowledged events acked before `cutoff`, and rejections
  // received before it, in one transaction; returns how many events.
  std::uint64_t prune(Timestamp cutoff);
  // How many rejections are kept, and the `latest` newest.
  [[nodiscard]] Rejections rejections(std::size_t latest);
  // Each person's PIN lockout count (pin_lockout.hpp); nullopt forgets it.
  [[nodiscard]] std::map<std::string, LockoutEntry> load_pin_lockouts();
  void save_pin_lockout(const std::string& key, const std::optional<LockoutEntry>& entry);
  // The device's own settings (the language the admin chose); nullopt
  // forgets one.
  [[nodiscard]] std::optional<std::string> preference(const std::string& key);
  void set_preference(const std::string& key, const std::optional<std::string>& value);
  // "ok", or SQLite's list of problems.
  [[nodiscard]] std::string integrity_check();

 private:
  void exec(const char* sql);
  std::mutex mutex_;
  std::filesystem::path path_;
  std::string device_;
  std::string epoch_;
  sqlite3* db_ = nullptr;
  std::uint64_t depth_ = 0;  // cached count of unacknowledged events
  std::uint64_t last_seq_ = 0;
  std::optional<Timestamp> last_ack_;
};

}  // namespace tavla::kiosk
