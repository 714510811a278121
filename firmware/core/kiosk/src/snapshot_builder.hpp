// Builds a Snapshot from the core's parts: a pure function, so what a screen
// sees is unit-tested without threads.
#pragma once

#include <optional>

#include "tavla/kiosk/config.hpp"
#include "tavla/kiosk/pin_lockout.hpp"
#include "tavla/kiosk/snapshot.hpp"
#include "tavla/kiosk/state.hpp"
#include "tavla/kiosk/sync_engine.hpp"
#include "tavla/protocol/room_config.hpp"

namespace tavla::kiosk::detail {

struct SnapshotInputs {
  std::uint64_t version = 0;
  Timestamp now;
  const KioskConfig& kiosk;
  const protocol::RoomConfig* room = nullptr;  // nullptr before the first config
  const KioskState& state;
  const SyncStatus& sync;
  const PinLockout& pins;
  std::optional<protocol::Locale> locale_override;
  const TimeZone& zone;
  const char* firmware = "";
  const char* build_date = "";
};

[[nodiscard]] Snapshot build_snapshot(const SnapshotInputs& in);

}  // namespace tavla::kiosk::detail
