// A network meeting's agenda: items started, resumed, paused, finished,
// skipped and extended, and the whole meeting paused. Nothing is finished or
// skipped as a side effect of moving around: only "next" finishes (the item
// it names), and only a confirmed move past items skips them.
#include <algorithm>

#include "domain_internal.hpp"
#include "tavla/protocol/limits.hpp"

namespace tavla::kiosk::detail {
namespace {

using Items = std::vector<ItemRecord>;

std::ptrdiff_t index_of(const Items& items, std::string_view item) {
  const auto it = std::ranges::find(items, item, &ItemRecord::item);
  return it == items.end() ? -1 : it - items.begin();
}

bool running(const SessionInProgress& s) {
  return s.current_item && std::ranges::any_of(s.agenda, [&](const ItemRecord& i) {
           return i.item == *s.current_item && i.started_at;
         });
}

// Starts `item` (its first run) or resumes it (a run after a pause or a
// finish), making it the current item.
void run_item(SessionInProgress& s, ItemRecord& item, Timestamp now,
              std::vector<protocol::EventBody>& events) {
  const bool first = !item.started;
  item.started_at = now;
  item.started = true;
  item.finished = false;
  item.skipped = false;
  s.current_item = item.item;
  if (first) {
    events.emplace_back(
        protocol::ItemStarted{s.session, item.item, item.title, item.planned_minutes});
  } else {
    events.emplace_back(protocol::ItemResumed{s.session, item.item});
  }
}

// The item worked on last: the current one, else the furthest that has run.
std::ptrdiff_t anchor_of(const SessionInProgress& s) {
  if (s.current_item) {
    return index_of(s.agenda, *s.current_item);
  }
  std::ptrdiff_t anchor = -1;
  for (std::size_t i = 0; i < s.agenda.size(); ++i) {
    if (s.agenda[i].started) {
      anchor = static_cast<std::ptrdiff_t>(i);
    }
  }
  return anchor;
}

struct AgendaRules {
  DomainContext& ctx;
  Transition& t;

  std::optional<Refusal> operator()(SessionInProgress& s, const AddAgendaItem& cmd) const {
    if (auto refusal = check_text("title", cmd.title)) {
      return refusal;
    }
    if (cmd.planned_minutes > protocol::kMaxPlannedMinutes) {
      return refuse(RefusalCode::invalid_minutes, std::to_string(cmd.planned_minutes));
    }
    t.subject = ctx.ids.next();
    s.agenda.push_back(ItemRecord{.item = t.subject,
                                  .title = cmd.title,
                                  .planned_minutes = cmd.planned_minutes,
                                  .added_on_the_day = true});
    return std::nullopt;  // no event: item_started carries the title when it runs
  }

  std::optional<Refusal> operator()(SessionInProgress& s, const StartItem& cmd) const {
    const auto target = index_of(s.agenda, cmd.item);
    if (target < 0) {
      return refuse(RefusalCode::unknown_item, cmd.item);
    }
    if (s.paused_at) {
      return refuse(RefusalCode::meeting_paused, s.session);
    }
    if (s.current_item == cmd.item && running(s)) {
      return refuse(RefusalCode::item_already_running, cmd.item);
    }
    if (cmd.skip_passed) {
      for (auto i = anchor_of(s) + 1; i < target; ++i) {
        auto& passed = s.agenda[static_cast<std::size_t>(i)];
        if (!passed.started && !passed.skipped) {
          passed.skipped = true;
          t.events.emplace_back(protocol::ItemSkipped{s.session, passed.item});
        }
      }
    }
    end_running_item(s, ctx.now, false, t.events);
    run_item(s, s.agenda[static_cast<std::size_t>(target)], ctx.now, t.events);
    return std::nullopt;
  }

  std::optional<Refusal> operator()(SessionInProgress& s, const NextItem& cmd) const {
    const auto from = index_of(s.agenda, cmd.from);
    if (from < 0) {
      return refuse(RefusalCode::unknown_item, cmd.from);
    }
    if (s.paused_at) {
      return refuse(RefusalCode::meeting_paused, s.session);
    }
    if (s.current_item != cmd.from || !running(s)) {
      return refuse(RefusalCode::item_not_running, cmd.from);
    }
    finish_running_item(s, ctx.now, t.events);
    for (auto i = static_cast<std::size_t>(from + 1); i < s.agenda.size(); ++i) {
      if (!s.agenda[i].finished && !s.agenda[i].skipped) {
        run_item(s, s.agenda[i], ctx.now, t.events);
        break;
      }
    }
    return std::nullopt;
  }

  std::optional<Refusal> operator()(SessionInProgress& s, const FinishItem& cmd) const {
    if (index_of(s.agenda, cmd.item) < 0) {
      return refuse(RefusalCode::unknown_item, cmd.item);
    }
    if (s.current_item != cmd.item) {
      return refuse(RefusalCode::item_not_running, cmd.item);
    }
    finish_running_item(s, ctx.now, t.events);
    return std::nullopt;
  }

  std::optional<Refusal> operator()(SessionInProgress& s, const ExtendItem& cmd) const {
    const auto index = index_of(s.agenda, cmd.item);
    if (index < 0) {
      return refuse(RefusalCode::unknown_item, cmd.item);
    }
    if (cmd.minutes == 0 || cmd.minutes > protocol::kMaxPlannedMinutes) {
      return refuse(RefusalCode::invalid_minutes, std::to_string(cmd.minutes));
    }
    auto& item = s.agenda[static_cast<std::size_t>(index)];
    item.extra_minutes = std::min(item.extra_minutes + cmd.minutes, protocol::kMaxPlannedMinutes);
    t.events.emplace_back(protocol::ItemExtended{s.session, item.item, cmd.minutes});
    return std::nullopt;
  }

  std::optional<Refusal> operator()(SessionInProgress& s, const PauseMeeting& /*cmd*/) const {
    if (s.paused_at) {
      return refuse(RefusalCode::meeting_paused, s.session);
    }
    s.paused_item.reset();
    if (running(s)) {
      s.paused_item = s.current_item;
      end_running_item(s, ctx.now, false, t.events);
    }
    s.paused_at = ctx.now;
    t.events.emplace_back(protocol::SessionPaused{s.session});
    return std::nullopt;
  }

  std::optional<Refusal> operator()(SessionInProgress& s, const ResumeMeeting& /*cmd*/) const {
    if (!s.paused_at) {
      return refuse(RefusalCode::meeting_not_paused, s.session);
    }
    s.paused_at.reset();
    t.events.emplace_back(protocol::SessionResumed{s.session});
    if (s.paused_item) {
      const auto index = index_of(s.agenda, *s.paused_item);
      s.paused_item.reset();
      if (index >= 0) {
        run_item(s, s.agenda[static_cast<std::size_t>(index)], ctx.now, t.events);
      }
    }
    return std::nullopt;
  }
};

template <class AgendaCommand>
DomainResult on_agenda(const protocol::RoomConfig& config, const KioskState& state,
                       const AgendaCommand& cmd, DomainContext& ctx) {
  Transition t{state, {}, {}};
  auto found = led_meeting(config, t.next, cmd.session, ctx);
  if (auto* refusal = std::get_if<Refusal>(&found)) {
    return *refusal;
  }
  const AgendaRules rules{ctx, t};
  if (auto refusal = rules(*std::get<SessionInProgress*>(found), cmd)) {
    return *refusal;
  }
  return t;
}

}  // namespace

DomainResult apply_command(const protocol::RoomConfig& config, const KioskState& state,
                           const AddAgendaItem& cmd, DomainContext& ctx) {
  return on_agenda(config, state, cmd, ctx);
}
DomainResult apply_command(const protocol::RoomConfig& config, const KioskState& state,
                           const StartItem& cmd, DomainContext& ctx) {
  return on_agenda(config, state, cmd, ctx);
}
DomainResult apply_command(const protocol::RoomConfig& config, const KioskState& state,
                           const NextItem& cmd, DomainContext& ctx) {
  return on_agenda(config, state, cmd, ctx);
}
DomainResult apply_command(const protocol::RoomConfig& config, const KioskState& state,
                           const FinishItem& cmd, DomainContext& ctx) {
  return on_agenda(config, state, cmd, ctx);
}
DomainResult apply_command(const protocol::RoomConfig& config, const KioskState& state,
                           const ExtendItem& cmd, DomainContext& ctx) {
  return on_agenda(config, state, cmd, ctx);
}
DomainResult apply_command(const protocol::RoomConfig& config, const KioskState& state,
                           const PauseMeeting& cmd, DomainContext& ctx) {
  return on_agenda(config, state, cmd, ctx);
}
DomainResult apply_command(const protocol::RoomConfig& config, const KioskState& state,
                           const ResumeMeeting& cmd, DomainContext& ctx) {
  return on_agenda(config, state, cmd, ctx);
}

}  // namespace tavla::kiosk::detail
