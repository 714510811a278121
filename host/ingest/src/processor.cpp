#include "tavla/host/ingest/processor.hpp"

#include <nlohmann/json.hpp>

#include "tavla/host/config/schedule.hpp"
#include "tavla/host/ingest/acceptance.hpp"
#include "tavla/protocol/codec.hpp"
#include "tavla/protocol/ids.hpp"
#include "tavla/protocol/limits.hpp"
#include "tavla/protocol/topic.hpp"

namespace tavla::host::ingest {
namespace {

using protocol::Event;
using storage::StoredEvent;
using storage::StoredSession;

// What can still be read from a message that failed to decode: its id (to
// ack it, so the device stops resending) and its place in the sequence (a
// quarantined event's seq counts as received).
struct Salvage {
  std::optional<std::string> id;
  std::optional<std::string> epoch;
  std::optional<std::int64_t> seq;
};

Salvage salvage(const std::string& payload) {
  Salvage s;
  const auto json = nlohmann::json::parse(payload, nullptr, false);
  if (!json.is_object()) {
    return s;
  }
  if (auto it = json.find("id");
      it != json.end() && it->is_string() && protocol::is_valid_event_id(it->get<std::string>())) {
    s.id = it->get<std::string>();
  }
  if (auto it = json.find("epoch");
      it != json.end() && it->is_string() && protocol::is_valid_epoch(it->get<std::string>())) {
    s.epoch = it->get<std::string>();
  }
  if (auto it = json.find("seq"); it != json.end() && it->is_number_unsigned() &&
                                  it->get<std::uint64_t>() >= 1 &&
                                  it->get<std::uint64_t>() <= protocol::kMaxSafeInteger) {
    s.seq = static_cast<std::int64_t>(it->get<std::uint64_t>());
  }
  return s;
}

StoredEvent stored(const Event& e, const std::string& payload, bool pending) {
  return {e.id,
          e.device,
          e.epoch,
          static_cast<std::int64_t>(e.seq),
          protocol::format_timestamp(e.ts),
          std::string(protocol::type_of(e.body)),
          protocol::session_of(e.body),
          payload,
          pending};
}

// Applies an accepted event of a known session to the derived state.
// `sessions` is the batch's cache of session records: a change to a
// session's row evicts it, so the next look-up reads the row as it is now.
void apply(storage::Repositories& repos, storage::Transaction& tx, const config::Site& site,
           const Event& e, const StoredSession& session,
           std::map<std::string, std::optional<StoredSession>>& sessions, BatchResult& result) {
  const std::string ord =
      storage::device_order(e.device, e.epoch, static_cast<std::int64_t>(e.seq));
  std::visit(
      [&](const auto& body) {
        using T = std::decay_t<decltype(body)>;
        if constexpr (std::is_same_v<T, protocol::CheckedIn>) {
          const auto kind = protocol::session_kind_from_string(session.kind).value();
          storage::AttendanceFact fact{body.participant, true, unit_of(body, kind), {}, {}, ord};
          if (body.affiliation.kind == protocol::Affiliation::Kind::municipality) {
            fact.municipality = body.affiliation.id;
          } else {
            fact.org = body.affiliation.id;
          }
          repos.attendance().apply(tx, session, fact);
        } else if constexpr (std::is_same_v<T, protocol::CheckedOut>) {
          repos.attendance().apply(tx, session, {body.participant, false, "", {}, {}, ord});
        } else if constexpr (std::is_same_v<T, protocol::SessionClosed>) {
          repos.attendance().close_session(tx, session.session, protocol::format_timestamp(e.ts));
          sessions.erase(session.session);
        } else if constexpr (std::is_same_v<T, protocol::DecisionRecorded>) {
          repos.minutes().record_decision(tx, body.decision, session.session, body.item, body.text);
        } else if constexpr (std::is_same_v<T, protocol::ActionRecorded>) {
          repos.minutes().record_action(
              tx,
              {body.action, session.group, session.session, body.text, body.owner,
               body.due ? std::optional(protocol::format_date(*body.due)) : std::nullopt,
               protocol::format_timestamp(e.ts)},
              body.item);
          result.action_groups.insert(session.group);
        } else if constexpr (std::is_same_v<T, protocol::ActionDone>) {
          repos.minutes().mark(tx, body.action, "done", session.session);
          result.action_groups.insert(session.group);
        } else if constexpr (std::is_same_v<T, protocol::Retracted>) {
          repos.minutes().mark(tx, body.target, "retracted", session.session);
          result.action_groups.insert(session.group);
        }
        // agenda.item_started/finished: kept in the event table only.
      },
      e.body);
  (void)site;
}

}  // namespace

Processor::Processor(storage::Repositories& repos, const config::Site& site, ClockFunction clock)
    : repos_(repos), site_(&site), clock_(std::move(clock)) {}

BatchResult Processor::process(const std::vector<Message>& batch) {
  BatchResult result;
  const std::string now = protocol::format_timestamp(clock_());
  sessions_.clear();
  seqs_.clear();
  repos_.attendance().begin_batch();
  try {
    storage::in_transaction(repos_.db(), [&](storage::Transaction& tx) {
      for (const auto& message : batch) {
        handle(tx, message, result, now);
      }
      repos_.devices().note_seqs(tx, seqs_, now);
      repos_.attendance().end_batch(tx);
    });
  } catch (...) {
    repos_.attendance().abandon_batch();  // rolled back: the sums are of nothing
    throw;
  }
  return result;
}

const std::optional<StoredSession>& Processor::cached_session(const std::string& id) {
  if (auto it = sessions_.find(id); it != sessions_.end()) {
    return it->second;
  }
  return sessions_.emplace(id, repos_.attendance().session(id)).first->second;
}

void Processor::handle_status(storage::Transaction& tx, const Message& message,
                              const std::string& device, BatchResult& result,
                              const std::string& now) {
  ++result.statuses;
  const auto decoded = protocol::decode_status(message.topic, message.payload);
  if (!decoded) {
    repos_.events().quarantine(tx, {0,
                                    now,
                                    message.topic,
                                    device,
                                    {},
                                    {},
                                    {},
                                    0,
                                    message.payload,
                                    "status: " + decoded.error().message()});
    ++result.quarantined;
    return;
  }
  const auto& s = decoded.value();
  repos_.devices().update_status(
      tx,
      {device, s.online, s.fw,
       s.outbox ? std::optional<std::int64_t>(static_cast<std::int64_t>(*s.outbox)) : std::nullopt,
       s.clock_ok,
       s.last_ack ? std::optional(protocol::format_timestamp(*s.last_ack)) : std::nullopt, now});
}

void Processor::handle(storage::Transaction& tx, const Message& message, BatchResult& result,
                       const std::string& now) {
  const config::Site& site = *site_;
  const auto topic = protocol::parse_topic(message.topic);
  if (!topic || topic.value().site != site.id ||
      (topic.value().channel != protocol::Channel::events &&
       topic.value().channel != protocol::Channel::status)) {
    // Not one of our topics: kept, but there is no device to ack to.
    repos_.events().quarantine(tx,
                               {0,
                                now,
                                message.topic,
                                {},
                                salvage(message.payload).id,
                                {},
                                {},
                                0,
                                message.payload,
                                topic ? "topic is not an events or status topic of site " + site.id
                                      : "bad topic: " + topic.error().message()});
    ++result.quarantined;
    return;
  }
  const std::string device = topic.value().device;
  if (topic.value().channel == protocol::Channel::status) {
    handle_status(tx, message, device, result, now);
    return;
  }
  const auto quarantine = [&](const std::optional<std::string>& id,
                              const std::optional<std::string>& epoch,
                              std::optional<std::int64_t> seq, const std::string& reason) {
    if (id && repos_.events().is_known(*id)) {
      ++result.duplicates;  // already kept once: a resend
    } else {
      repos_.events().quarantine(
          tx, {0, now, message.topic, device, id, epoch, seq, 0, message.payload, reason});
      ++result.quarantined;
      if (epoch && seq) {
        seqs_.push_back({device, *epoch, *seq});
      }
    }
    if (id) {
      result.acks[device].push_back(*id);
    }
  };
  const auto decoded = protocol::decode_event(message.topic, message.payload);
  if (!decoded) {
    const Salvage s = salvage(message.payload);
    // A device_mismatch names someone else's sequence: do not count it.
    const bool own = decoded.error().code != protocol::ErrorCode::device_mismatch;
    quarantine(s.id, own ? s.epoch : std::nullopt, own ? s.seq : std::nullopt,
               decoded.error().message());
    return;
  }
  const Event& event = decoded.value();
  const auto seq = static_cast<std::int64_t>(event.seq);
  if (site.device(device) == nullptr) {
    quarantine(event.id, event.epoch, seq, "unknown device '" + device + "'");
    return;
  }
  // A resend is recognised where it would be stored (insert_event) or,
  // on the paths that reject it, by quarantine's known_event: no look-up
  // of every event first, one round trip fewer.
  const auto duplicate = [&] {
    ++result.duplicates;
    result.acks[device].push_back(event.id);
  };
  const std::string& session_id = protocol::session_of(event.body);
  if (const auto* opened = std::get_if<protocol::SessionOpened>(&event.body)) {
    if (auto reason = reject_opening(site, event, *opened)) {
      quarantine(event.id, event.epoch, seq, *reason);
      return;
    }
    if (const auto& existing = cached_session(session_id)) {
      quarantine(event.id, event.epoch, seq,
                 "session " + session_id + " was already opened (" + existing->source + ")");
      return;
    }
    if (!repos_.events().insert(tx, stored(event, message.payload, false), now)) {
      duplicate();
      return;
    }
    seqs_.push_back({device, event.epoch, seq});
    const auto date = config::oslo_date(event.ts);
    const StoredSession session{session_id,
                                opened->group,
                                std::string(protocol::to_string(opened->kind)),
                                device,
                                opened->title,
                                protocol::format_timestamp(event.ts),
                                static_cast<int>(date.year()),
                                static_cast<int>(static_cast<unsigned>(date.month())),
                                event.id,
                                {}};
    repos_.attendance().insert_session(tx, session);
    sessions_[session_id] = session;
    ++result.stored;
    result.acks[device].push_back(event.id);
    // Events that arrived before their session.opened are decided now.
    for (const auto& waiting : repos_.events().pending_events(session_id)) {
      const auto e = protocol::decode_event(waiting.payload);
      if (!e) {
        continue;  // cannot happen: only decoded events are stored
      }
      if (auto reason = reject_in_session(site, e.value(), session)) {
        repos_.events().move_to_quarantine(
            tx, waiting, protocol::topic_for(site.id, waiting.device, protocol::Channel::events),
            *reason, now);
        continue;
      }
      apply(repos_, tx, site, e.value(), session, sessions_, result);
      repos_.events().mark_applied(tx, waiting.id);
    }
    return;
  }
  // A copy: apply() may evict the cached record while it is used.
  const std::optional<StoredSession> known = cached_session(session_id);
  if (known) {
    if (auto reason = reject_in_session(site, event, *known)) {
      quarantine(event.id, event.epoch, seq, *reason);
      return;
    }
  }
  // Without its session.opened yet, the event waits (stored and acked).
  if (!repos_.events().insert(tx, stored(event, message.payload, !known), now)) {
    duplicate();
    return;
  }
  seqs_.push_back({device, event.epoch, seq});
  if (known) {
    apply(repos_, tx, site, event, *known, sessions_, result);
  }
  ++result.stored;
  result.acks[device].push_back(event.id);
}

}  // namespace tavla::host::ingest
