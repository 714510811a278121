// The store's `rejected` table: what the host refused, with the event's type
// and ts from the outbox. Called by LocalStore inside its transactions.
#pragma once

#include <sqlite3.h>

#include <cstddef>
#include <span>

#include "tavla/kiosk/rejected_event.hpp"
#include "tavla/protocol/messages.hpp"

namespace tavla::kiosk::detail {

// The table, created with the others.
inline constexpr const char* kRejectedSchema = R"sql(
CREATE TABLE IF NOT EXISTS rejected(
  id TEXT PRIMARY KEY,
  code TEXT NOT NULL,
  type TEXT NOT NULL,
  event_ms INTEGER NOT NULL,
  received_ms INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS rejected_received ON rejected(received_ms);
)sql";

// Keeps each rejection of an event in the outbox (received at `now`); an id
// not in the outbox, or kept already, is ignored.
void keep_rejections(sqlite3* db, std::span<const protocol::Rejection> rejected, Timestamp now);
// Forgets rejections received before `cutoff`.
void forget_rejections(sqlite3* db, Timestamp cutoff);
[[nodiscard]] Rejections read_rejections(sqlite3* db, std::size_t latest);

}  // namespace tavla::kiosk::detail
