#include <algorithm>
#include <utility>
#include <variant>

#include <nlohmann/json.hpp>

#include "json_input.hpp"
#include "tavla/protocol/codec.hpp"
#include "tavla/protocol/limits.hpp"
#include "tavla/protocol/topic.hpp"
#include "topic_check.hpp"

namespace tavla::protocol {
namespace {

using detail::FieldReader;
using detail::Json;
using Out = nlohmann::ordered_json;  // keeps the documented field order: byte-stable output

void put_affiliation(Out& out, const Affiliation& affiliation) {
  out[affiliation.kind == Affiliation::Kind::municipality ? "municipality" : "org"] =
      affiliation.id;
}

Out body_json(const SessionOpened& b) {
  Out out{
      {"session", b.session}, {"kind", to_string(b.kind)}, {"group", b.group}, {"title", b.title}};
  if (b.planned_start) {
    out["planned_start"] = format_timestamp(*b.planned_start);
  }
  if (b.planned_end) {
    out["planned_end"] = format_timestamp(*b.planned_end);
  }
  return out;
}

Out body_json(const SessionClosed& b) {
  return Out{{"session", b.session}};
}

Out body_json(const CheckedIn& b) {
  Out out{{"session", b.session}, {"participant", b.participant}, {"method", to_string(b.method)}};
  put_affiliation(out, b.affiliation);
  if (b.foster_home) {
    out["foster_home"] = *b.foster_home;
  }
  if (b.corrected_by) {
    out["corrected_by"] = *b.corrected_by;
  }
  return out;
}

Out body_json(const CheckedOut& b) {
  Out out{{"session", b.session}, {"participant", b.participant}};
  if (b.corrected_by) {
    out["corrected_by"] = *b.corrected_by;
  }
  return out;
}

Out body_json(const SessionPaused& b) {
  return Out{{"session", b.session}};
}

Out body_json(const SessionResumed& b) {
  return Out{{"session", b.session}};
}

Out body_json(const ItemPaused& b) {
  return Out{{"session", b.session}, {"item", b.item}, {"elapsed_seconds", b.elapsed_seconds}};
}

Out body_json(const ItemResumed& b) {
  return Out{{"session", b.session}, {"item", b.item}};
}

Out body_json(const ItemSkipped& b) {
  return Out{{"session", b.session}, {"item", b.item}};
}

Out body_json(const ItemExtended& b) {
  return Out{{"session", b.session}, {"item", b.item}, {"minutes", b.minutes}};
}

Out body_json(const ActionReopened& b) {
  return Out{{"session", b.session}, {"action", b.action}};
}

Out body_json(const ItemStarted& b) {
  return Out{{"session", b.session},
             {"item", b.item},
             {"title", b.title},
             {"planned_minutes", b.planned_minutes}};
}

Out body_json(const ItemFinished& b) {
  return Out{{"session", b.session}, {"item", b.item}, {"elapsed_seconds", b.elapsed_seconds}};
}

Out body_json(const DecisionRecorded& b) {
  return Out{{"session", b.session}, {"item", b.item}, {"decision", b.decision}, {"text", b.text}};
}

Out body_json(const ActionRecorded& b) {
  Out out{{"session", b.session},
          {"item", b.item},
          {"action", b.action},
          {"text", b.text},
          {"owner", b.owner}};
  if (b.due) {
    out["due"] = format_date(*b.due);
  }
  return out;
}

Out body_json(const ActionDone& b) {
  return Out{{"session", b.session}, {"action", b.action}};
}

Out body_json(const Retracted& b) {
  Out out{{"session", b.session}, {"target", b.target}};
  if (b.reason) {
    out["reason"] = *b.reason;
  }
  return out;
}

Affiliation read_affiliation(FieldReader& body) {
  const bool has_municipality = body.has("municipality");
  const bool has_org = body.has("org");
  if (has_municipality == has_org) {
    body.fail(ErrorCode::municipality_or_org, has_municipality ? "org" : "municipality",
              has_municipality ? "must not be given together with municipality"
                               : "one of municipality or org is required");
    return {};
  }
  if (has_municipality) {
    return Affiliation{Affiliation::Kind::municipality, body.string("municipality")};
  }
  return Affiliation{Affiliation::Kind::org, body.string("org")};
}

// One reader per event type: a type in EventBody without one here does not
// compile (read_body_of_type below instantiates it for every type).
void read_fields(FieldReader& b, SessionOpened& v) {
  v.session = b.string("session");
  v.kind = b.enumeration<SessionKind>("kind", session_kind_from_string);
  v.group = b.string("group");
  v.title = b.string("title");
  v.planned_start = b.optional_timestamp("planned_start");
  v.planned_end = b.optional_timestamp("planned_end");
}

void read_fields(FieldReader& b, SessionClosed& v) {
  v.session = b.string("session");
}

void read_fields(FieldReader& b, CheckedIn& v) {
  v.session = b.string("session");
  v.participant = b.string("participant");
  v.method = b.enumeration<CheckInMethod>("method", check_in_method_from_string);
  v.affiliation = read_affiliation(b);
  v.foster_home = b.optional_string("foster_home");
  v.corrected_by = b.optional_string("corrected_by");
}

void read_fields(FieldReader& b, CheckedOut& v) {
  v.session = b.string("session");
  v.participant = b.string("participant");
  v.corrected_by = b.optional_string("corrected_by");
}

void read_fields(FieldReader& b, SessionPaused& v) {
  v.session = b.string("session");
}

void read_fields(FieldReader& b, SessionResumed& v) {
  v.session = b.string("session");
}

void read_fields(FieldReader& b, ItemPaused& v) {
  v.session = b.string("session");
  v.item = b.string("item");
  v.elapsed_seconds = b.unsigned_integer("elapsed_seconds");
}

void read_fields(FieldReader& b, ItemResumed& v) {
  v.session = b.string("session");
  v.item = b.string("item");
}

void read_fields(FieldReader& b, ItemSkipped& v) {
  v.session = b.string("session");
  v.item = b.string("item");
}

void read_fields(FieldReader& b, ItemExtended& v) {
  v.session = b.string("session");
  v.item = b.string("item");
  v.minutes = b.unsigned_integer("minutes");
}

void read_fields(FieldReader& b, ActionReopened& v) {
  v.session = b.string("session");
  v.action = b.string("action");
}

void read_fields(FieldReader& b, ItemStarted& v) {
  v.session = b.string("session");
  v.item = b.string("item");
  v.title = b.string("title");
  v.planned_minutes = b.unsigned_integer("planned_minutes");
}

void read_fields(FieldReader& b, ItemFinished& v) {
  v.session = b.string("session");
  v.item = b.string("item");
  v.elapsed_seconds = b.unsigned_integer("elapsed_seconds");
}

void read_fields(FieldReader& b, DecisionRecorded& v) {
  v.session = b.string("session");
  v.item = b.string("item");
  v.decision = b.string("decision");
  v.text = b.string("text");
}

void read_fields(FieldReader& b, ActionRecorded& v) {
  v.session = b.string("session");
  v.item = b.string("item");
  v.action = b.string("action");
  v.text = b.string("text");
  v.owner = b.string("owner");
  v.due = b.optional_date("due");
}

void read_fields(FieldReader& b, ActionDone& v) {
  v.session = b.string("session");
  v.action = b.string("action");
}

void read_fields(FieldReader& b, Retracted& v) {
  v.session = b.string("session");
  v.target = b.string("target");
  v.reason = b.optional_string("reason");
}

// The body of the type named `type`, looked up in the EventBody table;
// nullopt for a type this build does not know.
template <std::size_t I = 0>
std::optional<EventBody> read_body_of_type(std::string_view type, FieldReader& reader) {
  if constexpr (I < std::variant_size_v<EventBody>) {
    using Body = std::variant_alternative_t<I, EventBody>;
    if (type == Body::kType) {
      Body body;
      read_fields(reader, body);
      return EventBody{std::move(body)};
    }
    return read_body_of_type<I + 1>(type, reader);
  } else {
    return std::nullopt;
  }
}

}  // namespace

std::string encode(const Event& event) {
  Out out{{"v", kVersion},
          {"id", event.id},
          {"device", event.device},
          {"epoch", event.epoch},
          {"seq", event.seq},
          {"ts", format_timestamp(event.ts)},
          {"type", type_of(event.body)},
          {"body", std::visit([](const auto& body) { return body_json(body); }, event.body)}};
  return out.dump(-1, ' ', false, Out::error_handler_t::replace);
}

Result<Event> decode_event(std::string_view payload) {
  Json json;
  if (auto error = detail::parse_message(payload, kMaxEventBytes, json)) {
    return *error;
  }
  std::optional<Error> error;
  FieldReader envelope{&json, "", &error};
  envelope.version();
  Event event;
  event.id = envelope.string("id");
  event.device = envelope.string("device");
  event.epoch = envelope.string("epoch");
  event.seq = envelope.unsigned_integer("seq");
  event.ts = envelope.timestamp("ts");
  const std::string type = envelope.string("type");
  if (error) {
    return *error;
  }
  const auto types = event_types();
  if (std::find(types.begin(), types.end(), type) == types.end()) {
    return Error{ErrorCode::unknown_type, "type",
                 "'" + type + "' is not an event type this build knows (version " +
                     std::to_string(kVersion) + ")"};
  }
  FieldReader body = envelope.object("body");
  auto decoded = read_body_of_type(type, body);
  if (error) {
    return *error;
  }
  event.body = std::move(*decoded);
  if (auto invalid = validate(event)) {
    return *invalid;
  }
  return event;
}

Result<Event> decode_event(std::string_view topic, std::string_view payload) {
  auto parsed = detail::check_topic(topic, Channel::events);
  if (!parsed) {
    return parsed.error();
  }
  auto event = decode_event(payload);
  if (event && event.value().device != parsed.value().device) {
    return Error{ErrorCode::device_mismatch, "device",
                 "'" + event.value().device + "' differs from the topic's device '" +
                     parsed.value().device + "'"};
  }
  return event;
}

}  // namespace tavla::protocol
