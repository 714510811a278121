// Devices and their sequences: every (device, epoch, seq) received (events
// and quarantine alike), per epoch the highest seq and how many arrived, and
// each device's last status with the room-config versions it announced.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "tavla/host/storage/repository.hpp"

namespace tavla::host::storage {

struct DeviceEpoch {
  std::string device;
  std::string epoch;
  std::int64_t max_seq = 0;
  std::int64_t received = 0;  // distinct seqs (events and quarantine)
  std::string first_seen;
  std::string last_seen;
  [[nodiscard]] std::int64_t missing() const { return max_seq - received; }
};

// One (device, epoch, seq) that arrived, for DeviceRepository::note_seqs.
struct SeqNote {
  std::string device;
  std::string epoch;
  std::int64_t seq = 0;
};

struct SeqGap {
  std::int64_t first = 0;
  std::int64_t last = 0;
};

struct DeviceStatus {
  std::string device;
  bool online = false;
  std::optional<std::string> fw;
  std::optional<std::int64_t> outbox;
  std::optional<bool> clock_ok;
  std::optional<std::string> last_ack;
  std::string updated_at;
  // The room-config versions the device announced (nullopt: none, so
  // version 1). An offline status (the will) keeps the last announcement.
  std::optional<std::vector<std::uint64_t>> versions;
};

// A session dated by the host's receive time because its device's clock
// was doubted (ingest/device_clock.hpp).
struct ClockFlag {
  std::string event_id;  // the session.opened
  std::string device;
  std::string session;
  std::string device_ts;    // what the device's clock said
  std::string received_at;  // what dated the session instead
  int year = 0;             // the year it is billed in
  std::string reason;       // ahead_of_host | before_site | not_synchronised
};

class DeviceRepository : public Repository {
 public:
  using Repository::Repository;

  // Records that (device, epoch, seq) arrived; repeated calls change nothing.
  void note_seq(Transaction& tx, const std::string& device, const std::string& epoch,
                std::int64_t seq, const std::string& at);
  // note_seq for each of `seqs` (repeats allowed), in a few multi-row
  // statements: the same result as calling note_seq for each in turn.
  void note_seqs(Transaction& tx, const std::vector<SeqNote>& seqs, const std::string& at);
  [[nodiscard]] std::vector<DeviceEpoch> device_epochs();
  [[nodiscard]] std::vector<SeqGap> gaps(const std::string& device, const std::string& epoch,
                                         std::size_t limit);

  void update_status(Transaction& tx, const DeviceStatus& status);
  [[nodiscard]] std::vector<DeviceStatus> statuses();
  // What `device` last announced: nullopt when it announced nothing (or
  // never sent a status), which means config version 1.
  [[nodiscard]] std::optional<std::vector<std::uint64_t>> announced_versions(
      const std::string& device);

  void flag_clock(Transaction& tx, const ClockFlag& flag);
  // Every flag, oldest first.
  [[nodiscard]] std::vector<ClockFlag> clock_flags();
};

}  // namespace tavla::host::storage
