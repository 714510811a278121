// Events and quarantine: every event id the host keeps, in its event table
// (stored, perhaps waiting for its session) or in quarantine with a code and
// a reason. An event id is kept at most once; a duplicate changes nothing.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "tavla/host/storage/repository.hpp"
#include "tavla/protocol/limits.hpp"

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
  // Why, as a stable code: a protocol::ErrorCode name for what did not
  // decode, a protocol::RejectionCode name for a host rule. Empty for an
  // entry an older host made without one.
  std::string code;
};

// Quarantine keeps at most this many bytes of a message (its size is kept
// whole): every event that was not too large is kept whole, so one of a
// type a newer host learns can be replayed from it.
inline constexpr std::size_t kQuarantineRawBytes = protocol::kMaxEventBytes;

// Where an event id is kept: the event table, or quarantine with its code.
struct KeptEvent {
  bool quarantined = false;
  std::string code;  // quarantine's code; empty in the event table
};

class EventRepository : public Repository {
 public:
  using Repository::Repository;

  // False if an event with this id is already stored or in quarantine
  // (nothing changes then): the duplicate check and the insert in one
  // statement.
  bool insert(Transaction& tx, const StoredEvent& event, const std::string& received_at);
  [[nodiscard]] bool is_stored(const std::string& id);
  // Where the id is kept, if anywhere, in one statement.
  [[nodiscard]] std::optional<KeptEvent> find_kept(const std::string& id);
  // Stored or in quarantine.
  [[nodiscard]] bool is_known(const std::string& id) { return find_kept(id).has_value(); }
  [[nodiscard]] std::vector<StoredEvent> pending_events(const std::string& session);
  [[nodiscard]] std::int64_t pending_count();
  void mark_applied(Transaction& tx, const std::string& event_id);

  void quarantine(Transaction& tx, QuarantineEntry q);
  // Moves a stored event to quarantine (its bytes and seq kept).
  void move_to_quarantine(Transaction& tx, const StoredEvent& event, const std::string& topic,
                          const std::string& code, const std::string& reason,
                          const std::string& at);
  // The latest `limit` entries, newest first.
  [[nodiscard]] std::vector<QuarantineEntry> quarantine_entries(std::size_t limit);
  // Every entry with `code`, oldest first.
  [[nodiscard]] std::vector<QuarantineEntry> quarantined_with_code(const std::string& code);
  void remove_from_quarantine(Transaction& tx, std::int64_t entry_id);
};

}  // namespace tavla::host::storage
