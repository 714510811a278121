// The ingest step between the broker and the repositories: decodes each
// message, decides (acceptance.hpp), stores it idempotently or quarantines
// it with a code and a reason, keeps the derived state, and says what to
// ack afterwards. One batch is one transaction (group commit). No MQTT here:
// the service feeds it, the tests feed it directly.
#pragma once

#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "tavla/host/config/site.hpp"
#include "tavla/host/storage/repositories.hpp"
#include "tavla/protocol/messages.hpp"
#include "tavla/protocol/timestamp.hpp"

namespace tavla::host::ingest {

struct Message {
  std::string topic;
  std::string payload;
};

// Now, as the processor reads it (injected: tests fix it).
using ClockFunction = std::function<protocol::Timestamp()>;

struct BatchResult {
  // Per device, what to ack once the batch is committed: the id of every
  // event kept (stored, or in quarantine), and in `rejected` the code of
  // each one in quarantine. May exceed kMaxAckIds: split_ack (acks.hpp).
  std::map<std::string, protocol::Ack> acks;
  // Groups whose open actions may have changed (their rooms get a new config).
  std::set<std::string> action_groups;
  // Devices that announced other room-config versions than before (their
  // rooms get their config again, in the version now chosen).
  std::set<std::string> version_changes;
  std::size_t stored = 0;
  std::size_t duplicates = 0;
  std::size_t quarantined = 0;
  std::size_t statuses = 0;
  std::size_t replayed = 0;  // quarantine entries taken out to be decided again
  // Roster or PIN check-ins whose claimed affiliation or foster home differed
  // from the registry's (billed by the registry; noted for `quarantine list
  // --mismatches`).
  std::size_t mismatches = 0;
  // Sessions dated by the host's receive time: their device's clock was
  // doubted (device_clock.hpp).
  std::size_t clock_flags = 0;
};

class Batch;

class Processor {
 public:
  Processor(storage::Repositories& repos, const config::Site& site, ClockFunction clock);

  // After SIGHUP: later batches use the new configuration.
  void set_site(const config::Site& site) { site_ = &site; }

  // Processes `messages` in one transaction and commits it. Throws (after a
  // rollback) only if the database fails; then nothing of the batch is kept
  // or acked, and the devices will send it again.
  BatchResult process(const std::vector<Message>& messages);

  // The rollout rule's replay (protocol/README.md, "Versions and rollout"):
  // every quarantine entry with code unknown_type that decodes now (an
  // event of a type this build learnt) leaves quarantine and is processed
  // as if it had just arrived, in one transaction: stored and applied, or
  // quarantined again with the code it breaks now. Its seq was counted
  // when it first arrived and is not counted again. The acks say what
  // became of each.
  BatchResult replay_unknown_types();

 private:
  enum class Arrival { fresh, replayed };
  BatchResult run_batch(Arrival arrival, const std::function<void(Batch&)>& body);

  storage::Repositories& repos_;
  const config::Site* site_;
  ClockFunction clock_;
};

}  // namespace tavla::host::ingest
