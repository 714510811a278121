#include "tavla/host/ingest/acks.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace tavla::host::ingest {

std::vector<protocol::Ack> split_ack(const protocol::Ack& ack, std::size_t max_ids) {
  std::map<std::string, std::string> code_of;  // the first code given for each id
  for (const auto& r : ack.rejected) {
    code_of.try_emplace(r.id, r.code);
  }
  std::vector<protocol::Ack> messages;
  for (std::size_t i = 0; i < ack.ids.size(); i += max_ids) {
    protocol::Ack& part = messages.emplace_back();
    const auto end = std::min(ack.ids.size(), i + max_ids);
    part.ids.assign(ack.ids.begin() + static_cast<long>(i),
                    ack.ids.begin() + static_cast<long>(end));
    std::set<std::string> listed;
    for (const auto& id : part.ids) {
      const auto code = code_of.find(id);
      if (code != code_of.end() && listed.insert(id).second) {
        part.rejected.push_back({id, code->second});
      }
    }
  }
  return messages;
}

}  // namespace tavla::host::ingest
