#include "kiosk_engine.hpp"

#include <filesystem>

#include "snapshot_builder.hpp"
#include "tavla/build_info.hpp"
#include "tavla/protocol/codec.hpp"

namespace tavla::kiosk {

namespace {
constexpr auto kTickInterval = std::chrono::seconds(1);

std::unique_ptr<LocalStore> open_store(const KioskConfig& config, UlidFactory& ids) {
  std::error_code error;
  std::filesystem::create_directories(config.data_dir, error);
  if (error) {
    throw LocalStoreError("cannot create " + config.data_dir.string() + ": " + error.message());
  }
  return std::make_unique<LocalStore>(config.data_dir / "kiosk.db", config.device, ids.next());
}
}  // namespace

KioskEngine::KioskEngine(const KioskConfig& config, Kiosk::Dependencies deps)
    : config_(config),
      log_(or_silent(std::move(deps.log))),
      clock_(deps.clock),
      ids_(deps.clock, deps.random),
      zone_(config.timezone),
      on_change_(std::move(deps.on_change)),
      store_(open_store(config_, ids_)),
      link_(std::move(deps.broker_link)),
      pins_(config.tuning.pin_max_failures, config.tuning.pin_lockout,
            store_->load_pin_lockouts()) {
  state_ = store_->load_state();
  if (auto locale = store_->preference("locale")) {
    locale_override_ = protocol::locale_from_string(*locale);
  }
  if (auto stored = store_->load_config()) {
    auto decoded = protocol::decode_config(stored->payload);
    if (decoded && decoded.value().device == config_.device &&
        decoded.value().site == config_.site) {
      room_ = std::move(decoded).value();
    } else {
      log_("ignoring the stored room config: it no longer decodes for this device");
    }
  }
  sync_status_ = stored_sync_status(*store_);
  if (link_) {
    SyncOptions options{config_.site,
                        config_.device,
                        build_info::kVersion,
                        build_info::kBuildDate,
                        config_.tuning.max_in_flight,
                        config_.tuning.ack_timeout,
                        config_.tuning.reconnect_min,
                        config_.tuning.reconnect_max,
                        config_.tuning.retention,
                        config_.config_key_pem,
                        room_ ? room_->signing_epoch : 0};
    sync_ = std::make_unique<SyncEngine>(
        options, *store_, *link_, clock_, room_ ? room_->rev : 0,
        SyncEngine::Callbacks{[this](protocol::RoomConfig c) { on_config(std::move(c)); },
                              [this](const SyncStatus& s) {
                                {
                                  const std::lock_guard lock(mutex_);
                                  sync_status_ = s;
                                  publish_snapshot();
                                }
                                notify();
                              }},
        log_);
    link_->set_handlers(
        BrokerLinkHandlers{[this](bool present) { sync_->post_connected(present); },
                           [this](const std::string& reason) { sync_->post_disconnected(reason); },
                           [this](const std::string& topic, const std::string& payload) {
                             sync_->post_message(topic, payload);
                           }});
  }
  const std::lock_guard lock(mutex_);
  publish_snapshot();
}

std::string_view KioskEngine::device_secret() const {
  return config_.device_secret ? std::string_view(*config_.device_secret) : std::string_view{};
}

KioskEngine::~KioskEngine() {
  stop();
  // The link goes first: its destructor silences the client library's
  // callbacks, which would otherwise post into a destroyed SyncEngine.
  link_.reset();
}

void KioskEngine::start() {
  if (running_.exchange(true)) {
    return;
  }
  worker_ = std::thread([this] { run(); });
}

void KioskEngine::stop() {
  if (!running_.exchange(false)) {
    return;
  }
  { const std::lock_guard lock(stop_mutex_); }
  stop_cv_.notify_all();
  if (sync_) {
    sync_->wake();
  }
  worker_.join();
  if (sync_) {
    sync_->shutdown();
  }
}

void KioskEngine::run() {
  auto next_tick = std::chrono::steady_clock::now();
  while (running_) {
    auto now = std::chrono::steady_clock::now();
    auto wake_at = now + kTickInterval;
    if (sync_) {
      wake_at = std::min(wake_at, sync_->process(now));
    }
    if (now >= next_tick) {
      tick();
      next_tick = now + kTickInterval;
    }
    wake_at = std::min(wake_at, next_tick);
    if (!running_) {
      break;
    }
    if (sync_) {
      sync_->wait(wake_at);
    } else {
      std::unique_lock lock(stop_mutex_);
      stop_cv_.wait_until(lock, wake_at, [this] { return !running_; });
    }
  }
}

void KioskEngine::on_config(protocol::RoomConfig config) {
  {
    const std::lock_guard lock(mutex_);
    room_ = std::move(config);
    publish_snapshot();
  }
  notify();
  tick();  // a new schedule may open a session now
}

void KioskEngine::publish_snapshot() {
  auto snap = std::make_shared<const Snapshot>(detail::build_snapshot(detail::SnapshotInputs{
      ++version_, clock_.now(), config_, room_ ? &*room_ : nullptr, state_, sync_status_, pins_,
      locale_override_, zone_, build_info::kVersion, build_info::kBuildDate}));
  {
    const std::lock_guard lock(snapshot_mutex_);
    snapshot_ = std::move(snap);
  }
  snapshot_cv_.notify_all();
}

void KioskEngine::notify() {
  if (on_change_) {
    on_change_();
  }
}

std::shared_ptr<const Snapshot> KioskEngine::snapshot() const {
  const std::lock_guard lock(snapshot_mutex_);
  return snapshot_;
}

std::pair<std::shared_ptr<const Snapshot>, bool> KioskEngine::wait_until(
    const std::function<bool(const Snapshot&)>& condition, Milliseconds timeout) {
  std::unique_lock lock(snapshot_mutex_);
  const bool held = snapshot_cv_.wait_for(lock, timeout, [&] { return condition(*snapshot_); });
  return {snapshot_, held};
}

Outcome KioskEngine::commit(Transition transition, Timestamp now) {
  std::vector<EventDraft> drafts;
  drafts.reserve(transition.events.size());
  for (auto& body : transition.events) {
    drafts.push_back(EventDraft{ids_.next(), std::move(body)});
  }
  try {
    const auto events = store_->commit(transition.next, drafts, now);
    state_ = std::move(transition.next);
    Done done{std::move(transition.subject), {}, 0};
    for (const auto& e : events) {
      done.event_ids.push_back(e.id);
      done.last_seq = e.seq;
    }
    sync_status_.outbox = store_->outbox_depth();
    publish_snapshot();
    return done;
  } catch (const LocalStoreError& e) {
    log_(std::string("a change was not stored: ") + e.what());
    return Refusal{RefusalCode::storage_failed, {}, std::nullopt, e.what()};
  }
}

std::optional<Refusal> KioskEngine::locked_refusal(const std::string& person, Timestamp now) {
  if (auto until = pins_.locked_until(person, now)) {
    return Refusal{RefusalCode::pins_locked, person, until, "too many wrong PINs"};
  }
  return std::nullopt;
}

void KioskEngine::count_pin_try(const std::string& person, bool right, Timestamp now) {
  try {
    if (right) {
      if (pins_.entries().contains(person)) {
        pins_.succeeded(person);
        store_->save_pin_lockout(person, std::nullopt);
      }
      return;
    }
    store_->save_pin_lockout(person, pins_.failed(person, now));
  } catch (const LocalStoreError& e) {
    log_(std::string("a PIN lockout count was not stored: ") + e.what());
  }
  publish_snapshot();  // the tries left, or a lockout that started
}

namespace {

// The member a PIN belongs to, copied out of the room config so that its
// verifier can be checked without the lock.
std::optional<protocol::Member> member_named(const protocol::RoomConfig& room,
                                             const std::string& participant) {
  for (const auto& group : room.groups) {
    for (const auto& member : group.members) {
      if (member.participant == participant) {
        return member;
      }
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<Refusal> KioskEngine::check_pin_ahead(const Command& command, PinChecker& pins) {
  std::optional<protocol::Member> member;
  std::optional<std::string> pin;
  {
    const std::lock_guard lock(mutex_);
    if (!room_) {
      return Refusal{RefusalCode::no_config, {}, std::nullopt, "no room config yet"};
    }
    const auto owner = pin_owner(command);
    if (!owner) {
      return std::nullopt;
    }
    if (auto locked = locked_refusal(*owner, clock_.now())) {
      return locked;
    }
    member = member_named(*room_, *owner);
    pin = pin_carried(command);
  }
  if (member && pin) {
    pins.check_ahead(*member, *pin);  // the one slow step, outside the lock
  }
  return std::nullopt;
}

Outcome KioskEngine::execute(const Command& command) {
  PinChecker pins(device_secret());
  if (auto refusal = check_pin_ahead(command, pins)) {
    return *refusal;
  }
  Outcome outcome;
  {
    const std::lock_guard lock(mutex_);
    const auto now = clock_.now();
    if (!room_) {
      return Refusal{RefusalCode::no_config, {}, std::nullopt, "no room config yet"};
    }
    const auto owner = pin_owner(command);
    if (owner) {
      if (auto locked = locked_refusal(*owner, now)) {
        return *locked;
      }
    }
    DomainContext ctx{now, ids_, config_.tuning, zone_, device_secret(), &pins};
    auto result = apply(*room_, state_, command, ctx);
    if (auto* refusal = std::get_if<Refusal>(&result)) {
      if (owner && refusal->code == RefusalCode::wrong_pin) {
        count_pin_try(*owner, false, now);
      }
      outcome = *refusal;
    } else {
      if (owner) {
        count_pin_try(*owner, true, now);
      }
      outcome = commit(std::move(std::get<Transition>(result)), now);
    }
  }
  if (std::holds_alternative<Done>(outcome)) {
    if (sync_) {
      sync_->notify_outbox();
    }
  }
  notify();
  return outcome;
}

std::variant<LeaderInfo, Refusal> KioskEngine::verify_leader(const std::string& participant,
                                                             const std::string& pin) {
  PinChecker pins(device_secret());
  std::optional<protocol::Member> member;
  {
    const std::lock_guard lock(mutex_);
    if (!room_) {
      return Refusal{RefusalCode::no_config, {}, std::nullopt, "no room config yet"};
    }
    if (auto locked = locked_refusal(participant, clock_.now())) {
      return *locked;
    }
    member = member_named(*room_, participant);
  }
  if (member) {
    pins.check_ahead(*member, pin);  // the one slow step, outside the lock
  }
  const std::lock_guard lock(mutex_);
  const auto now = clock_.now();
  if (!room_) {
    return Refusal{RefusalCode::no_config, {}, std::nullopt, "no room config yet"};
  }
  if (auto locked = locked_refusal(participant, now)) {
    return *locked;  // another try may have locked the leader meanwhile
  }
  if (auto refusal = check_leader_pin(*room_, nullptr, participant, pin, pins)) {
    if (refusal->code == RefusalCode::wrong_pin) {
      count_pin_try(participant, false, now);
    }
    return *refusal;
  }
  count_pin_try(participant, true, now);
  const auto match = find_leader(*room_, participant);
  return LeaderInfo{match.member->participant, match.member->display_name, match.groups};
}

std::optional<Refusal> KioskEngine::admin_pin_refusal(const std::string& pin) {
  const std::lock_guard lock(mutex_);
  const auto now = clock_.now();
  const std::string admin = PinLockout::kAdminKey;
  if (auto locked = locked_refusal(admin, now)) {
    return locked;
  }
  if (!pin_accepted(config_.admin_pin_hash, pin)) {
    count_pin_try(admin, false, now);
    return Refusal{RefusalCode::wrong_pin, admin, std::nullopt, "not the admin PIN"};
  }
  count_pin_try(admin, true, now);
  return std::nullopt;
}

void KioskEngine::set_locale_override(std::optional<protocol::Locale> locale) {
  {
    const std::lock_guard lock(mutex_);
    try {
      store_->set_preference(
          "locale", locale ? std::optional<std::string>(std::string(protocol::to_string(*locale)))
                           : std::nullopt);
    } catch (const LocalStoreError& e) {
      log_(std::string("the language was not stored: ") + e.what());
    }
    locale_override_ = locale;
    publish_snapshot();
  }
  notify();
}

std::vector<Outcome> KioskEngine::tick() {
  std::vector<Outcome> outcomes;
  {
    const std::lock_guard lock(mutex_);
    if (!room_) {
      return outcomes;
    }
    const auto now = clock_.now();
    const auto tidied = tidy(state_, now);
    const bool tidy_changed = tidied != state_;
    for (const auto& step : due_steps(*room_, tidied, now, config_.tuning)) {
      DomainContext ctx{now, ids_, config_.tuning, zone_, device_secret()};
      auto result = apply(*room_, state_, step, ctx);
      if (auto* refusal = std::get_if<Refusal>(&result)) {
        outcomes.emplace_back(*refusal);
        continue;
      }
      outcomes.push_back(commit(std::move(std::get<Transition>(result)), now));
    }
    if (outcomes.empty() && tidy_changed) {
      commit(Transition{tidied, {}, {}}, now);
    }
  }
  if (!outcomes.empty()) {
    if (sync_) {
      sync_->notify_outbox();
    }
    notify();
  }
  return outcomes;
}

}  // namespace tavla::kiosk
