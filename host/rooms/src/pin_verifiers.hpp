// The PIN verifiers of a room config in version 2, made once per member and
// PIN (Argon2id costs tens of milliseconds each) and kept in the store, so
// a reload republishes the same bytes, under the same rev.
#pragma once

#include <functional>
#include <string>

#include "tavla/host/config/site.hpp"
#include "tavla/host/secrets/secrets.hpp"
#include "tavla/host/storage/repositories.hpp"
#include "tavla/protocol/room_config.hpp"

namespace tavla::host::rooms::detail {

// Gives each member of `room` with a PIN its verifier under `device`'s
// secret and drops the version 1 pin_hash. False (and a log line) if the
// device has no secret: it was never provisioned (`tavla-host devices add`).
bool add_pin_verifiers(const config::Site& site, const config::Device& device,
                       const secrets::Secrets& secrets, storage::Repositories& repos,
                       protocol::RoomConfig& room,
                       const std::function<void(const std::string&)>& log);

}  // namespace tavla::host::rooms::detail
