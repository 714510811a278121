// `ack` and `status`.
#include <algorithm>

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

constexpr std::string_view kUnknownCode = "unknown";

}  // namespace

// A switch without a default: a code added and not named is a compile error.
std::string_view to_string(RejectionCode code) {
  switch (code) {
    case RejectionCode::unknown_device:
      return "unknown_device";
    case RejectionCode::unknown_group:
      return "unknown_group";
    case RejectionCode::wrong_session_kind:
      return "wrong_session_kind";
    case RejectionCode::group_of_another_device:
      return "group_of_another_device";
    case RejectionCode::session_already_opened:
      return "session_already_opened";
    case RejectionCode::session_of_another_device:
      return "session_of_another_device";
    case RejectionCode::not_a_member:
      return "not_a_member";
    case RejectionCode::unknown_affiliation:
      return "unknown_affiliation";
    case RejectionCode::not_a_leader:
      return "not_a_leader";
  }
  return kUnknownCode;
}

std::vector<RejectionCode> all_rejection_codes() {
  std::vector<RejectionCode> codes;
  for (int i = 0; to_string(static_cast<RejectionCode>(i)) != kUnknownCode; ++i) {
    codes.push_back(static_cast<RejectionCode>(i));
  }
  return codes;
}

std::optional<std::uint64_t> config_version_for(
    const std::optional<std::vector<std::uint64_t>>& device_reads) {
  const std::vector<std::uint64_t> reads = device_reads.value_or(std::vector<std::uint64_t>{1});
  std::optional<std::uint64_t> newest;
  for (const std::uint64_t version : kConfigVersions) {
    if (std::find(reads.begin(), reads.end(), version) != reads.end()) {
      newest = version;  // kConfigVersions is oldest first
    }
  }
  return newest;
}

std::string encode(const Ack& ack) {
  Out out{{"v", kVersion}, {"ids", ack.ids}};
  if (!ack.rejected.empty()) {
    Out rejected = Out::array();
    for (const auto& r : ack.rejected) {
      rejected.push_back(Out{{"id", r.id}, {"code", r.code}});
    }
    out["rejected"] = std::move(rejected);
  }
  return dump(out);
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
  if (status.versions) {
    out["versions"] = *status.versions;
  }
  if (status.configs_refused) {
    out["configs_refused"] = *status.configs_refused;
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
  Ack ack{reader.string_array("ids"), {}};
  if (reader.has("rejected")) {
    reader.object_array("rejected", [&ack](FieldReader& r, std::size_t) {
      ack.rejected.push_back(Rejection{r.string("id"), r.string("code")});
    });
  }
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
  status.versions = reader.optional_unsigned_array("versions");
  status.configs_refused = reader.optional_unsigned_integer("configs_refused");
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
