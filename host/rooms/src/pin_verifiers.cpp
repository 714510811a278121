#include "pin_verifiers.hpp"

#include "tavla/host/secrets/pin_verifiers.hpp"

namespace tavla::host::rooms::detail {
namespace {

const config::GroupMember* site_member(const config::Site& site, const std::string& group,
                                       const std::string& participant) {
  const auto* g = site.group(group);
  return g == nullptr ? nullptr : g->member(participant);
}

}  // namespace

bool add_pin_verifiers(const config::Site& site, const config::Device& device,
                       const secrets::Secrets& secrets, storage::Repositories& repos,
                       protocol::RoomConfig& room,
                       const std::function<void(const std::string&)>& log) {
  const auto secret = secrets.device_secret(device.id);
  if (!secret) {
    log("error: room config of " + device.id + " not published: the device has no secret in " +
        secrets.dir().string() + "; provision it with `tavla-host devices add " + device.id + "`");
    return false;
  }
  for (auto& group : room.groups) {
    for (auto& member : group.members) {
      member.pin_hash.reset();
      const auto* source = site_member(site, group.id, member.participant);
      if (source == nullptr || !source->pin) {
        continue;
      }
      const std::string fingerprint =
          secrets::pin_fingerprint(*secret, member.participant, *source->pin);
      member.pin_verifier = repos.rooms().pin_verifier(device.id, member.participant, fingerprint);
      if (member.pin_verifier) {
        continue;
      }
      member.pin_verifier = secrets::make_pin_verifier(*secret, member.participant, *source->pin,
                                                       secrets::random_salt());
      storage::in_transaction(repos.db(), [&](storage::Transaction& tx) {
        repos.rooms().keep_pin_verifier(tx, device.id, member.participant, fingerprint,
                                        *member.pin_verifier);
      });
    }
  }
  return true;
}

}  // namespace tavla::host::rooms::detail
