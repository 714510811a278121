#include "tavla/host/app/serve.hpp"

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <thread>

#include "tavla/host/config/load.hpp"
#include "tavla/host/ingest/acks.hpp"
#include "tavla/host/ingest/mqtt_client.hpp"
#include "tavla/host/ingest/processor.hpp"
#include "tavla/host/rooms/room_config.hpp"
#include "tavla/host/storage/repositories.hpp"
#include "tavla/protocol/codec.hpp"
#include "tavla/protocol/limits.hpp"
#include "tavla/protocol/topic.hpp"

namespace tavla::host::app {
namespace {

protocol::Timestamp now() {
  return std::chrono::time_point_cast<std::chrono::milliseconds>(std::chrono::system_clock::now());
}

void send_acks(const config::Site& site, ingest::Publisher& publisher,
               const std::map<std::string, protocol::Ack>& acks) {
  for (const auto& [device, ack] : acks) {
    const auto topic = protocol::topic_for(site.id, device, protocol::Channel::ack);
    for (const auto& message : ingest::split_ack(ack)) {
      publisher.publish(topic, protocol::encode(message), false);
    }
  }
}

std::string client_id(const config::Site& site, const std::string& instance) {
  return "tavla-host-" + site.id + (instance.empty() ? "" : "-" + instance);
}

}  // namespace

void notify_systemd(const std::string& state) {
  const char* path = std::getenv("NOTIFY_SOCKET");  // NOLINT(concurrency-mt-unsafe): read once
  if (path == nullptr || *path == '\0') {
    return;
  }
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  std::strncpy(address.sun_path, path, sizeof(address.sun_path) - 1);
  if (address.sun_path[0] == '@') {
    address.sun_path[0] = '\0';  // an abstract socket
  }
  const int fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
  if (fd < 0) {
    return;
  }
  // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast): the sockets API
  const auto* target = reinterpret_cast<const sockaddr*>(&address);
  (void)::sendto(fd, state.data(), state.size(), 0, target, sizeof(address));
  ::close(fd);
}

int serve(const ServeOptions& options, ServeControl& control, const Log& log) {
  auto site = std::make_unique<config::Site>(config::load_site(options.config));
  storage::Repositories repos(site->database_url);
  ingest::MessageQueue queue;
  ingest::MqttClient client(*site, client_id(*site, options.instance), queue, log);
  ingest::Processor processor(repos, *site, now);

  log("connecting to " + site->broker.url + " as " + client_id(*site, options.instance));
  if (!client.connect(control.stop)) {
    return 0;  // asked to stop before the broker was reachable
  }
  // Events quarantined as unknown_type by an older host (or before this
  // one learnt their type) are decided now (the rollout rule).
  const auto replayed = processor.replay_unknown_types();
  if (replayed.replayed > 0) {
    log("replayed " + std::to_string(replayed.replayed) +
        " quarantined event(s) of a type this host now knows: " + std::to_string(replayed.stored) +
        " stored, " + std::to_string(replayed.quarantined) + " quarantined again");
    send_acks(*site, client, replayed.acks);
  }
  rooms::publish_room_configs(*site, repos, client, {}, log);
  log("ready: subscribed to the events and status of site " + site->id +
      (site->broker.shared_group.empty() ? ""
                                         : " (shared group " + site->broker.shared_group + ")"));
  notify_systemd("READY=1");

  std::size_t stored = 0;
  std::size_t duplicates = 0;
  std::size_t quarantined = 0;
  const auto process = [&](const std::vector<ingest::Message>& batch) {
    while (true) {
      try {
        const auto result = processor.process(batch);
        stored += result.stored;
        duplicates += result.duplicates;
        quarantined += result.quarantined;
        send_acks(*site, client, result.acks);
        if (!result.action_groups.empty()) {
          rooms::publish_room_configs(*site, repos, client,
                                      rooms::devices_of_groups(*site, result.action_groups), log);
        }
        return;
      } catch (const std::exception& e) {
        // Nothing of the batch was committed or acked; try again rather than
        // lose it (the devices would resend, but only after their timeout).
        log(std::string("storing a batch failed, retrying: ") + e.what());
        std::this_thread::sleep_for(std::chrono::seconds(1));
        if (control.stop) {
          return;
        }
      }
    }
  };

  while (!control.stop) {
    if (control.reload.exchange(false)) {
      try {
        auto fresh = std::make_unique<config::Site>(config::load_site(options.config));
        processor.set_site(*fresh);
        site.swap(fresh);  // the old one is released after the processor moved on
        log("configuration reloaded from " + options.config.string());
        rooms::publish_room_configs(*site, repos, client, {}, log);
      } catch (const std::exception& e) {
        log(std::string("reload refused, keeping the running configuration: ") + e.what());
      }
    }
    const auto batch = queue.take(options.max_batch, std::chrono::milliseconds(100));
    if (!batch.empty()) {
      process(batch);
    }
  }
  log("stopping: no new messages; storing and acking what was received");
  notify_systemd("STOPPING=1");
  // Stores what the queue holds until it stays empty for `quiet`.
  const auto drain = [&](std::chrono::milliseconds quiet) {
    for (auto batch = queue.take(options.max_batch, quiet); !batch.empty();
         batch = queue.take(options.max_batch, quiet)) {
      control.stop = false;  // let process() retry while draining
      process(batch);
      control.stop = true;
    }
  };
  client.stop_consuming();
  drain(std::chrono::milliseconds(200));
  client.disconnect();
  // What arrived between the last drain and the disconnect is stored too;
  // its acks wait in the client's buffer and are lost with the process, so
  // the devices resend it and get the duplicate acked next time.
  drain(std::chrono::milliseconds(0));
  log("stopped; this run stored " + std::to_string(stored) + " events, quarantined " +
      std::to_string(quarantined) + ", acked " + std::to_string(duplicates) + " duplicates again");
  return 0;
}

}  // namespace tavla::host::app
