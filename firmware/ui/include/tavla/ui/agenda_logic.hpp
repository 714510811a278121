// What the meeting screen computes from the snapshot before drawing: the
// running item's countdown and its phase, the projected end of the meeting,
// and which item "next" and "previous" go to.
#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "tavla/kiosk/snapshot.hpp"

namespace tavla::ui {

// Never told by colour alone: each phase has its own text and symbol too.
enum class CountdownPhase {
  running,   // within its time
  near_end,  // the last stretch (see near_end_margin)
  over,      // past its planned time
  open,      // no planned time (0 minutes): counts up
};

struct Countdown {
  std::chrono::seconds planned{};
  std::chrono::seconds elapsed{};
  std::chrono::seconds remaining{};  // negative when over
  CountdownPhase phase = CountdownPhase::running;
};

// The last 5 minutes, or the last fifth of a shorter item (at least 1 minute).
[[nodiscard]] std::chrono::seconds near_end_margin(std::chrono::seconds planned);

// The countdown of `item` at `now` (time of earlier runs included).
[[nodiscard]] Countdown countdown_for(const kiosk::AgendaItemView& item, kiosk::Timestamp now);

// When the meeting ends if the running and paused items take their remaining
// planned time (or are already over: nothing more) and each pending item its
// planned minutes ("+5 min" included); finished and skipped items count 0.
[[nodiscard]] kiosk::Timestamp projected_end(const kiosk::SessionView& session,
                                             kiosk::Timestamp now);

// The item "next" goes to: the first neither finished nor skipped after the
// running one (or from the start when none runs); nullopt when none is left.
[[nodiscard]] std::optional<std::string> next_item(const kiosk::SessionView& session);
// The item "previous" starts: the one before the running item (or the last
// finished when none runs).
[[nodiscard]] std::optional<std::string> previous_item(const kiosk::SessionView& session);

[[nodiscard]] const kiosk::AgendaItemView* find_item(const kiosk::SessionView& session,
                                                     const std::string& item);

}  // namespace tavla::ui
