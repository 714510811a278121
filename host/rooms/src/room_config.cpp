#include "tavla/host/rooms/room_config.hpp"

#include <openssl/evp.h>

#include <algorithm>
#include <array>
#include <span>

#include "pin_verifiers.hpp"
#include "tavla/host/config/display_names.hpp"
#include "tavla/protocol/codec.hpp"
#include "tavla/protocol/limits.hpp"
#include "tavla/protocol/pin_hash.hpp"
#include "tavla/protocol/signed_config.hpp"
#include "tavla/protocol/topic.hpp"

namespace tavla::host::rooms {
namespace {

std::string digest_of(const std::string& text) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int size = 0;
  EVP_Digest(text.data(), text.size(), digest.data(), &size, EVP_sha256(), nullptr);
  return protocol::to_hex(std::string(digest.begin(), digest.begin() + size));
}

std::string versions_text(std::span<const std::uint64_t> versions) {
  std::string text;
  for (const std::uint64_t v : versions) {
    text += (text.empty() ? "" : ", ") + std::to_string(v);
  }
  return text;
}

std::vector<std::string> groups_of(const config::Site& site, const config::Device& device) {
  std::vector<std::string> groups;
  for (const auto& g : site.groups) {
    if (g.device == device.id) {
      groups.push_back(g.id);
    }
  }
  return groups;
}

// What travels: version 1 as it is; version 2 signed, in its envelope
// (protocol/signed_config.hpp), the signature over exactly these bytes.
std::string payload_of(const protocol::RoomConfig& room, std::uint64_t version,
                       const secrets::Secrets& secrets) {
  std::string bytes = protocol::encode(room, version);
  if (version < protocol::kSignedConfigVersion) {
    return bytes;
  }
  std::string signature = secrets.sign(bytes);
  return protocol::encode(protocol::SignedConfig{std::move(bytes), std::move(signature)});
}

// Builds, numbers and publishes one device's config in the newest version
// it reads; false (and a log line) when there is none or it is not valid.
bool publish_room_config(const config::Site& site, const config::Device& device,
                         storage::Repositories& repos, const secrets::Secrets* secrets,
                         ingest::Publisher& publisher,
                         const std::function<void(const std::string&)>& log) {
  const auto reads = repos.devices().announced_versions(device.id);
  const auto version = protocol::config_version_for(reads);
  if (!version) {
    log("error: room config of " + device.id + " not published: the device reads config " +
        "version(s) " + versions_text(reads.value_or(std::vector<std::uint64_t>{})) +
        ", this host writes " + versions_text(protocol::kConfigVersions) +
        "; upgrade the device (or the host)");
    return false;
  }
  auto room =
      build_room_config(site, device, repos.minutes().open_actions(groups_of(site, device)));
  if (*version >= protocol::kSignedConfigVersion) {
    if (secrets == nullptr) {
      log("error: room config of " + device.id + " not published: it reads signed configs " +
          "and the host's secrets could not be opened (see the start of the log)");
      return false;
    }
    if (!detail::add_pin_verifiers(site, device, *secrets, repos, room, log)) {
      return false;
    }
    room.signing_epoch = secrets->signing_epoch();
  }
  // Of the bytes as the device gets them: another version is another rev,
  // which the device takes (it ignores a config of a rev it has).
  const std::string digest = digest_of(protocol::encode(room, *version));
  room.rev = storage::in_transaction(repos.db(), [&](storage::Transaction& tx) {
    return static_cast<std::uint64_t>(repos.rooms().room_rev(tx, device.id, digest));
  });
  if (auto error = protocol::validate(room, *version)) {
    log("room config of " + device.id + " is not valid, not published: " + error->message());
    return false;
  }
  publisher.publish(protocol::topic_for(site.id, device.id, protocol::Channel::config),
                    payload_of(room, *version, *secrets), true);
  return true;
}

}  // namespace

protocol::RoomConfig build_room_config(const config::Site& site, const config::Device& device,
                                       const std::vector<storage::OpenActionRecord>& open_actions) {
  protocol::RoomConfig room;
  room.site = site.id;
  room.device = device.id;
  room.room = device.room;
  room.locale = site.locale;
  for (const auto& m : site.municipalities) {
    room.municipalities.push_back({m.id, m.name});
  }
  for (const auto& o : site.orgs) {
    room.orgs.push_back({o.id, o.name});
  }
  std::set<std::string> groups;
  for (const auto& g : site.groups) {
    if (g.device != device.id) {
      continue;
    }
    groups.insert(g.id);
    protocol::Group group{g.id, g.name, g.kind, {}};
    const auto shown = config::screen_names(g.members);  // shared names told apart
    for (std::size_t i = 0; i < g.members.size(); ++i) {
      const auto& m = g.members[i];
      // Only what the room's screen needs: never full_name, never the PIN.
      group.members.push_back(
          {m.participant, shown[i], m.affiliation, m.foster_home, m.pin_hash, m.leader});
    }
    room.groups.push_back(std::move(group));
  }
  std::set<std::string> agendas;
  for (const auto& s : site.schedule) {
    if (groups.contains(s.group)) {
      const auto kind = site.group(s.group)->kind;
      room.schedule.push_back({s.session, s.group, kind, s.title, s.start, s.end, s.agenda});
      if (s.agenda) {
        agendas.insert(*s.agenda);
      }
    }
  }
  if (room.schedule.size() > protocol::kMaxScheduleEntries) {
    // Keep the latest entries: a room needs what is coming, not the distant past.
    room.schedule.erase(room.schedule.begin(),
                        room.schedule.end() - static_cast<long>(protocol::kMaxScheduleEntries));
  }
  for (const auto& a : site.agendas) {
    if (agendas.contains(a.id) || agendas.empty()) {
      room.agendas.push_back({a.id, a.name, a.items});
    }
  }
  if (room.agendas.size() > protocol::kMaxAgendas) {
    room.agendas.resize(protocol::kMaxAgendas);
  }
  for (const auto& a : open_actions) {
    if (!groups.contains(a.group)) {
      continue;
    }
    std::optional<protocol::Date> due;
    if (a.due) {
      due = protocol::parse_date(*a.due);
    }
    room.open_actions.push_back({a.action, a.text, a.owner, due, a.session});
  }
  if (room.open_actions.size() > protocol::kMaxOpenActions) {
    room.open_actions.erase(room.open_actions.begin(),
                            room.open_actions.end() - static_cast<long>(protocol::kMaxOpenActions));
  }
  return room;
}

std::set<std::string> devices_of_groups(const config::Site& site,
                                        const std::set<std::string>& groups) {
  std::set<std::string> devices;
  for (const auto& g : site.groups) {
    if (groups.contains(g.id)) {
      devices.insert(g.device);
    }
  }
  return devices;
}

std::size_t publish_room_configs(const config::Site& site, storage::Repositories& repos,
                                 const secrets::Secrets* secrets, ingest::Publisher& publisher,
                                 const std::set<std::string>& devices,
                                 const std::function<void(const std::string&)>& log) {
  std::size_t published = 0;
  for (const auto& device : site.devices) {
    if ((devices.empty() || devices.contains(device.id)) &&
        publish_room_config(site, device, repos, secrets, publisher, log)) {
      ++published;
    }
  }
  return published;
}

}  // namespace tavla::host::rooms
