// The headless runner: one JSON object per script line, one JSON line out per
// action (and per repetition). A verb is a command (script_commands.hpp) or
// one of the runner's own actions (kActions below).
#include <algorithm>
#include <array>
#include <iostream>
#include <nlohmann/json.hpp>
#include <thread>

#include "script_commands.hpp"
#include "script_line.hpp"
#include "tavla/kiosk/headless.hpp"
#include "tavla/protocol/overloaded.hpp"

namespace tavla::kiosk {
namespace {

using headless::BadScript;
using headless::ScriptLine;
using headless::ScriptRefs;
using nlohmann::json;

json refusal_json(const Refusal& refusal) {
  json out{{"ok", false}, {"refusal", std::string(to_string(refusal.code))}};
  if (!refusal.subject.empty()) {
    out["subject"] = refusal.subject;
  }
  if (refusal.until) {
    out["until"] = protocol::format_timestamp(*refusal.until);
  }
  return out;
}

json outcome_json(const Outcome& outcome) {
  return std::visit(protocol::Overloaded{
                        [](const Done& done) {
                          return json{{"ok", true},
                                      {"durable", true},
                                      {"subject", done.subject},
                                      {"events", done.event_ids},
                                      {"seq", done.last_seq}};
                        },
                        [](const Refusal& refusal) { return refusal_json(refusal); },
                    },
                    outcome);
}

void emit(std::ostream& out, const json& line) {
  out << line.dump() << '\n';
  out.flush();
}

// How a line went: `failed` stops the run (an "expect" that did not hold, a
// wait that timed out).
enum class Verdict { held, failed };

class CommandScriptRunner {
 public:
  CommandScriptRunner(Kiosk& kiosk, std::ostream& out, const HeadlessOptions& options)
      : kiosk_(kiosk), out_(out), options_(options) {}

  Verdict run(std::size_t number, const json& fields) {
    const ScriptLine line(fields, refs_, kiosk_);
    const auto verb = line.text("do");
    json head{{"line", number}, {"do", verb}};
    if (const auto* action = action_for(verb)) {
      return (this->*action->run)(head, line);
    }
    return execute(number, verb, head, line);
  }

 private:
  using Action = Verdict (CommandScriptRunner::*)(json& head, const ScriptLine& line);
  struct NamedAction {
    std::string_view verb;
    Action run;
  };
  // The runner's own action for `verb`, or nullptr for a command's verb.
  static const NamedAction* action_for(std::string_view verb) {
    static constexpr std::array<NamedAction, 9> kActions{{
        {"wait_config", &CommandScriptRunner::wait_config},
        {"wait_connected", &CommandScriptRunner::wait_connected},
        {"wait_outbox_empty", &CommandScriptRunner::wait_outbox_empty},
        {"sleep", &CommandScriptRunner::sleep},
        {"advance", &CommandScriptRunner::advance},
        {"set_time", &CommandScriptRunner::set_time},
        {"tick", &CommandScriptRunner::tick},
        {"snapshot", &CommandScriptRunner::snapshot},
        {"verify_leader", &CommandScriptRunner::verify_leader},
    }};
    const auto* const it = std::ranges::find(kActions, verb, &NamedAction::verb);
    return it == kActions.end() ? nullptr : it;
  }

  Verdict wait_config(json& head, const ScriptLine& line) {
    const auto rev = static_cast<std::uint64_t>(line.number("rev", 1));
    return wait_for(head, line,
                    [rev](const Snapshot& s) { return s.has_config && s.config_rev >= rev; });
  }
  Verdict wait_connected(json& head, const ScriptLine& line) {
    return wait_for(head, line,
                    [](const Snapshot& s) { return s.broker == BrokerState::connected; });
  }
  Verdict wait_outbox_empty(json& head, const ScriptLine& line) {
    return wait_for(head, line, [](const Snapshot& s) { return s.outbox == 0; });
  }

  Verdict wait_for(json& head, const ScriptLine& line,
                   const std::function<bool(const Snapshot&)>& condition) {
    const auto timeout = Milliseconds(line.number("timeout_ms", 30000));
    const auto [snap, held] = kiosk_.wait_until(condition, timeout);
    head["ok"] = held;
    head["outbox"] = snap->outbox;
    head["config_rev"] = snap->config_rev;
    emit(out_, head);
    return held ? Verdict::held : Verdict::failed;
  }

  Verdict sleep(json& head, const ScriptLine& line) {
    std::this_thread::sleep_for(Milliseconds(line.number("ms", 0)));
    head["ok"] = true;
    emit(out_, head);
    return Verdict::held;
  }

  Verdict advance(json& head, const ScriptLine& line) {
    manual_clock("advance").advance(Milliseconds(line.number("ms", 0)) +
                                    std::chrono::seconds(line.number("seconds", 0)) +
                                    std::chrono::minutes(line.number("minutes", 0)));
    return say_the_time(head);
  }

  Verdict set_time(json& head, const ScriptLine& line) {
    auto& clock = manual_clock("set_time");
    const auto t = protocol::parse_timestamp(line.text("time"));
    if (!t) {
      throw BadScript{"\"time\" must be like 2026-11-27T09:00:00.000Z"};
    }
    clock.set(*t);
    return say_the_time(head);
  }

  [[nodiscard]] ManualClock& manual_clock(std::string_view verb) const {
    if (options_.manual_clock == nullptr) {
      throw BadScript{"\"" + std::string(verb) + "\" needs --start-time (a manual clock)"};
    }
    return *options_.manual_clock;
  }

  Verdict say_the_time(json& head) {
    head["ok"] = true;
    head["now"] = protocol::format_timestamp(options_.manual_clock->now());
    emit(out_, head);
    return Verdict::held;
  }

  Verdict tick(json& head, const ScriptLine& /*line*/) {
    json results = json::array();
    for (const auto& outcome : kiosk_.tick()) {
      results.push_back(outcome_json(outcome));
    }
    head["ok"] = true;
    head["steps"] = results;
    emit(out_, head);
    return Verdict::held;
  }

  Verdict snapshot(json& head, const ScriptLine& /*line*/) {
    head["ok"] = true;
    head["snapshot"] = json::parse(snapshot_json(*kiosk_.snapshot()));
    emit(out_, head);
    return Verdict::held;
  }

  Verdict verify_leader(json& head, const ScriptLine& line) {
    std::visit(
        protocol::Overloaded{
            [&](const LeaderInfo& leader) {
              head.update(
                  {{"ok", true}, {"subject", leader.participant}, {"groups", leader.groups}});
            },
            [&](const Refusal& refusal) { head.update(refusal_json(refusal)); },
        },
        kiosk_.verify_leader(line.text("leader"), line.text("pin")));
    return finish(head, line);
  }

  // A command verb, `repeat` times (default once).
  Verdict execute(std::size_t number, const std::string& verb, const json& head,
                  const ScriptLine& line) {
    const auto repeat = line.number("repeat", 1);
    for (std::int64_t i = 0; i < repeat; ++i) {
      // Built again each time: "$last" moves with every command.
      const auto command = headless::command_for(verb, line);
      if (!command) {
        throw BadScript{"unknown action \"" + verb + "\""};
      }
      if (options_.mark_begin) {
        emit(out_, json{{"line", number}, {"begin", true}});
      }
      const auto outcome = kiosk_.execute(*command);
      remember(*command, outcome);
      json result = head;
      result.update(outcome_json(outcome));
      if (finish(result, line) == Verdict::failed) {
        return Verdict::failed;
      }
    }
    return Verdict::held;
  }

  // What "$last" and "$session" refer to from now on.
  void remember(const Command& command, const Outcome& outcome) {
    const auto* done = std::get_if<Done>(&outcome);
    if (done == nullptr) {
      return;
    }
    if (!done->subject.empty()) {
      refs_.last = done->subject;
    }
    if (std::holds_alternative<OpenSession>(command)) {
      refs_.session = done->subject;
    }
  }

  // Prints the result; checks "expect" ("ok" or a refusal code).
  Verdict finish(json& result, const ScriptLine& line) {
    bool held = true;
    if (line.has("expect")) {
      const auto expect = line.text("expect");
      const bool ok = result.value("ok", false);
      held = expect == "ok" ? ok : (!ok && result.value("refusal", "") == expect);
      result["expect"] = expect;
      result["expect_held"] = held;
    }
    emit(out_, result);
    return held ? Verdict::held : Verdict::failed;
  }

  Kiosk& kiosk_;
  std::ostream& out_;
  HeadlessOptions options_;
  ScriptRefs refs_;
};

// The line's JSON object, or BadScript.
json parse_line(const std::string& text) {
  auto fields = json::parse(text);
  if (!fields.is_object()) {
    throw BadScript{"each line must be a JSON object"};
  }
  return fields;
}

}  // namespace

CommandScriptStatus run_command_script(Kiosk& kiosk, std::istream& script, std::ostream& out,
                                       const HeadlessOptions& options) {
  CommandScriptRunner runner(kiosk, out, options);
  std::string text;
  std::size_t number = 0;
  while (std::getline(script, text)) {
    ++number;
    const auto first = text.find_first_not_of(" \t\r");
    if (first == std::string::npos || text[first] == '#') {
      continue;
    }
    try {
      if (runner.run(number, parse_line(text)) == Verdict::failed) {
        return CommandScriptStatus::failed;
      }
    } catch (const json::exception& e) {
      emit(out,
           json{{"line", number}, {"ok", false}, {"error", std::string("bad JSON: ") + e.what()}});
      return CommandScriptStatus::bad;
    } catch (const BadScript& bad) {
      emit(out, json{{"line", number}, {"ok", false}, {"error", bad.why}});
      return CommandScriptStatus::bad;
    }
  }
  return CommandScriptStatus::ok;
}

}  // namespace tavla::kiosk
