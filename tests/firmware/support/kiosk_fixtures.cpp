#include "tavla/testing/kiosk_fixtures.hpp"

#include <mqtt/async_client.h>

#include <fstream>

#include "tavla/kiosk/pin.hpp"
#include "tavla/protocol/codec.hpp"
#include "tavla/protocol/limits.hpp"
#include "tavla/protocol/net/tcp_nodelay.hpp"
#include "tavla/protocol/topic.hpp"

namespace tavla::testing {

using protocol::Affiliation;

protocol::RoomConfig room_config(std::uint64_t rev) {
  const Affiliation nannestad{Affiliation::Kind::municipality, "nannestad"};
  const Affiliation eidsvoll{Affiliation::Kind::municipality, "eidsvoll"};
  protocol::RoomConfig c;
  c.site = kSite;
  c.device = kDevice;
  c.room = "Møterom Nannestad";
  c.rev = rev;
  c.municipalities = {{"nannestad", "Nannestad"}, {"eidsvoll", "Eidsvoll"}, {"hurdal", "Hurdal"}};
  c.orgs = {{"bufetat", "Bufetat"}};
  c.groups.push_back(
      protocol::Group{"gv",
                      "Gruppeveiledning høst",
                      protocol::SessionKind::group_guidance,
                      {{"p-1", "Kari N.", nannestad, "fh-1", std::nullopt, false},
                       {"p-2", "Ola H.", eidsvoll, "fh-2",
                        kiosk::make_pin_hash("8f14e45fceea167a", kMemberPin), false},
                       {"p-3", "Siri L.", eidsvoll, std::nullopt, std::nullopt, false},
                       {"p-lead", "Åse E.", eidsvoll, std::nullopt,
                        kiosk::make_pin_hash("c4ca4238a0b92382", kLeaderPin), true}}});
  c.groups.push_back(
      protocol::Group{"nm",
                      "Læringsnettverk",
                      protocol::SessionKind::network_meeting,
                      {{"p-nl", "Nina S.", nannestad, std::nullopt,
                        kiosk::make_pin_hash("a1b2c3d4e5f60718", kNetworkLeaderPin), true},
                       {"p-buf", "Per B.", Affiliation{Affiliation::Kind::org, "bufetat"},
                        std::nullopt, std::nullopt, false}}});
  c.agendas.push_back(protocol::Agenda{
      "fast", "Fast agenda", {{"sak-1", "Velkommen", 15}, {"sak-2", "Status", 30}}});
  c.open_actions.push_back(protocol::OpenAction{kCarriedAction, "Lage rutine", "p-nl",
                                                protocol::parse_date("2026-11-30"),
                                                "01JD0Z6B3HS2026102309NM01"});
  return c;
}

kiosk::KioskConfig kiosk_config(const std::filesystem::path& data_dir,
                                const std::string& broker_url) {
  kiosk::KioskConfig k;
  k.source = data_dir / "kiosk.toml";
  k.device = kDevice;
  k.site = kSite;
  k.data_dir = data_dir;
  k.broker.url = broker_url;
  k.tuning.ack_timeout = std::chrono::seconds(2);
  k.tuning.reconnect_min = std::chrono::milliseconds(50);
  k.tuning.reconnect_max = std::chrono::milliseconds(500);
  return k;
}

std::string kiosk_toml(const std::filesystem::path& data_dir, const std::string& broker_url,
                       int ack_timeout_seconds) {
  return "[device]\nid = \"" + std::string(kDevice) + "\"\nsite = \"" + kSite +
         "\"\ndata_dir = \"" + data_dir.string() + "\"\n[broker]\nurl = \"" + broker_url +
         "\"\n[tuning]\nack_timeout_seconds = " + std::to_string(ack_timeout_seconds) +
         "\nreconnect_min_ms = 50\nreconnect_max_ms = 500\n";
}

class RecordingHost::Impl {
 public:
  Impl(const std::string& url, std::atomic<bool>& ack)
      : ack_(ack),
        client_(url, "recording-host-" + std::to_string(reinterpret_cast<std::uintptr_t>(this))) {
    client_.set_message_callback([this](mqtt::const_message_ptr msg) { on_message(msg); });
    client_.set_connected_handler([this](const std::string&) {
      client_.subscribe(protocol::device_wildcard(kSite, protocol::Channel::events), 1);
    });
    auto options =
        mqtt::connect_options_builder()
            .clean_session(true)
            .automatic_reconnect(std::chrono::milliseconds(50), std::chrono::milliseconds(500))
            .max_inflight(65535)
            .finalize();
    client_.connect(options)->wait_for(std::chrono::seconds(10));
    // Acks right after PUBACKs must not wait for Nagle, as in the kiosk.
    protocol::net::disable_nagle_towards(protocol::net::broker_port(url));
    // Subscribed before the constructor returns, so no event is missed; the
    // connected handler subscribes again after an automatic reconnect.
    client_.subscribe(protocol::device_wildcard(kSite, protocol::Channel::events), 1)
        ->wait_for(std::chrono::seconds(10));
    acker_ = std::thread([this] { ack_loop(); });
  }

  ~Impl() {
    {
      const std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    cv_.notify_all();
    acker_.join();
    client_.disable_callbacks();
    try {
      client_.disconnect()->wait_for(std::chrono::seconds(2));
    } catch (const mqtt::exception&) {  // NOLINT(bugprone-empty-catch): the broker may be gone
    }
  }
  Impl(const Impl&) = delete;
  Impl& operator=(const Impl&) = delete;

  void on_message(const mqtt::const_message_ptr& msg) {
    auto event = protocol::decode_event(msg->get_topic(), msg->get_payload_str());
    if (!event) {
      return;
    }
    const auto& e = event.value();
    Received r{e.id, e.epoch, e.seq, std::string(protocol::type_of(e.body)), {}};
    if (const auto* in = std::get_if<protocol::CheckedIn>(&e.body)) {
      r.participant = in->participant;
    } else if (const auto* out = std::get_if<protocol::CheckedOut>(&e.body)) {
      r.participant = out->participant;
    }
    {
      const std::lock_guard lock(mutex_);
      received_.push_back(r);
      counts_[r.id] += 1;
      if (ack_) {
        pending_[e.device].push_back(e.id);
      }
      if (const auto rule = rejections_.find(r.type); rule != rejections_.end()) {
        refused_[e.id] = rule->second;
      }
    }
  }

  // Acks every 5 ms what arrived meanwhile, in messages of up to 500 ids,
  // like a host that commits in batches.
  void ack_loop() {
    std::unique_lock lock(mutex_);
    while (!stopping_) {
      cv_.wait_for(lock, std::chrono::milliseconds(5));
      std::map<std::string, std::vector<std::string>> batch;
      batch.swap(pending_);
      const auto refused = refused_;
      lock.unlock();
      for (auto& [device, ids] : batch) {
        for (std::size_t i = 0; i < ids.size(); i += protocol::kMaxAckIds) {
          const auto end = std::min(ids.size(), i + protocol::kMaxAckIds);
          std::vector<std::string> chunk(ids.begin() + static_cast<std::ptrdiff_t>(i),
                                         ids.begin() + static_cast<std::ptrdiff_t>(end));
          std::vector<protocol::Rejection> rejected;
          for (const auto& id : chunk) {
            if (const auto code = refused.find(id); code != refused.end()) {
              rejected.push_back({id, code->second});
            }
          }
          publish_ack(chunk, device, rejected);
        }
      }
      lock.lock();
    }
  }

  void publish_ack(const std::vector<std::string>& ids, const std::string& device,
                   const std::vector<protocol::Rejection>& rejected) {
    try {
      client_.publish(protocol::topic_for(kSite, device, protocol::Channel::ack),
                      protocol::encode(protocol::Ack{ids, rejected}), 1, false);
    } catch (const mqtt::exception&) {  // NOLINT(bugprone-empty-catch): the kiosk resends
    }
  }

  void publish_config(const std::string& payload, const std::string& device) {
    client_
        .publish(protocol::topic_for(kSite, device, protocol::Channel::config), payload, 1, true)
        ->wait_for(std::chrono::seconds(5));
  }

  mutable std::mutex mutex_;
  std::condition_variable cv_;
  std::vector<Received> received_;
  std::map<std::string, std::size_t> counts_;
  std::map<std::string, std::vector<std::string>> pending_;
  std::map<std::string, std::string> rejections_;  // event type -> code
  std::map<std::string, std::string> refused_;     // event id -> code
  bool stopping_ = false;
  std::atomic<bool>& ack_;
  mqtt::async_client client_;
  std::thread acker_;
};

RecordingHost::RecordingHost(const std::string& broker_url, bool ack) : ack_(ack) {
  impl_ = std::make_unique<Impl>(broker_url, ack_);
}
RecordingHost::~RecordingHost() = default;

void RecordingHost::publish_config(const std::string& payload, const std::string& device) {
  impl_->publish_config(payload, device);
}
void RecordingHost::publish_ack(const std::vector<std::string>& ids, const std::string& device,
                                const std::vector<protocol::Rejection>& rejected) {
  impl_->publish_ack(ids, device, rejected);
}
void RecordingHost::reject(const std::string& type, const std::string& code) {
  const std::lock_guard lock(impl_->mutex_);
  impl_->rejections_[type] = code;
}
std::vector<Received> RecordingHost::received() const {
  const std::lock_guard lock(impl_->mutex_);
  return impl_->received_;
}
std::size_t RecordingHost::deliveries() const {
  const std::lock_guard lock(impl_->mutex_);
  return impl_->received_.size();
}
std::set<std::string> RecordingHost::ids() const {
  const std::lock_guard lock(impl_->mutex_);
  std::set<std::string> out;
  for (const auto& [id, n] : impl_->counts_) {
    out.insert(id);
  }
  return out;
}
std::size_t RecordingHost::count_of(const std::string& id) const {
  const std::lock_guard lock(impl_->mutex_);
  const auto it = impl_->counts_.find(id);
  return it == impl_->counts_.end() ? 0 : it->second;
}
bool RecordingHost::connected() const {
  return impl_->client_.is_connected();
}

}  // namespace tavla::testing
