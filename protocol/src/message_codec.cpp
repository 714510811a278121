// `ack` and `status`.
#include <nlohmann/json.hpp>

#include "json_input.hpp"
#include "tavla/protocol/codec.hpp"
#include "tavla/protocol/limits.hpp"
#include "topic_check.hpp"

namespace tavla::protocol {
namespace {

using detail::FieldReader;
using detail::Json;
using Out = nlohmann::ordered_json;

std::string dump(const Out& out) {
  return out.dump(-1, ' ', false, Out::error_handler_t::replace);
}

}  // namespace

std::string encode(const Ack& ack) {
  return dump(Out{{"v", kVersion}, {"ids", ack.ids}});
}

std::string encode(const Status& status) {
  Out out{{"v", kVersion}, {"online", status.online}};
  if (status.fw) {
    out["fw"] = *status.fw;
  }
  if (status.outbox) {
    out["outbox"] = *status.outbox;
  }
  if (status.clock_ok) {
    out["clock_ok"] = *status.clock_ok;
  }
  if (status.last_ack) {
    out["last_ack"] = format_timestamp(*status.last_ack);
  }
  return dump(out);
}

Result<Ack> decode_ack(std::string_view payload) {
  Json json;
  if (auto error = detail::parse_message(payload, kMaxAckBytes, json)) {
    return *error;
  }
  std::optional<Error> error;
  FieldReader reader{&json, "", &error};
  reader.version();
  Ack ack{reader.string_array("ids")};
  if (error) {
    return *error;
  }
  if (auto invalid = validate(ack)) {
    return *invalid;
  }
  return ack;
}

Result<Status> decode_status(std::string_view payload) {
  Json json;
  if (auto error = detail::parse_message(payload, kMaxStatusBytes, json)) {
    return *error;
  }
  std::optional<Error> error;
  FieldReader reader{&json, "", &error};
  reader.version();
  Status status;
  status.online = reader.boolean("online");
  status.fw = reader.optional_string("fw");
  status.outbox = reader.optional_unsigned_integer("outbox");
  status.clock_ok = reader.optional_boolean("clock_ok");
  status.last_ack = reader.optional_timestamp("last_ack");
  if (error) {
    return *error;
  }
  if (auto invalid = validate(status)) {
    return *invalid;
  }
  return status;
}

Result<Ack> decode_ack(std::string_view topic, std::string_view payload) {
  auto parsed = detail::check_topic(topic, Channel::ack);
  if (!parsed) {
    return parsed.error();
  }
  return decode_ack(payload);
}

Result<Status> decode_status(std::string_view topic, std::string_view payload) {
  auto parsed = detail::check_topic(topic, Channel::status);
  if (!parsed) {
    return parsed.error();
  }
  return decode_status(payload);
}

}  // namespace tavla::protocol
