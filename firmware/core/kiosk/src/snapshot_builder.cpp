#include "snapshot_builder.hpp"

#include <algorithm>

#include "tavla/kiosk/pin.hpp"

namespace tavla::kiosk {

const SessionView* Snapshot::session(const std::string& id) const {
  const auto it = std::ranges::find(open_sessions, id, &SessionView::session);
  return it == open_sessions.end() ? nullptr : &*it;
}

PinState Snapshot::pin_state(const std::string& person) const {
  for (const auto& [key, state] : pin_states) {
    if (key == person) {
      return state;
    }
  }
  return PinState{pin_free_tries, std::nullopt};
}

namespace detail {
namespace {

ItemState state_of(const ItemRecord& i) {
  if (i.started_at) {
    return ItemState::running;
  }
  if (i.finished) {
    return ItemState::finished;
  }
  if (i.started) {
    return ItemState::paused;
  }
  return i.skipped ? ItemState::skipped : ItemState::pending;
}

std::vector<NamedRef> refs(const std::vector<protocol::NamedEntry>& entries) {
  std::vector<NamedRef> out;
  out.reserve(entries.size());
  for (const auto& e : entries) {
    out.push_back(NamedRef{e.id, e.name});
  }
  return out;
}

const protocol::Group* group_of(const protocol::RoomConfig* room, const std::string& id) {
  if (room == nullptr) {
    return nullptr;
  }
  const auto it = std::ranges::find(room->groups, id, &protocol::Group::id);
  return it == room->groups.end() ? nullptr : &*it;
}

std::string display_name(const protocol::Group* group, const std::string& participant) {
  if (group == nullptr) {
    return {};
  }
  const auto it = std::ranges::find(group->members, participant, &protocol::Member::participant);
  return it == group->members.end() ? std::string{} : it->display_name;
}

// The owner's display name in any group (carried-over actions name no group).
std::string display_name_anywhere(const protocol::RoomConfig& room,
                                  const std::string& participant) {
  for (const auto& g : room.groups) {
    if (auto name = display_name(&g, participant); !name.empty()) {
      return name;
    }
  }
  return {};
}

SessionView view_of(const SessionInProgress& s, const protocol::RoomConfig* room,
                    const Tuning& tuning) {
  const auto* group = group_of(room, s.group);
  SessionView v;
  v.session = s.session;
  v.kind = s.kind;
  v.group = s.group;
  v.group_name = group != nullptr ? group->name : std::string{};
  v.title = s.title;
  v.scheduled = s.scheduled;
  v.planned_start = s.planned_start;
  v.planned_end = s.planned_end;
  v.opened_at = s.opened_at;
  v.closes_at = s.closes_at;
  if (group != nullptr) {
    for (const auto& m : group->members) {
      v.roster.push_back(RosterEntry{m.participant, m.display_name, has_pin(m), m.leader});
    }
  }
  for (const auto& a : s.present) {
    Attendee attendee{a.participant, display_name(group, a.participant), a.method, std::nullopt,
                      a.at,          a.at + tuning.undo_window};
    if (a.method == protocol::CheckInMethod::guest) {
      attendee.guest_affiliation = a.affiliation;
    }
    if (!v.latest || attendee.checked_in_at >= v.latest->checked_in_at) {
      v.latest = attendee;
    }
    v.present.push_back(std::move(attendee));
  }
  for (const auto& i : s.agenda) {
    v.agenda.push_back(AgendaItemView{i.item, i.title, i.planned_minutes, i.added_on_the_day,
                                      state_of(i), i.started_at, i.elapsed_seconds,
                                      i.extra_minutes});
  }
  v.current_item = s.current_item;
  for (const auto& d : s.decisions) {
    v.decisions.push_back(DecisionView{d.decision, d.item, d.text, d.at, d.retracted});
  }
  for (const auto& a : s.actions) {
    v.actions.push_back(ActionView{a.action, a.item, a.text, a.owner, display_name(group, a.owner),
                                   a.due, a.at, a.retracted, a.done});
  }
  v.actions_done = s.carried_done;
  v.paused_at = s.paused_at;
  v.led_by = s.led_by;
  v.led_by_name = s.led_by ? display_name(group, *s.led_by) : std::string();
  v.led_until = s.led_until;
  if (s.last_done && s.last_done_at) {
    v.last_done = s.last_done;
    v.last_done_undo_until = *s.last_done_at + tuning.undo_window;
  }
  return v;
}

// Today's schedule (and any session still open from another day), each
// entry with its state, in order of start.
void add_today(const SnapshotInputs& in, Snapshot& snap) {
  const auto& room = *in.room;
  const auto today = in.zone.local_date(in.now);
  for (const auto& e : room.schedule) {
    const bool open = snap.session(e.session) != nullptr;
    if (in.zone.local_date(e.start) != today && !open) {
      continue;
    }
    const bool handled = std::ranges::find(in.state.handled, e.session,
                                           &HandledSchedule::session) != in.state.handled.end();
    const bool cancelled =
        std::ranges::find(room.cancelled, e.session, &protocol::CancelledSession::session) !=
        room.cancelled.end();
    const auto state = open                         ? ScheduleState::open
                       : cancelled                  ? ScheduleState::cancelled
                       : handled || in.now >= e.end ? ScheduleState::closed
                                                    : ScheduleState::upcoming;
    snap.today.push_back(
        ScheduleEntryView{e.session, e.kind, e.group, e.title, e.start, e.end, state});
  }
  std::ranges::sort(snap.today, {}, &ScheduleEntryView::start);
}

}  // namespace

Snapshot build_snapshot(const SnapshotInputs& in) {
  Snapshot snap;
  snap.version = in.version;
  snap.taken_at = in.now;
  snap.device = in.kiosk.device;
  snap.site = in.kiosk.site;
  snap.firmware = in.firmware;
  snap.locale = in.room != nullptr ? in.room->locale : in.kiosk.locale;
  snap.broker = in.sync.broker;
  snap.outbox = in.sync.outbox;
  snap.last_ack = in.sync.last_ack;
  snap.config_rejected = in.sync.config_rejected;
  snap.rejected = in.sync.rejected;
  snap.clock_ok = clock_plausible(in.now, in.build_date);
  snap.pin_free_tries = in.kiosk.tuning.pin_max_failures;
  for (const auto& [key, entry] : in.pins.entries()) {
    snap.pin_states.emplace_back(
        key, PinState{in.pins.tries_left(key, in.now), in.pins.locked_until(key, in.now)});
  }
  snap.locale_override = in.locale_override;
  for (const auto& n : in.state.notices) {
    snap.notices.push_back(CancelNoticeView{n.session, n.title, n.reason});
  }
  for (const auto& s : in.state.open) {
    snap.open_sessions.push_back(view_of(s, in.room, in.kiosk.tuning));
  }
  if (in.room == nullptr) {
    return snap;
  }
  const auto& room = *in.room;
  snap.has_config = true;
  snap.config_rev = room.rev;
  snap.room = room.room;
  snap.municipalities = refs(room.municipalities);
  snap.orgs = refs(room.orgs);
  for (const auto& g : room.groups) {
    snap.groups.push_back(NamedRef{g.id, g.name});
    for (const auto& m : g.members) {
      const bool listed =
          std::ranges::find(snap.leaders, m.participant, &NamedRef::id) != snap.leaders.end();
      if (m.leader && has_pin(m) && !listed) {  // either PIN format
        snap.leaders.push_back(NamedRef{m.participant, m.display_name});
      }
    }
  }
  for (const auto& a : room.agendas) {
    snap.agendas.push_back(NamedRef{a.id, a.name});
  }
  add_today(in, snap);
  for (const auto& a : room.open_actions) {
    // The host lists every open action of the room's groups, also those of
    // a meeting still open here; those are that meeting's own minutes, not
    // carried over from an earlier one.
    if (snap.session(a.from_session) != nullptr) {
      continue;
    }
    const bool done =
        std::ranges::find(in.state.carried_done, a.action) != in.state.carried_done.end();
    snap.carried_actions.push_back(OpenActionView{a.action, a.text, a.owner,
                                                  display_name_anywhere(room, a.owner), a.due,
                                                  a.from_session, done});
  }
  return snap;
}

}  // namespace detail
}  // namespace tavla::kiosk
