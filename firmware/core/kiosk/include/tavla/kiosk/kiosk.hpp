// The kiosk core's facade: what the touchscreen UI and the headless runner use.
//
// Commands are thread-safe and return only after the change and its events
// are durable in the local database (or with a Refusal, and nothing changed).
// Rendering reads an immutable Snapshot. A worker thread runs sync (MQTT) and
// the scheduler; nothing a caller does waits for the network.
#pragma once

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <variant>
#include <vector>

#include "tavla/kiosk/broker_link.hpp"
#include "tavla/kiosk/commands.hpp"
#include "tavla/kiosk/config.hpp"
#include "tavla/kiosk/ids.hpp"
#include "tavla/kiosk/log.hpp"
#include "tavla/kiosk/refusal.hpp"
#include "tavla/kiosk/snapshot.hpp"
#include "tavla/kiosk/time.hpp"

namespace tavla::kiosk {

class KioskEngine;

// A command's success.
struct Done {
  // What the command created, when it did: the session (OpenSession), the
  // guest participant (CheckInGuest), the item (AddAgendaItem), the decision
  // or action (RecordDecision/RecordAction); otherwise empty.
  std::string subject;
  std::vector<std::string> event_ids;  // durable, in seq order
  std::uint64_t last_seq = 0;          // the seq of the last event (0 if none)
};

using Outcome = std::variant<Done, Refusal>;

// Who a leader PIN belongs to (for the session-leader screen).
struct LeaderInfo {
  std::string participant;
  std::string display_name;
  std::vector<std::string> groups;  // groups in which they are a leader
};

class Kiosk {
 public:
  // Clock and randomness must outlive the Kiosk.
  struct Dependencies {
    const Clock& clock;
    RandomSource& random;
    // The MQTT client (PahoBrokerLink in the program). nullptr: no sync at all
    // (benchmarks of the store path; the broker state stays "connecting").
    std::unique_ptr<BrokerLink> broker_link;
    // Called after a new snapshot is published, from whichever thread made
    // the change. Must not block (the UI wakes its event loop; tests notify).
    std::function<void()> on_change;
    // Where the core writes what an operator may need to read (log.hpp);
    // empty: nowhere.
    Log log;
  };

  // Opens (or creates) the database in config.data_dir and restores the state
  // and the room config kept there. Throws std::runtime_error with the file
  // and SQLite's reason when the database cannot be opened.
  Kiosk(const KioskConfig& config, Dependencies deps);
  ~Kiosk();  // stops the worker; in-flight MQTT is abandoned (the outbox keeps it)
  Kiosk(const Kiosk&) = delete;
  Kiosk& operator=(const Kiosk&) = delete;
  Kiosk(Kiosk&&) = delete;
  Kiosk& operator=(Kiosk&&) = delete;

  // Starts the worker: connects, syncs, runs the scheduler every second.
  void start();
  // Stops the worker and disconnects (publishing nothing more).
  void stop();

  // Applies a command. Returns once its events are durable.
  Outcome execute(const Command& command);

  // Checks `participant`'s PIN, who must lead a group of the room (counts
  // towards that person's lockout only).
  std::variant<LeaderInfo, Refusal> verify_leader(const std::string& participant,
                                                  const std::string& pin);
  // The language the admin chose for this device (nullopt: the room's);
  // kept in the local database, so it survives a restart.
  void set_locale_override(std::optional<protocol::Locale> locale);
  // Why the operator's admin PIN ([ui] admin_pin_hash) is refused, or
  // nullopt when it is right. Without one configured, every PIN is refused
  // (wrong_pin). Counts towards the lockout of "admin" only.
  [[nodiscard]] std::optional<Refusal> admin_pin_refusal(const std::string& pin);

  // The current picture; never null. Cheap: a shared_ptr copy.
  [[nodiscard]] std::shared_ptr<const Snapshot> snapshot() const;

  // Waits until `condition` holds for a snapshot, or `timeout` passes;
  // returns the last snapshot seen and whether the condition held.
  std::pair<std::shared_ptr<const Snapshot>, bool> wait_until(
      const std::function<bool(const Snapshot&)>& condition, Milliseconds timeout);

  // Runs the scheduler now (the worker also does every second): opens
  // scheduled sessions 15 minutes before their start, closes forgotten ones
  // at their end plus the grace, unscheduled ones at local midnight.
  // Returns the outcomes of what it did (empty when nothing was due).
  std::vector<Outcome> tick();

  // The database's epoch (made when it was created).
  [[nodiscard]] std::string epoch() const;

 private:
  std::unique_ptr<KioskEngine> engine_;
};

}  // namespace tavla::kiosk
