#include "rejected_events.hpp"

#include "sqlite_handle.hpp"

namespace tavla::kiosk::detail {
namespace {

std::int64_t ms(Timestamp t) {
  return t.time_since_epoch().count();
}

Timestamp at(std::int64_t ms) {
  return Timestamp{Milliseconds{ms}};
}

}  // namespace

void keep_rejections(sqlite3* db, std::span<const protocol::Rejection> rejected, Timestamp now) {
  if (rejected.empty()) {
    return;
  }
  // The outbox row gives the type and the event's ts (created_ms is the ts
  // the event was committed with).
  Statement keep(db,
                 "INSERT OR IGNORE INTO rejected(id, code, type, event_ms, received_ms) "
                 "SELECT id, ?, type, created_ms, ? FROM outbox WHERE id = ?");
  for (const auto& rejection : rejected) {
    keep.bind(1, rejection.code).bind(2, ms(now)).bind(3, rejection.id);
    keep.step();
    keep.reset();
  }
}

void forget_rejections(sqlite3* db, Timestamp cutoff) {
  Statement forget(db, "DELETE FROM rejected WHERE received_ms < ?");
  forget.bind(1, ms(cutoff));
  forget.step();
}

Rejections read_rejections(sqlite3* db, std::size_t latest) {
  Rejections out;
  Statement count(db, "SELECT count(*) FROM rejected");
  count.step();
  out.count = static_cast<std::uint64_t>(count.integer(0));
  Statement rows(db,
                 "SELECT id, code, type, event_ms, received_ms FROM rejected "
                 "ORDER BY received_ms DESC, event_ms DESC, id DESC LIMIT ?");
  rows.bind(1, static_cast<std::int64_t>(latest));
  while (rows.step()) {
    out.latest.push_back(RejectedEvent{rows.text(0), rows.text(1), rows.text(2),
                                       at(rows.integer(3)), at(rows.integer(4))});
  }
  return out;
}

}  // namespace tavla::kiosk::detail
