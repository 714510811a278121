#include <nlohmann/json.hpp>
#include <stdexcept>

#include "tavla/kiosk/headless.hpp"

namespace tavla::kiosk {
namespace {

using nlohmann::json;

json ts(const std::optional<Timestamp>& t) {
  return t ? json(protocol::format_timestamp(*t)) : json(nullptr);
}

std::string_view item_state(ItemState s) {
  switch (s) {
    case ItemState::pending:
      return "pending";
    case ItemState::running:
      return "running";
    case ItemState::paused:
      return "paused";
    case ItemState::finished:
      return "finished";
    case ItemState::skipped:
      return "skipped";
  }
  throw std::invalid_argument("not an ItemState");
}

std::string_view schedule_state(ScheduleState s) {
  switch (s) {
    case ScheduleState::upcoming:
      return "upcoming";
    case ScheduleState::open:
      return "open";
    case ScheduleState::closed:
      return "closed";
    case ScheduleState::cancelled:
      return "cancelled";
  }
  throw std::invalid_argument("not a ScheduleState");
}

json session_json(const SessionView& s) {
  json present = json::array();
  for (const auto& a : s.present) {
    json entry{{"participant", a.participant},
               {"method", std::string(protocol::to_string(a.method))}};
    if (a.guest_affiliation) {
      entry["affiliation"] = a.guest_affiliation->id;
    }
    present.push_back(entry);
  }
  json agenda = json::array();
  for (const auto& i : s.agenda) {
    agenda.push_back({{"item", i.item},
                      {"state", std::string(item_state(i.state))},
                      {"planned_minutes", i.planned_minutes},
                      {"elapsed_seconds", i.elapsed_seconds},
                      {"added", i.added_on_the_day}});
  }
  json decisions = json::array();
  for (const auto& d : s.decisions) {
    decisions.push_back({{"decision", d.decision}, {"item", d.item}, {"retracted", d.retracted}});
  }
  json actions = json::array();
  for (const auto& a : s.actions) {
    actions.push_back({{"action", a.action},
                       {"item", a.item},
                       {"owner", a.owner},
                       {"retracted", a.retracted},
                       {"done", a.done}});
  }
  return {{"session", s.session},
          {"kind", std::string(protocol::to_string(s.kind))},
          {"group", s.group},
          {"scheduled", s.scheduled},
          {"closes_at", protocol::format_timestamp(s.closes_at)},
          {"present", present},
          {"agenda", agenda},
          {"current_item", s.current_item ? json(*s.current_item) : json(nullptr)},
          {"decisions", decisions},
          {"actions", actions},
          {"carried_done", s.actions_done}};
}

json rejected_json(const Rejections& rejected) {
  json latest = json::array();
  for (const auto& r : rejected.latest) {
    latest.push_back({{"id", r.id},
                      {"code", r.code},
                      {"type", r.type},
                      {"ts", protocol::format_timestamp(r.event_ts)},
                      {"received", protocol::format_timestamp(r.received)}});
  }
  return {{"count", rejected.count}, {"latest", latest}};
}

}  // namespace

std::string snapshot_json(const Snapshot& snap) {
  json today = json::array();
  for (const auto& e : snap.today) {
    today.push_back({{"session", e.session},
                     {"start", protocol::format_timestamp(e.start)},
                     {"state", std::string(schedule_state(e.state))}});
  }
  json open = json::array();
  for (const auto& s : snap.open_sessions) {
    open.push_back(session_json(s));
  }
  json carried = json::array();
  for (const auto& a : snap.carried_actions) {
    carried.push_back({{"action", a.action}, {"done", a.done}});
  }
  // Only the people with wrong tries; anyone else has pin_free_tries.
  json pin_lockouts = json::object();
  for (const auto& [person, state] : snap.pin_states) {
    pin_lockouts[person] = {{"tries_left", state.tries_left},
                            {"locked_until", ts(state.locked_until)}};
  }
  return json{
      {"version", snap.version},
      {"device", snap.device},
      {"has_config", snap.has_config},
      {"config_rev", snap.config_rev},
      {"config_rejected", snap.config_rejected ? json(*snap.config_rejected) : json(nullptr)},
      {"broker", std::string(to_string(snap.broker))},
      {"outbox", snap.outbox},
      {"last_ack", ts(snap.last_ack)},
      {"clock_ok", snap.clock_ok},
      {"pin_lockouts", pin_lockouts},
      {"rejected", rejected_json(snap.rejected)},
      {"today", today},
      {"open", open},
      {"carried_actions", carried}}
      .dump();
}

}  // namespace tavla::kiosk
