#include "tavla/host/ingest/processor.hpp"

#include "batch.hpp"

namespace tavla::host::ingest {

Processor::Processor(storage::Repositories& repos, const config::Site& site, ClockFunction clock)
    : repos_(repos), site_(&site), clock_(std::move(clock)) {}

BatchResult Processor::process(const std::vector<Message>& messages) {
  BatchResult result;
  const std::string now = protocol::format_timestamp(clock_());
  repos_.attendance().begin_batch();
  try {
    storage::in_transaction(repos_.db(), [&](storage::Transaction& tx) {
      Batch batch(repos_, tx, *site_, now, result);
      for (const auto& message : messages) {
        batch.handle(message);
      }
      batch.note_seqs();
      repos_.attendance().end_batch(tx);
    });
  } catch (...) {
    repos_.attendance().abandon_batch();  // rolled back: the sums are of nothing
    throw;
  }
  return result;
}

}  // namespace tavla::host::ingest
