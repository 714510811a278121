#include "tavla/host/app/serve.hpp"

#include <memory>
#include <optional>
#include <thread>

#include "tavla/host/config/load.hpp"
#include "tavla/host/ingest/acks.hpp"
#include "tavla/host/ingest/mqtt_client.hpp"
#include "tavla/host/ingest/processor.hpp"
#include "tavla/host/ingest/registry.hpp"
#include "tavla/host/rooms/room_config.hpp"
#include "tavla/host/secrets/secrets.hpp"
#include "tavla/host/storage/repositories.hpp"
#include "tavla/protocol/codec.hpp"
#include "tavla/protocol/topic.hpp"

namespace tavla::host::app {
namespace {

protocol::Timestamp now() {
  return std::chrono::time_point_cast<std::chrono::milliseconds>(std::chrono::system_clock::now());
}

std::int64_t unix_seconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// The host's secrets; without them (an unreadable directory) the host still
// serves, and publishes unsigned configs to the devices that read them.
std::optional<secrets::Secrets> open_secrets(const config::Site& site, const Log& log) {
  try {
    return secrets::Secrets::open(site.secrets_dir, unix_seconds());
  } catch (const std::exception& e) {
    log(std::string("error: cannot open the host's secrets, no signed room configs: ") + e.what());
    return std::nullopt;
  }
}

std::string client_id(const config::Site& site, const std::string& instance) {
  return "tavla-host-" + site.id + (instance.empty() ? "" : "-" + instance);
}

// The running service: its site (replaced on reload), the repositories, the
// broker connection and the queue its callback fills, and the processor.
class Service {
 public:
  Service(const ServeOptions& options, ServeControl& control, const Log& log)
      : options_(options),
        control_(control),
        log_(log),
        site_(std::make_unique<config::Site>(config::load_site(options.config))),
        repos_(site_->database_url),
        secrets_(open_secrets(*site_, log)),
        client_(*site_, client_id(*site_, options.instance), queue_, log),
        processor_(repos_, *site_, now) {}

  // Connects, replays, publishes the room configs; false if asked to stop first.
  bool start();
  // Takes and processes batches until control.stop.
  void run();
  // Stores and acks what was received, then disconnects.
  void stop();

 private:
  void import_registry(const config::Site& site);
  void replay_quarantine();
  void reload_if_asked();
  void process(const std::vector<ingest::Message>& batch);
  void publish_outcome(const ingest::BatchResult& result);
  void send_acks(const std::map<std::string, protocol::Ack>& acks);
  void drain(std::chrono::milliseconds quiet);

  const ServeOptions& options_;
  ServeControl& control_;
  const Log& log_;
  std::unique_ptr<config::Site> site_;
  storage::Repositories repos_;
  std::optional<secrets::Secrets> secrets_;  // nullopt: no signed configs
  ingest::MessageQueue queue_;
  ingest::MqttClient client_;
  ingest::Processor processor_;
  std::size_t stored_ = 0;
  std::size_t duplicates_ = 0;
  std::size_t quarantined_ = 0;
};

bool Service::start() {
  import_registry(*site_);
  log_("connecting to " + site_->broker.url + " as " + client_id(*site_, options_.instance));
  if (!client_.connect(control_.stop)) {
    return false;  // asked to stop before the broker was reachable
  }
  replay_quarantine();
  rooms::publish_room_configs(*site_, repos_, secrets_ ? &*secrets_ : nullptr, client_, {}, log_);
  log_("ready: subscribed to the events and status of site " + site_->id +
       (site_->broker.shared_group.empty() ? ""
                                           : " (shared group " + site_->broker.shared_group + ")"));
  notify_systemd("READY=1");
  return true;
}

// The member lists into the registry, before any event is billed by it.
void Service::import_registry(const config::Site& site) {
  const auto at = now();
  if (const auto imported = ingest::import_registry(repos_, site, at);
      imported.changed_anything()) {
    log_(ingest::describe_import(imported, at));
  }
}

// Events quarantined as unknown_type by an older host (or before this one
// learnt their type) are decided now: the rollout rule.
void Service::replay_quarantine() {
  const auto replayed = processor_.replay_unknown_types();
  if (replayed.replayed == 0) {
    return;
  }
  log_("replayed " + std::to_string(replayed.replayed) +
       " quarantined event(s) of a type this host now knows: " + std::to_string(replayed.stored) +
       " stored, " + std::to_string(replayed.quarantined) + " quarantined again");
  send_acks(replayed.acks);
}

void Service::run() {
  while (!control_.stop) {
    reload_if_asked();
    const auto batch = queue_.take(options_.max_batch, std::chrono::milliseconds(100));
    if (!batch.empty()) {
      process(batch);
    }
  }
}

void Service::reload_if_asked() {
  if (!control_.reload.exchange(false)) {
    return;
  }
  try {
    auto fresh = std::make_unique<config::Site>(config::load_site(options_.config));
    import_registry(*fresh);
    processor_.set_site(*fresh);
    site_.swap(fresh);  // the old one is released after the processor moved on
    log_("configuration reloaded from " + options_.config.string());
    rooms::publish_room_configs(*site_, repos_, secrets_ ? &*secrets_ : nullptr, client_, {}, log_);
  } catch (const std::exception& e) {
    log_(std::string("reload refused, keeping the running configuration: ") + e.what());
  }
}

void Service::process(const std::vector<ingest::Message>& batch) {
  while (true) {
    try {
      publish_outcome(processor_.process(batch));
      return;
    } catch (const std::exception& e) {
      // Nothing of the batch was committed or acked; try again rather than
      // lose it (the devices would resend, but only after their timeout).
      log_(std::string("storing a batch failed, retrying: ") + e.what());
      std::this_thread::sleep_for(std::chrono::seconds(1));
      if (control_.stop) {
        return;
      }
    }
  }
}

void Service::publish_outcome(const ingest::BatchResult& result) {
  stored_ += result.stored;
  duplicates_ += result.duplicates;
  quarantined_ += result.quarantined;
  send_acks(result.acks);
  std::set<std::string> rooms = rooms::devices_of_groups(*site_, result.action_groups);
  rooms.insert(result.version_changes.begin(), result.version_changes.end());
  if (!rooms.empty()) {
    rooms::publish_room_configs(*site_, repos_, secrets_ ? &*secrets_ : nullptr, client_, rooms,
                                log_);
  }
}

void Service::send_acks(const std::map<std::string, protocol::Ack>& acks) {
  for (const auto& [device, ack] : acks) {
    const auto topic = protocol::topic_for(site_->id, device, protocol::Channel::ack);
    for (const auto& message : ingest::split_ack(ack)) {
      client_.publish(topic, protocol::encode(message), false);
    }
  }
}

void Service::stop() {
  log_("stopping: no new messages; storing and acking what was received");
  notify_systemd("STOPPING=1");
  client_.stop_consuming();
  drain(std::chrono::milliseconds(200));
  queue_.close();  // a callback waiting for room must not hold up the disconnect
  client_.disconnect();
  // What arrived between the last drain and the disconnect is stored too;
  // its acks wait in the client's buffer and are lost with the process, so
  // the devices resend it and get the duplicate acked next time.
  drain(std::chrono::milliseconds(0));
  log_("stopped; this run stored " + std::to_string(stored_) + " events, quarantined " +
       std::to_string(quarantined_) + ", acked " + std::to_string(duplicates_) +
       " duplicates again");
}

// Stores what the queue holds until it stays empty for `quiet`.
void Service::drain(std::chrono::milliseconds quiet) {
  for (auto batch = queue_.take(options_.max_batch, quiet); !batch.empty();
       batch = queue_.take(options_.max_batch, quiet)) {
    control_.stop = false;  // let process() retry while draining
    process(batch);
    control_.stop = true;
  }
}

}  // namespace

int serve(const ServeOptions& options, ServeControl& control, const Log& log) {
  Service service(options, control, log);
  if (!service.start()) {
    return 0;
  }
  service.run();
  service.stop();
  return 0;
}

}  // namespace tavla::host::app
