// The headless runner: one JSON object per script line, one JSON line out per
// action (and per repetition).
#include <iostream>
#include <nlohmann/json.hpp>
#include <thread>

#include "tavla/kiosk/headless.hpp"

namespace tavla::kiosk {
namespace {

using nlohmann::json;

struct BadScript {
  std::string why;
};

// What the script refers to with "$session" and "$last".
struct Context {
  std::string session;  // the session this script opened last
  std::string last;     // the subject of the last successful command
};

std::string text(const json& action, const char* key) {
  const auto it = action.find(key);
  if (it == action.end() || !it->is_string()) {
    throw BadScript{std::string("\"") + key + "\" must be a string"};
  }
  return it->get<std::string>();
}

std::optional<std::string> optional_text(const json& action, const char* key) {
  if (!action.contains(key)) {
    return std::nullopt;
  }
  return text(action, key);
}

std::int64_t number(const json& action, const char* key, std::int64_t fallback) {
  const auto it = action.find(key);
  if (it == action.end()) {
    return fallback;
  }
  if (!it->is_number_integer()) {
    throw BadScript{std::string("\"") + key + "\" must be an integer"};
  }
  return it->get<std::int64_t>();
}

// "$session": the session the script opened last, else the first open one.
std::string session_ref(const json& action, const Context& ctx, const Kiosk& kiosk) {
  std::string id = action.contains("session") ? text(action, "session") : "$session";
  if (id == "$session") {
    if (!ctx.session.empty()) {
      return ctx.session;
    }
    const auto snap = kiosk.snapshot();
    return snap->open_sessions.empty() ? std::string{} : snap->open_sessions.front().session;
  }
  return id;
}

std::string ref(const json& action, const char* key, const Context& ctx) {
  auto value = text(action, key);
  return value == "$last" ? ctx.last : value;
}

protocol::Affiliation affiliation(const json& action) {
  if (action.contains("org")) {
    return {protocol::Affiliation::Kind::org, text(action, "org")};
  }
  return {protocol::Affiliation::Kind::municipality, text(action, "municipality")};
}

Command command_of(const std::string& verb, const json& a, const Context& ctx, const Kiosk& kiosk) {
  if (verb == "open") {
    return OpenSession{text(a, "group"), text(a, "pin"), optional_text(a, "title"),
                       optional_text(a, "agenda")};
  }
  const auto session = session_ref(a, ctx, kiosk);
  if (verb == "close")
    return CloseSession{session, text(a, "pin")};
  if (verb == "check_in")
    return CheckIn{session, ref(a, "participant", ctx)};
  if (verb == "check_in_pin")
    return CheckInByPin{session, ref(a, "participant", ctx), text(a, "pin")};
  if (verb == "check_in_guest")
    return CheckInGuest{session, affiliation(a)};
  if (verb == "undo")
    return UndoCheckIn{session, ref(a, "participant", ctx)};
  if (verb == "add_item") {
    return AddAgendaItem{session, text(a, "title"),
                         static_cast<std::uint64_t>(number(a, "minutes", 0))};
  }
  if (verb == "start_item")
    return StartItem{session, ref(a, "item", ctx)};
  if (verb == "finish_item")
    return FinishItem{session, ref(a, "item", ctx)};
  if (verb == "decision")
    return RecordDecision{session, optional_text(a, "item"), text(a, "text")};
  if (verb == "action") {
    std::optional<Date> due;
    if (auto d = optional_text(a, "due")) {
      due = protocol::parse_date(*d);
      if (!due) {
        throw BadScript{"\"due\" must be YYYY-MM-DD"};
      }
    }
    return RecordAction{session, optional_text(a, "item"), text(a, "text"), ref(a, "owner", ctx),
                        due};
  }
  if (verb == "retract")
    return Retract{session, ref(a, "target", ctx), optional_text(a, "reason")};
  if (verb == "action_done")
    return MarkActionDone{session, ref(a, "action", ctx)};
  throw BadScript{"unknown action \"" + verb + "\""};
}

json outcome_json(const Outcome& outcome) {
  if (const auto* done = std::get_if<Done>(&outcome)) {
    return {{"ok", true},
            {"durable", true},
            {"subject", done->subject},
            {"events", done->event_ids},
            {"seq", done->last_seq}};
  }
  const auto& refusal = std::get<Refusal>(outcome);
  json out{{"ok", false}, {"refusal", std::string(to_string(refusal.code))}};
  if (!refusal.subject.empty()) {
    out["subject"] = refusal.subject;
  }
  if (refusal.until) {
    out["until"] = protocol::format_timestamp(*refusal.until);
  }
  return out;
}

void emit(std::ostream& out, const json& line) {
  out << line.dump() << '\n';
  out.flush();
}

class CommandScriptRunner {
 public:
  CommandScriptRunner(Kiosk& kiosk, std::ostream& out, const HeadlessOptions& options)
      : kiosk_(kiosk), out_(out), options_(options) {}

  // Runs one action; returns false when the run must stop with `failed`.
  bool run(std::size_t line, const json& a) {
    const auto verb = text(a, "do");
    const auto timeout = Milliseconds(number(a, "timeout_ms", 30000));
    json head{{"line", line}, {"do", verb}};
    if (verb == "wait_config" || verb == "wait_connected" || verb == "wait_outbox_empty") {
      std::function<bool(const Snapshot&)> condition;
      if (verb == "wait_config") {
        const auto rev = static_cast<std::uint64_t>(number(a, "rev", 1));
        condition = [rev](const Snapshot& s) { return s.has_config && s.config_rev >= rev; };
      } else if (verb == "wait_connected") {
        condition = [](const Snapshot& s) { return s.broker == BrokerState::connected; };
      } else {
        condition = [](const Snapshot& s) { return s.outbox == 0; };
      }
      const auto [snap, held] = kiosk_.wait_until(condition, timeout);
      head["ok"] = held;
      head["outbox"] = snap->outbox;
      head["config_rev"] = snap->config_rev;
      emit(out_, head);
      return held;
    }
    if (verb == "sleep") {
      std::this_thread::sleep_for(Milliseconds(number(a, "ms", 0)));
      head["ok"] = true;
      emit(out_, head);
      return true;
    }
    if (verb == "advance" || verb == "set_time") {
      if (options_.manual_clock == nullptr) {
        throw BadScript{"\"" + verb + "\" needs --start-time (a manual clock)"};
      }
      if (verb == "advance") {
        options_.manual_clock->advance(Milliseconds(number(a, "ms", 0)) +
                                       std::chrono::seconds(number(a, "seconds", 0)) +
                                       std::chrono::minutes(number(a, "minutes", 0)));
      } else {
        const auto t = protocol::parse_timestamp(text(a, "time"));
        if (!t) {
          throw BadScript{"\"time\" must be like 2026-11-27T09:00:00.000Z"};
        }
        options_.manual_clock->set(*t);
      }
      head["ok"] = true;
      head["now"] = protocol::format_timestamp(options_.manual_clock->now());
      emit(out_, head);
      return true;
    }
    if (verb == "tick") {
      json results = json::array();
      for (const auto& outcome : kiosk_.tick()) {
        results.push_back(outcome_json(outcome));
      }
      head["ok"] = true;
      head["steps"] = results;
      emit(out_, head);
      return true;
    }
    if (verb == "snapshot") {
      head["ok"] = true;
      head["snapshot"] = json::parse(snapshot_json(*kiosk_.snapshot()));
      emit(out_, head);
      return true;
    }
    if (verb == "verify_leader") {
      const auto result = kiosk_.verify_leader(text(a, "pin"));
      if (const auto* leader = std::get_if<LeaderInfo>(&result)) {
        head.update({{"ok", true}, {"subject", leader->participant}, {"groups", leader->groups}});
      } else {
        head.update(outcome_json(std::get<Refusal>(result)));
      }
      return finish(head, a);
    }
    const auto repeat = number(a, "repeat", 1);
    for (std::int64_t i = 0; i < repeat; ++i) {
      const auto command = command_of(verb, a, ctx_, kiosk_);
      if (options_.mark_begin) {
        emit(out_, json{{"line", line}, {"begin", true}});
      }
      const auto outcome = kiosk_.execute(command);
      if (const auto* done = std::get_if<Done>(&outcome)) {
        if (!done->subject.empty()) {
          ctx_.last = done->subject;
        }
        if (verb == "open") {
          ctx_.session = done->subject;
        }
      }
      json result = head;
      result.update(outcome_json(outcome));
      if (!finish(result, a)) {
        return false;
      }
    }
    return true;
  }

 private:
  // Prints the result; checks "expect" ("ok" or a refusal code).
  bool finish(json& result, const json& a) {
    bool held = true;
    if (a.contains("expect")) {
      const auto expect = text(a, "expect");
      const bool ok = result.value("ok", false);
      held = expect == "ok" ? ok : (!ok && result.value("refusal", "") == expect);
      result["expect"] = expect;
      result["expect_held"] = held;
    }
    emit(out_, result);
    return held;
  }

  Kiosk& kiosk_;
  std::ostream& out_;
  HeadlessOptions options_;
  Context ctx_;
};

}  // namespace

CommandScriptStatus run_command_script(Kiosk& kiosk, std::istream& script, std::ostream& out,
                                       const HeadlessOptions& options) {
  CommandScriptRunner runner(kiosk, out, options);
  std::string text_line;
  std::size_t line = 0;
  while (std::getline(script, text_line)) {
    ++line;
    const auto first = text_line.find_first_not_of(" \t\r");
    if (first == std::string::npos || text_line[first] == '#') {
      continue;
    }
    try {
      const auto action = json::parse(text_line);
      if (!action.is_object()) {
        throw BadScript{"each line must be a JSON object"};
      }
      if (!runner.run(line, action)) {
        return CommandScriptStatus::failed;
      }
    } catch (const json::exception& e) {
      emit(out,
           json{{"line", line}, {"ok", false}, {"error", std::string("bad JSON: ") + e.what()}});
      return CommandScriptStatus::bad;
    } catch (const BadScript& bad) {
      emit(out, json{{"line", line}, {"ok", false}, {"error", bad.why}});
      return CommandScriptStatus::bad;
    }
  }
  return CommandScriptStatus::ok;
}

}  // namespace tavla::kiosk
