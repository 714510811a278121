#include "salvage.hpp"

#include <nlohmann/json.hpp>

#include "tavla/protocol/ids.hpp"
#include "tavla/protocol/limits.hpp"

namespace tavla::host::ingest {

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

}  // namespace tavla::host::ingest
