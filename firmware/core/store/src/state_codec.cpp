#include "state_codec.hpp"

#include <nlohmann/json.hpp>

#include "tavla/kiosk/local_store.hpp"

namespace tavla::kiosk::detail {
namespace {

using nlohmann::json;
constexpr int kStateVersion = 1;

std::int64_t ms(Timestamp t) {
  return t.time_since_epoch().count();
}
Timestamp at(const json& j) {
  return Timestamp{Milliseconds{j.get<std::int64_t>()}};
}

json opt_ts(const std::optional<Timestamp>& t) {
  return t ? json(ms(*t)) : json(nullptr);
}
std::optional<Timestamp> opt_ts(const json& j) {
  return j.is_null() ? std::nullopt : std::optional<Timestamp>(at(j));
}
json opt_str(const std::optional<std::string>& s) {
  return s ? json(*s) : json(nullptr);
}
std::optional<std::string> opt_str(const json& j) {
  return j.is_null() ? std::nullopt : std::optional<std::string>(j.get<std::string>());
}

json affiliation(const protocol::Affiliation& a) {
  return {{"kind", a.kind == protocol::Affiliation::Kind::org ? "org" : "municipality"},
          {"id", a.id}};
}
protocol::Affiliation affiliation(const json& j) {
  return {j.at("kind").get<std::string>() == "org" ? protocol::Affiliation::Kind::org
                                                   : protocol::Affiliation::Kind::municipality,
          j.at("id").get<std::string>()};
}

json session(const SessionInProgress& s) {
  json present = json::array();
  for (const auto& a : s.present) {
    present.push_back({{"participant", a.participant},
                       {"method", std::string(protocol::to_string(a.method))},
                       {"affiliation", affiliation(a.affiliation)},
                       {"foster_home", opt_str(a.foster_home)},
                       {"at", ms(a.at)}});
  }
  json agenda = json::array();
  for (const auto& i : s.agenda) {
    agenda.push_back({{"item", i.item},
                      {"title", i.title},
                      {"planned_minutes", i.planned_minutes},
                      {"added", i.added_on_the_day},
                      {"started_at", opt_ts(i.started_at)},
                      {"elapsed", i.elapsed_seconds},
                      {"finished", i.finished},
                      {"started", i.started},
                      {"skipped", i.skipped},
                      {"extra_minutes", i.extra_minutes}});
  }
  json decisions = json::array();
  for (const auto& d : s.decisions) {
    decisions.push_back({{"decision", d.decision},
                         {"item", d.item},
                         {"text", d.text},
                         {"at", ms(d.at)},
                         {"retracted", d.retracted}});
  }
  json actions = json::array();
  for (const auto& a : s.actions) {
    actions.push_back({{"action", a.action},
                       {"item", a.item},
                       {"text", a.text},
                       {"owner", a.owner},
                       {"due", a.due ? json(protocol::format_date(*a.due)) : json(nullptr)},
                       {"at", ms(a.at)},
                       {"retracted", a.retracted},
                       {"done", a.done}});
  }
  return {{"session", s.session},
          {"kind", std::string(protocol::to_string(s.kind))},
          {"group", s.group},
          {"title", s.title},
          {"scheduled", s.scheduled},
          {"planned_start", opt_ts(s.planned_start)},
          {"planned_end", opt_ts(s.planned_end)},
          {"opened_at", ms(s.opened_at)},
          {"closes_at", ms(s.closes_at)},
          {"present", present},
          {"agenda", agenda},
          {"current_item", opt_str(s.current_item)},
          {"decisions", decisions},
          {"actions", actions},
          {"carried_done", s.carried_done},
          {"paused_at", opt_ts(s.paused_at)},
          {"paused_item", opt_str(s.paused_item)},
          {"led_by", opt_str(s.led_by)},
          {"led_until", opt_ts(s.led_until)},
          {"last_done", opt_str(s.last_done)},
          {"last_done_at", opt_ts(s.last_done_at)}};
}

// Fields added after the first version of the format: absent in older
// files, read as their defaults.
json field_or_null(const json& j, const char* key) {
  const auto it = j.find(key);
  return it == j.end() ? json(nullptr) : *it;
}

SessionInProgress session(const json& j) {
  SessionInProgress s;
  s.session = j.at("session").get<std::string>();
  s.kind = protocol::session_kind_from_string(j.at("kind").get<std::string>()).value();
  s.group = j.at("group").get<std::string>();
  s.title = j.at("title").get<std::string>();
  s.scheduled = j.at("scheduled").get<bool>();
  s.planned_start = opt_ts(j.at("planned_start"));
  s.planned_end = opt_ts(j.at("planned_end"));
  s.opened_at = at(j.at("opened_at"));
  s.closes_at = at(j.at("closes_at"));
  for (const auto& a : j.at("present")) {
    s.present.push_back(AttendanceRecord{
        a.at("participant").get<std::string>(),
        protocol::check_in_method_from_string(a.at("method").get<std::string>()).value(),
        affiliation(a.at("affiliation")), opt_str(a.at("foster_home")), at(a.at("at"))});
  }
  for (const auto& i : j.at("agenda")) {
    ItemRecord item{i.at("item").get<std::string>(),
                    i.at("title").get<std::string>(),
                    i.at("planned_minutes").get<std::uint64_t>(),
                    i.at("added").get<bool>(),
                    opt_ts(i.at("started_at")),
                    i.at("elapsed").get<std::uint64_t>(),
                    i.at("finished").get<bool>()};
    item.started = i.value(
        "started", item.started_at.has_value() || item.finished || item.elapsed_seconds > 0);
    item.skipped = i.value("skipped", false);
    item.extra_minutes = i.value("extra_minutes", std::uint64_t{0});
    s.agenda.push_back(std::move(item));
  }
  s.current_item = opt_str(j.at("current_item"));
  for (const auto& d : j.at("decisions")) {
    s.decisions.push_back(DecisionRecord{
        d.at("decision").get<std::string>(), d.at("item").get<std::string>(),
        d.at("text").get<std::string>(), at(d.at("at")), d.at("retracted").get<bool>()});
  }
  for (const auto& a : j.at("actions")) {
    std::optional<Date> due;
    if (!a.at("due").is_null()) {
      due = protocol::parse_date(a.at("due").get<std::string>()).value();
    }
    s.actions.push_back(
        ActionRecord{a.at("action").get<std::string>(), a.at("item").get<std::string>(),
                     a.at("text").get<std::string>(), a.at("owner").get<std::string>(), due,
                     at(a.at("at")), a.at("retracted").get<bool>(), a.at("done").get<bool>()});
  }
  s.carried_done = j.at("carried_done").get<std::vector<std::string>>();
  s.paused_at = opt_ts(field_or_null(j, "paused_at"));
  s.paused_item = opt_str(field_or_null(j, "paused_item"));
  s.led_by = opt_str(field_or_null(j, "led_by"));
  s.led_until = opt_ts(field_or_null(j, "led_until"));
  s.last_done = opt_str(field_or_null(j, "last_done"));
  s.last_done_at = opt_ts(field_or_null(j, "last_done_at"));
  return s;
}

}  // namespace

std::string encode_state(const KioskState& state) {
  json open = json::array();
  for (const auto& s : state.open) {
    open.push_back(session(s));
  }
  json handled = json::array();
  for (const auto& h : state.handled) {
    handled.push_back({{"session", h.session}, {"end", ms(h.end)}});
  }
  json notices = json::array();
  for (const auto& n : state.notices) {
    notices.push_back(
        {{"session", n.session}, {"title", n.title}, {"reason", n.reason}, {"until", ms(n.until)}});
  }
  return json{{"v", kStateVersion},
              {"open", open},
              {"handled", handled},
              {"carried_done", state.carried_done},
              {"notices", notices}}
      .dump();
}

KioskState decode_state(const std::string& text) {
  try {
    const auto j = json::parse(text);
    if (j.at("v").get<int>() != kStateVersion) {
      throw LocalStoreError("the stored state has version " + j.at("v").dump() +
                            ", this firmware reads " + std::to_string(kStateVersion));
    }
    KioskState state;
    for (const auto& s : j.at("open")) {
      state.open.push_back(session(s));
    }
    for (const auto& h : j.at("handled")) {
      state.handled.push_back(HandledSchedule{h.at("session").get<std::string>(), at(h.at("end"))});
    }
    state.carried_done = j.at("carried_done").get<std::vector<std::string>>();
    if (j.contains("notices")) {
      for (const auto& n : j.at("notices")) {
        state.notices.push_back(CancelNotice{n.at("session").get<std::string>(),
                                             n.at("title").get<std::string>(),
                                             n.at("reason").get<std::string>(), at(n.at("until"))});
      }
    }
    return state;
  } catch (const LocalStoreError&) {
    throw;
  } catch (const std::exception& e) {
    throw LocalStoreError(std::string("the stored state is unreadable: ") + e.what());
  }
}

}  // namespace tavla::kiosk::detail
