#include "tavla/ui/agenda_logic.hpp"

#include <algorithm>

namespace tavla::ui {

using std::chrono::minutes;
using std::chrono::seconds;

seconds near_end_margin(seconds planned) {
  return std::clamp(seconds{planned.count() / 5}, seconds{minutes{1}}, seconds{minutes{5}});
}

Countdown countdown_for(const kiosk::AgendaItemView& item, kiosk::Timestamp now) {
  Countdown c;
  c.planned = minutes{item.planned_minutes + item.extra_minutes};
  c.elapsed = seconds{item.elapsed_seconds};
  if (item.state == kiosk::ItemState::running && item.started_at && now > *item.started_at) {
    c.elapsed += std::chrono::floor<seconds>(now - *item.started_at);
  }
  c.remaining = c.planned - c.elapsed;
  if (c.planned.count() == 0) {
    c.phase = CountdownPhase::open;
  } else if (c.remaining.count() < 0) {
    c.phase = CountdownPhase::over;
  } else if (c.remaining <= near_end_margin(c.planned)) {
    c.phase = CountdownPhase::near_end;
  } else {
    c.phase = CountdownPhase::running;
  }
  return c;
}

kiosk::Timestamp projected_end(const kiosk::SessionView& session, kiosk::Timestamp now) {
  auto end = now;
  for (const auto& item : session.agenda) {
    // What remains of each item not done: a paused item's rest counts as
    // much as the running one's; finished and skipped items count nothing.
    if (item.state == kiosk::ItemState::running || item.state == kiosk::ItemState::paused) {
      const auto c = countdown_for(item, now);
      end += std::max(seconds{0}, c.remaining);
    } else if (item.state == kiosk::ItemState::pending) {
      end += minutes{item.planned_minutes + item.extra_minutes};
    }
  }
  return end;
}

const kiosk::AgendaItemView* find_item(const kiosk::SessionView& session, const std::string& item) {
  const auto it = std::ranges::find(session.agenda, item, &kiosk::AgendaItemView::item);
  return it == session.agenda.end() ? nullptr : &*it;
}

namespace {

std::ptrdiff_t running_index(const kiosk::SessionView& session) {
  const auto it =
      std::ranges::find(session.agenda, kiosk::ItemState::running, &kiosk::AgendaItemView::state);
  return it == session.agenda.end() ? -1 : it - session.agenda.begin();
}

}  // namespace

std::optional<std::string> next_item(const kiosk::SessionView& session) {
  const auto running = running_index(session);
  const auto& agenda = session.agenda;
  for (auto i = static_cast<std::size_t>(running + 1); i < agenda.size(); ++i) {
    if (agenda[i].state != kiosk::ItemState::finished &&
        agenda[i].state != kiosk::ItemState::skipped) {
      return agenda[i].item;
    }
  }
  return std::nullopt;
}

std::optional<std::string> previous_item(const kiosk::SessionView& session) {
  const auto running = running_index(session);
  const auto& agenda = session.agenda;
  if (running > 0) {
    return agenda[static_cast<std::size_t>(running - 1)].item;
  }
  if (running < 0) {
    for (auto it = agenda.rbegin(); it != agenda.rend(); ++it) {
      if (it->state == kiosk::ItemState::finished) {
        return it->item;
      }
    }
  }
  return std::nullopt;
}

}  // namespace tavla::ui
