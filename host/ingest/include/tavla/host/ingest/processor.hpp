// The ingest step between the broker and the store: decodes each message,
// decides (acceptance.hpp), stores it idempotently or quarantines it with its
// reason, keeps the derived state, and says which ids to ack afterwards.
// One batch is one transaction (group commit). No MQTT here: the service
// feeds it, the tests feed it directly.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "tavla/host/config/site.hpp"
#include "tavla/host/storage/repositories.hpp"
#include "tavla/protocol/timestamp.hpp"

namespace tavla::host::ingest {

struct Message {
  std::string topic;
  std::string payload;
};

// Now, as the processor reads it (injected: tests fix it).
using ClockFunction = std::function<protocol::Timestamp()>;

struct BatchResult {
  // Per device, the event ids to ack once the batch is committed.
  std::map<std::string, std::vector<std::string>> acks;
  // Groups whose open actions may have changed (their rooms get a new config).
  std::set<std::string> action_groups;
  std::size_t stored = 0;
  std::size_t duplicates = 0;
  std::size_t quarantined = 0;
  std::size_t statuses = 0;
};

class Processor {
 public:
  Processor(storage::Repositories& repos, const config::Site& site, ClockFunction clock);

  // After SIGHUP: later batches use the new configuration.
  void set_site(const config::Site& site) { site_ = &site; }

  // Processes `batch` in one transaction and commits it. Throws (after a
  // rollback) only if the database fails; then nothing of the batch is kept
  // or acked, and the devices will send it again.
  BatchResult process(const std::vector<Message>& batch);

 private:
  void handle(storage::Transaction& tx, const Message& message, BatchResult& result,
              const std::string& now);
  void handle_status(storage::Transaction& tx, const Message& message, const std::string& device,
                     BatchResult& result, const std::string& now);
  const std::optional<storage::StoredSession>& cached_session(const std::string& id);

  storage::Repositories& repos_;
  const config::Site* site_;
  ClockFunction clock_;
  // Per batch, to spare round trips to the database: the sessions looked up
  // (kept up to date with the batch's own writes), and the seqs received,
  // noted all at once at the end of the batch.
  std::map<std::string, std::optional<storage::StoredSession>> sessions_;
  std::vector<storage::SeqNote> seqs_;
};

}  // namespace tavla::host::ingest
