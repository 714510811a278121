#include "batch.hpp"

#include <algorithm>
#include <variant>

#include "tavla/host/config/schedule.hpp"
#include "tavla/host/ingest/device_clock.hpp"
#include "tavla/protocol/topic.hpp"

namespace tavla::host::ingest {
namespace {

using protocol::Event;
using protocol::RejectionCode;
using storage::StoredSession;

storage::StoredEvent stored_event(const Event& e, const std::string& payload, bool pending) {
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

// The row of the session a session.opened opens, dated `dated`.
StoredSession session_opened_by(const Event& event, const protocol::SessionOpened& opened,
                                protocol::Timestamp dated) {
  const auto date = config::oslo_date(dated);
  return {opened.session,
          opened.group,
          std::string(protocol::to_string(opened.kind)),
          event.device,
          opened.title,
          protocol::format_timestamp(dated),
          static_cast<int>(date.year()),
          static_cast<int>(static_cast<unsigned>(date.month())),
          event.id,
          {}};
}

std::optional<std::int64_t> to_i64(const std::optional<std::uint64_t>& n) {
  return n ? std::optional<std::int64_t>(static_cast<std::int64_t>(*n)) : std::nullopt;
}

}  // namespace

void Batch::handle(const Message& message) {
  const auto topic = protocol::parse_topic(message.topic);
  if (!topic) {
    quarantine_off_topic(message, "bad topic: " + topic.error().message());
    return;
  }
  const protocol::Topic& t = topic.value();
  if (t.site != site_.id ||
      (t.channel != protocol::Channel::events && t.channel != protocol::Channel::status)) {
    quarantine_off_topic(message, "topic is not an events or status topic of site " + site_.id);
    return;
  }
  if (t.channel == protocol::Channel::status) {
    handle_status(message, t.device);
  } else {
    handle_event(message, t.device);
  }
}

void Batch::replay(std::int64_t entry_id, const Message& message) {
  repos_.events().remove_from_quarantine(tx_, entry_id);
  ++result_.replayed;
  handle(message);
}

void Batch::handle_status(const Message& message, const std::string& device) {
  ++result_.statuses;
  const auto decoded = protocol::decode_status(message.topic, message.payload);
  if (!decoded) {
    const protocol::Error& error = decoded.error();
    repos_.events().quarantine(tx_, {0,
                                     now_,
                                     message.topic,
                                     device,
                                     {},
                                     {},
                                     {},
                                     0,
                                     message.payload,
                                     "status: " + error.message(),
                                     std::string(protocol::to_string(error.code))});
    ++result_.quarantined;
    return;
  }
  const auto& s = decoded.value();
  // The will ({"online":false}) announces nothing: the versions stand.
  if (s.online && repos_.devices().announced_versions(device) != s.versions) {
    result_.version_changes.insert(device);
  }
  repos_.devices().update_status(
      tx_, {device, s.online, s.fw, to_i64(s.outbox), s.clock_ok,
            s.last_ack ? std::optional(protocol::format_timestamp(*s.last_ack)) : std::nullopt,
            now_, s.versions});
}

void Batch::handle_event(const Message& message, const std::string& device) {
  const auto decoded = protocol::decode_event(message.topic, message.payload);
  if (!decoded) {
    quarantine_undecodable(message, device, decoded.error());
    return;
  }
  const Event& event = decoded.value();
  if (site_.device(device) == nullptr) {
    reject(message, event, {RejectionCode::unknown_device, "unknown device '" + device + "'"});
    return;
  }
  // A session.opened starts its session; every other event belongs to one.
  if (const auto* opened = std::get_if<protocol::SessionOpened>(&event.body)) {
    handle_opening(message, event, *opened);
  } else {
    handle_in_session(message, event);
  }
}

void Batch::handle_opening(const Message& message, const Event& event,
                           const protocol::SessionOpened& opened) {
  if (auto violation = opening_violation(site_, event, opened)) {
    reject(message, event, *violation);
    return;
  }
  if (const auto& existing = cached_session(opened.session)) {
    reject(message, event,
           {RejectionCode::session_already_opened,
            "session " + opened.session + " was already opened (" + existing->source + ")"});
    return;
  }
  if (store(message, event, false)) {
    apply(event, session_opened_by(event, opened, session_date(event, opened)));
  }
}

// The device's clock dates its session unless it is doubted
// (device_clock.hpp); then the host's receive time does, and it is flagged.
protocol::Timestamp Batch::session_date(const Event& event, const protocol::SessionOpened& opened) {
  const auto received = protocol::parse_timestamp(now_).value();
  const auto statuses = repos_.devices().statuses();
  const auto status = std::find_if(statuses.begin(), statuses.end(),
                                   [&](const auto& s) { return s.device == event.device; });
  const auto doubt = clock_doubt(event.ts, received, earliest_site_date(site_),
                                 status != statuses.end() ? status->clock_ok : std::nullopt);
  if (doubt == ClockDoubt::none) {
    return event.ts;
  }
  repos_.devices().flag_clock(
      tx_, {event.id, event.device, opened.session, protocol::format_timestamp(event.ts), now_,
            static_cast<int>(config::oslo_date(received).year()), std::string(to_string(doubt))});
  ++result_.clock_flags;
  return received;
}

void Batch::handle_in_session(const Message& message, const Event& event) {
  // A copy: applying may evict the cached row while it is used.
  const std::optional<StoredSession> known = cached_session(protocol::session_of(event.body));
  if (known) {
    if (auto violation = in_session_violation(site_, event, *known)) {
      reject(message, event, *violation);
      return;
    }
  }
  // Without its session.opened yet, the event waits (stored and acked).
  if (store(message, event, !known) && known) {
    apply(event, *known);
  }
}

void Batch::quarantine_off_topic(const Message& message, const std::string& reason) {
  // Not one of our topics: kept, but there is no device to ack to.
  repos_.events().quarantine(tx_,
                             {0,
                              now_,
                              message.topic,
                              {},
                              salvage(message.payload).id,
                              {},
                              {},
                              0,
                              message.payload,
                              reason,
                              std::string(protocol::to_string(protocol::ErrorCode::bad_topic))});
  ++result_.quarantined;
}

void Batch::quarantine_undecodable(const Message& message, const std::string& device,
                                   const protocol::Error& error) {
  Salvage place = salvage(message.payload);
  if (error.code == protocol::ErrorCode::device_mismatch) {
    // It names someone else's sequence: do not count it.
    place.epoch.reset();
    place.seq.reset();
  }
  quarantine(message, device, place, protocol::to_string(error.code), error.message());
}

void Batch::reject(const Message& message, const Event& event, const RuleViolation& violation) {
  quarantine(message, event.device, {event.id, event.epoch, static_cast<std::int64_t>(event.seq)},
             protocol::to_string(violation.code), violation.detail);
}

void Batch::quarantine(const Message& message, const std::string& device, const Salvage& place,
                       std::string_view code, const std::string& reason) {
  const auto kept = place.id ? repos_.events().find_kept(*place.id) : std::nullopt;
  if (kept) {
    ++result_.duplicates;  // kept once already: a resend, acked as the first time
    ack(device, *place.id, kept->code);
    return;
  }
  repos_.events().quarantine(tx_, {0, now_, message.topic, device, place.id, place.epoch, place.seq,
                                   0, message.payload, reason, std::string(code)});
  ++result_.quarantined;
  if (place.epoch && place.seq) {
    seqs_.push_back({device, *place.epoch, *place.seq});
  }
  if (place.id) {
    ack(device, *place.id, code);
  }
}

bool Batch::store(const Message& message, const Event& event, bool waits) {
  // A resend is recognised where it would be stored, not by a look-up of
  // every event first: one round trip fewer.
  if (!repos_.events().insert(tx_, stored_event(event, message.payload, waits), now_)) {
    ack_again(event.device, event.id);
    return false;
  }
  seqs_.push_back({event.device, event.epoch, static_cast<std::int64_t>(event.seq)});
  ++result_.stored;
  ack(event.device, event.id);
  return true;
}

void Batch::ack_again(const std::string& device, const std::string& id) {
  ++result_.duplicates;
  const auto kept = repos_.events().find_kept(id);
  ack(device, id, kept ? kept->code : "");
}

void Batch::ack(const std::string& device, const std::string& id, std::string_view code) {
  protocol::Ack& ack = result_.acks[device];
  ack.ids.push_back(id);
  if (!code.empty()) {
    ack.rejected.push_back({id, std::string(code)});
  }
}

const std::optional<StoredSession>& Batch::cached_session(const std::string& id) {
  if (auto it = sessions_.find(id); it != sessions_.end()) {
    return it->second;
  }
  return sessions_.emplace(id, repos_.attendance().session(id)).first->second;
}

const std::vector<storage::RegistryVersion>& Batch::registry_of(const std::string& group) {
  if (auto it = registry_.find(group); it != registry_.end()) {
    return it->second;
  }
  return registry_.emplace(group, repos_.registry().versions(group)).first->second;
}

void Batch::note_seqs() {
  repos_.devices().note_seqs(tx_, seqs_, now_);
}

}  // namespace tavla::host::ingest
