// One batch's decisions, inside its transaction. Each message is routed by
// its topic (status or event), decoded, checked against the site's rules
// and the session it names, then stored and applied, or quarantined with a
// code; either way its id is acked (with the code when quarantined).
// batch.cpp decides; batch_effects.cpp applies what was stored.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "salvage.hpp"
#include "tavla/host/ingest/acceptance.hpp"
#include "tavla/host/ingest/processor.hpp"
#include "tavla/host/ingest/registry.hpp"
#include "tavla/protocol/codec.hpp"

namespace tavla::host::ingest {

class Batch {
 public:
  Batch(storage::Repositories& repos, storage::Transaction& tx, const config::Site& site,
        std::string now, BatchResult& result)
      : repos_(repos), tx_(tx), site_(site), now_(std::move(now)), result_(result) {}

  void handle(const Message& message);
  // Takes quarantine entry `entry_id` out and handles `message`, its bytes.
  void replay(std::int64_t entry_id, const Message& message);
  // At the end of the batch: its seqs in a few statements.
  void note_seqs();

 private:
  // --- deciding (batch.cpp) ---
  void handle_status(const Message& message, const std::string& device);
  void handle_event(const Message& message, const std::string& device);
  void handle_opening(const Message& message, const protocol::Event& event,
                      const protocol::SessionOpened& opened);
  protocol::Timestamp session_date(const protocol::Event& event,
                                   const protocol::SessionOpened& opened);
  void handle_in_session(const Message& message, const protocol::Event& event);

  void quarantine_off_topic(const Message& message, const std::string& reason);
  void quarantine_undecodable(const Message& message, const std::string& device,
                              const protocol::Error& error);
  void reject(const Message& message, const protocol::Event& event, const RuleViolation& violation);
  // Keeps the message in quarantine with `code` unless its id is kept
  // already (a resend), and acks the id if it has one.
  void quarantine(const Message& message, const std::string& device, const Salvage& place,
                  std::string_view code, const std::string& reason);
  // Inserts the event (waiting for its session if `waits`); false for a
  // resend, which is acked again as it was the first time.
  bool store(const Message& message, const protocol::Event& event, bool waits);
  void ack_again(const std::string& device, const std::string& id);
  void ack(const std::string& device, const std::string& id, std::string_view code = {});

  const std::optional<storage::StoredSession>& cached_session(const std::string& id);
  const std::vector<storage::RegistryVersion>& registry_of(const std::string& group);

  // --- applying (batch_effects.cpp) ---
  void apply(const protocol::Event& event, const storage::StoredSession& session);
  void open_session(const storage::StoredSession& session);
  void decide_waiting_events(const storage::StoredSession& session);
  void close_session(const protocol::Event& event, const storage::StoredSession& session);
  void check_in(const protocol::Event& event, const protocol::CheckedIn& in,
                const storage::StoredSession& session);
  // A roster or PIN check-in's membership as the registry had it on the
  // session's date; a claim that differs from it is noted.
  std::optional<Membership> registered(const protocol::Event& event, const protocol::CheckedIn& in,
                                       const storage::StoredSession& session);
  void check_out(const protocol::Event& event, const protocol::CheckedOut& out,
                 const storage::StoredSession& session);
  void record_action(const protocol::Event& event, const protocol::ActionRecorded& action,
                     const storage::StoredSession& session);
  void mark(const std::string& target, const std::string& mark,
            const storage::StoredSession& session);
  void unmark(const std::string& target, const std::string& mark,
              const storage::StoredSession& session);

  storage::Repositories& repos_;
  storage::Transaction& tx_;
  const config::Site& site_;
  const std::string now_;
  BatchResult& result_;
  // To spare round trips: the sessions looked up (kept up to date with the
  // batch's own writes), and the seqs received, noted all at once.
  std::map<std::string, std::optional<storage::StoredSession>> sessions_;
  std::map<std::string, std::vector<storage::RegistryVersion>> registry_;  // by group
  std::vector<storage::SeqNote> seqs_;
};

}  // namespace tavla::host::ingest
