#include "tavla/host/ingest/processor.hpp"

#include "batch.hpp"

namespace tavla::host::ingest {

Processor::Processor(storage::Repositories& repos, const config::Site& site, ClockFunction clock)
    : repos_(repos), site_(&site), clock_(std::move(clock)) {}

BatchResult Processor::process(const std::vector<Message>& messages) {
  return run_batch(Arrival::fresh, [&](Batch& batch) {
    for (const auto& message : messages) {
      batch.handle(message);
    }
  });
}

BatchResult Processor::replay_unknown_types() {
  const std::string unknown_type(protocol::to_string(protocol::ErrorCode::unknown_type));
  return run_batch(Arrival::replayed, [&](Batch& batch) {
    for (const auto& entry : repos_.events().quarantined_with_code(unknown_type)) {
      const bool whole = entry.raw.size() == static_cast<std::size_t>(entry.size);
      if (!whole || !protocol::decode_event(entry.topic, entry.raw)) {
        continue;  // still a type this build does not know (or not an event at all)
      }
      batch.replay(entry.id, {entry.topic, entry.raw});
    }
  });
}

BatchResult Processor::run_batch(Arrival arrival, const std::function<void(Batch&)>& body) {
  BatchResult result;
  const std::string now = protocol::format_timestamp(clock_());
  repos_.attendance().begin_batch();
  try {
    storage::in_transaction(repos_.db(), [&](storage::Transaction& tx) {
      Batch batch(repos_, tx, *site_, now, result);
      body(batch);
      if (arrival == Arrival::fresh) {
        batch.note_seqs();  // a replayed event's seq was counted when it first arrived
      }
      repos_.attendance().end_batch(tx);
    });
  } catch (...) {
    repos_.attendance().abandon_batch();  // rolled back: the sums are of nothing
    throw;
  }
  return result;
}

}  // namespace tavla::host::ingest
