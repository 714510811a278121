// Minutes of network meetings: decisions, actions and their marks (done,
// retracted); the open actions of a group go into its room's config.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "tavla/host/storage/repository.hpp"

namespace tavla::host::storage {

struct OpenActionRecord {
  std::string action;
  std::string group;
  std::string session;
  std::string text;
  std::string owner;
  std::optional<std::string> due;
  std::string recorded_at;
};

class MinutesRepository : public Repository {
 public:
  using Repository::Repository;

  void record_decision(Transaction& tx, const std::string& decision, const std::string& session,
                       const std::string& item, const std::string& text);
  void record_action(Transaction& tx, const OpenActionRecord& action, const std::string& item);
  // mark: done | retracted. A marked action is no longer open.
  void mark(Transaction& tx, const std::string& target, const std::string& mark,
            const std::string& session);
  // Withdraws a mark (a "done" undone on the kiosk): the action is open again.
  void unmark(Transaction& tx, const std::string& target, const std::string& mark);
  [[nodiscard]] std::vector<OpenActionRecord> open_actions(const std::vector<std::string>& groups);
};

}  // namespace tavla::host::storage
