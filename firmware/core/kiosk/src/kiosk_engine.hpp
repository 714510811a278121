// The Kiosk's insides: state under one mutex, the store, sync and the
// worker thread. Kiosk (kiosk.hpp) forwards to it.
#pragma once

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

#include "tavla/kiosk/domain.hpp"
#include "tavla/kiosk/kiosk.hpp"
#include "tavla/kiosk/local_store.hpp"
#include "tavla/kiosk/pin.hpp"
#include "tavla/kiosk/pin_checker.hpp"
#include "tavla/kiosk/pin_lockout.hpp"
#include "tavla/kiosk/sync_engine.hpp"

namespace tavla::kiosk {

class KioskEngine {
 public:
  KioskEngine(const KioskConfig& config, Kiosk::Dependencies deps);
  ~KioskEngine();
  KioskEngine(const KioskEngine&) = delete;
  KioskEngine& operator=(const KioskEngine&) = delete;
  KioskEngine(KioskEngine&&) = delete;
  KioskEngine& operator=(KioskEngine&&) = delete;

  void start();
  void stop();
  Outcome execute(const Command& command);
  std::variant<LeaderInfo, Refusal> verify_leader(const std::string& participant,
                                                  const std::string& pin);
  void set_locale_override(std::optional<protocol::Locale> locale);
  std::optional<Refusal> admin_pin_refusal(const std::string& pin);
  std::shared_ptr<const Snapshot> snapshot() const;
  std::pair<std::shared_ptr<const Snapshot>, bool> wait_until(
      const std::function<bool(const Snapshot&)>& condition, Milliseconds timeout);
  std::vector<Outcome> tick();
  [[nodiscard]] std::string epoch() const { return store_->epoch(); }

 private:
  // Both with mutex_ held.
  Outcome commit(Transition transition, Timestamp now);
  void publish_snapshot();
  // The device secret that keys the config's PIN verifiers (empty: none).
  [[nodiscard]] std::string_view device_secret() const;
  void notify();
  void run();
  void on_config(protocol::RoomConfig config);
  // Without mutex_ held: checks the PIN `command` carries against its
  // owner's verifier (Argon2id: tens of ms) into `pins`, taking the lock
  // only to copy the member out; a refusal when there is no config or the
  // owner is locked out.
  std::optional<Refusal> check_pin_ahead(const Command& command, PinChecker& pins);
  // With mutex_ held: the lockout's refusal for `person` now, if locked.
  std::optional<Refusal> locked_refusal(const std::string& person, Timestamp now);
  // With mutex_ held: a PIN try of `person` came out `right`; persisted.
  void count_pin_try(const std::string& person, bool right, Timestamp now);

  KioskConfig config_;
  Log log_;
  const Clock& clock_;
  UlidFactory ids_;
  TimeZone zone_;
  std::function<void()> on_change_;
  std::unique_ptr<LocalStore> store_;
  std::unique_ptr<BrokerLink> link_;
  std::unique_ptr<SyncEngine> sync_;

  mutable std::mutex mutex_;  // state_, room_, pins_, locale_, sync_status_, version_
  KioskState state_;
  std::optional<protocol::RoomConfig> room_;
  PinLockout pins_;
  std::optional<protocol::Locale> locale_override_;
  SyncStatus sync_status_;
  std::uint64_t version_ = 0;

  mutable std::mutex snapshot_mutex_;
  std::condition_variable snapshot_cv_;
  std::shared_ptr<const Snapshot> snapshot_;

  std::atomic<bool> running_{false};
  std::mutex stop_mutex_;
  std::condition_variable stop_cv_;
  std::thread worker_;
};

}  // namespace tavla::kiosk
