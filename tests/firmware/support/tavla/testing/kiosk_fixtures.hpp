// What kiosk tests and benchmarks share: a room config with known PINs, a
// kiosk file for a temporary directory, and a recording host that acks over
// a real broker like tavla-host does.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "tavla/kiosk/config.hpp"
#include "tavla/protocol/event.hpp"
#include "tavla/protocol/messages.hpp"
#include "tavla/protocol/room_config.hpp"
#include "tavla/testing/programs.hpp"  // program_argv: our programs behind the emulator

namespace tavla::testing {

inline constexpr const char* kSite = "stottepilar";
inline constexpr const char* kDevice = "kiosk-1";
// PINs in room_config(): p-lead leads "gv" (1234), p-2 is a member with a PIN
// (4321), p-nl leads the network "nm" (9999).
inline constexpr const char* kLeaderPin = "1234";
inline constexpr const char* kMemberPin = "4321";
inline constexpr const char* kNetworkLeaderPin = "9999";
inline constexpr const char* kCarriedAction = "01JD0ZA0000000000000000A00";

// Groups "gv" (group guidance: p-1, p-2, p-3, p-lead) and "nm" (network:
// p-nl, p-buf from org bufetat), agenda "fast" (sak-1, sak-2), no schedule,
// one carried-over open action.
[[nodiscard]] protocol::RoomConfig room_config(std::uint64_t rev = 1);

// A kiosk file's contents for `data_dir` and `broker_url`, with short sync
// timers (tests must not wait for production timeouts).
[[nodiscard]] kiosk::KioskConfig kiosk_config(const std::filesystem::path& data_dir,
                                              const std::string& broker_url);
// The same as TOML text, for the program.
[[nodiscard]] std::string kiosk_toml(const std::filesystem::path& data_dir,
                                     const std::string& broker_url, int ack_timeout_seconds = 2);

struct Received {
  std::string id;
  std::string epoch;
  std::uint64_t seq = 0;
  std::string type;
  std::string participant;  // for attendance events
};

// Subscribes to every device's events of kSite, records them and acks them
// in batches (as the host does after its commit). Can publish room configs.
class RecordingHost {
 public:
  explicit RecordingHost(const std::string& broker_url, bool ack = true);
  ~RecordingHost();
  RecordingHost(const RecordingHost&) = delete;
  RecordingHost& operator=(const RecordingHost&) = delete;

  void set_acking(bool ack) { ack_ = ack; }
  // From now on, events of `type` are acked into "quarantine": listed in the
  // ack's `rejected` with `code`, as tavla-host does for what it refuses.
  void reject(const std::string& type, const std::string& code);
  // Publishes a raw payload on the device's config topic (retained).
  void publish_config(const std::string& payload, const std::string& device = kDevice);
  // Publishes an ack naming `ids` (and the `rejected` among them) to the device.
  void publish_ack(const std::vector<std::string>& ids, const std::string& device = kDevice,
                   const std::vector<protocol::Rejection>& rejected = {});

  [[nodiscard]] std::vector<Received> received() const;  // every delivery, duplicates included
  [[nodiscard]] std::size_t deliveries() const;
  [[nodiscard]] std::set<std::string> ids() const;
  [[nodiscard]] std::size_t count_of(const std::string& id) const;
  [[nodiscard]] bool connected() const;

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
  std::atomic<bool> ack_;
};

}  // namespace tavla::testing
