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
extern const char* const kRejectedSchema;

// Keeps each rejection of an event in the outbox (received at `now`); an id
// not in the outbox, or kept already, is ignored.
void keep_rejections(sqlite3* db, std::span<const protocol::Rejection> rejected, Timestamp now);
// Forgets rejections received before `cutoff`.
void forget_rejections(sqlite3* db, Timestamp cutoff);
[[nodiscard]] Rejections read_rejections(sqlite3* db, std::size_t latest);

}  // namespace tavla::kiosk::detail
