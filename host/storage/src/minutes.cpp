#include "tavla/host/storage/minutes.hpp"

#include "values.hpp"

namespace tavla::host::storage {

void MinutesRepository::record_decision(Transaction& tx, const std::string& decision,
                                        const std::string& session, const std::string& item,
                                        const std::string& text) {
  writing(tx).query(
      "INSERT INTO decisions (decision, session, item, text) VALUES (?, ?, ?, ?) "
      "ON CONFLICT DO NOTHING",
      {decision, session, item, text});
}

void MinutesRepository::record_action(Transaction& tx, const OpenActionRecord& a,
                                      const std::string& item) {
  writing(tx).query(
      "INSERT INTO actions (action, session, grp, item, text, owner, due, recorded_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
      {a.action, a.session, a.group, item, a.text, a.owner, opt(a.due), a.recorded_at});
}

void MinutesRepository::mark(Transaction& tx, const std::string& target, const std::string& mark,
                             const std::string& session) {
  writing(tx).query(
      "INSERT INTO marks (target, mark, session) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
      {target, mark, session});
}

void MinutesRepository::unmark(Transaction& tx, const std::string& target,
                               const std::string& mark) {
  writing(tx).query("DELETE FROM marks WHERE target = ? AND mark = ?", {target, mark});
}

std::vector<OpenActionRecord> MinutesRepository::open_actions(
    const std::vector<std::string>& groups) {
  std::vector<OpenActionRecord> result;
  for (const auto& group : groups) {
    for (const auto& r : db().query(
             "SELECT action, grp, session, text, owner, due, recorded_at FROM actions a "
             "WHERE grp = ? AND NOT EXISTS (SELECT 1 FROM marks m WHERE m.target = a.action) "
             "ORDER BY recorded_at, action",
             {group})) {
      result.push_back({r.str(0), r.str(1), r.str(2), r.str(3), r.str(4), opt_str(r, 5), r.str(6)});
    }
  }
  return result;
}

}  // namespace tavla::host::storage
