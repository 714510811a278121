#include <algorithm>

#include "tavla/ui/touch_script.hpp"
#include "tavla/ui/utf8.hpp"

namespace tavla::ui::touch_script {
namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

// While waiting for a widget, look again this often.
constexpr milliseconds kPoll{50};
// How long a tap by id waits for its widget to appear.
constexpr milliseconds kTapTimeout{10000};
// Frames to let the UI settle after an action before the next command looks.
constexpr std::uint64_t kSettleFrames = 2;

PointerAction pointer(PointerEvent::Kind kind, Point at) {
  return {PointerEvent{kind, at, true}};
}

Step needs_a_frame() {
  return Step{.need_frame = true};
}

}  // namespace

struct Player::Turn {
  Clock::time_point now;
  const WidgetRegistry& widgets;
  std::uint64_t frames = 0;
  bool fresh = false;         // a frame was drawn since this phase began
  Clock::duration elapsed{};  // since the command began

  // Look again shortly, with a frame to look at.
  [[nodiscard]] Step poll() const { return Step{.need_frame = true, .wake_at = now + kPoll}; }
};

Player::Player(Script script, KeyboardMap keyboard) : lines_(std::move(script.lines)) {
  // `type` becomes taps on the on-screen keyboard, one or two per character.
  std::vector<Line> expanded;
  for (auto& line : lines_) {
    const auto* type = std::get_if<Type>(&line.command);
    if (type == nullptr) {
      expanded.push_back(std::move(line));
      continue;
    }
    for (const char32_t c : utf8::decode(type->text)) {
      const auto ids = keyboard ? keyboard(c) : std::nullopt;
      if (!ids) {
        // Kept as an impossible expectation so the run fails on this line.
        expanded.push_back({line.number, Expect{"(no key for '" + utf8::encode(c) + "')"}});
        continue;
      }
      for (const auto& id : *ids) {
        expanded.push_back({line.number, Tap{id, {}}});
      }
    }
  }
  lines_ = std::move(expanded);
}

Step Player::fail(const std::string& message) {
  failed_ = true;
  Step step;
  step.finished = true;
  step.error = "line " + std::to_string(lines_[index_].number) + ": " + message;
  return step;
}

void Player::next(std::uint64_t frames) {
  ++index_;
  phase_ = Phase::start;
  mark_ = frames;
  started_set_ = false;
}

void Player::begin_phase(Phase phase, std::uint64_t frames) {
  phase_ = phase;
  mark_ = frames;
}

Step Player::step(Clock::time_point now, const WidgetRegistry& widgets, std::uint64_t frames) {
  // Commands that finish at once (an expectation met, a wait over) let the
  // next one start in the same turn.
  for (std::size_t guard = 0; guard <= lines_.size(); ++guard) {
    if (failed_) {
      return Step{.finished = true};
    }
    if (index_ >= lines_.size()) {
      return Step{.finished = true};
    }
    const auto before = index_;
    auto step = run_current(now, widgets, frames);
    if (step.finished || step.error || index_ == before || !step.actions.empty()) {
      return step;
    }
  }
  return Step{.need_frame = true};
}

Step Player::run_current(Clock::time_point now, const WidgetRegistry& widgets,
                         std::uint64_t frames) {
  if (!started_set_) {
    started_ = now;
    started_set_ = true;
  }
  const Turn turn{now, widgets, frames, frames > mark_, now - started_};
  return std::visit([&](const auto& command) { return play(command, turn); },
                    lines_[index_].command);
}

Step Player::settle(std::uint64_t count, const Turn& turn) {
  if (turn.frames >= mark_ + count) {
    next(turn.frames);
    return {};
  }
  return needs_a_frame();
}

Step Player::act_then_settle(Action action, const Turn& turn, std::uint64_t settle_frames) {
  if (phase_ != Phase::start) {
    return settle(settle_frames, turn);
  }
  Step step;
  step.actions.push_back(std::move(action));
  begin_phase(Phase::settle, turn.frames);
  return step;
}

Step Player::press(const Tap& tap, const Turn& turn) {
  Point at = tap.at;
  if (tap.id) {
    const auto* widget = turn.widgets.find(*tap.id);
    if (widget == nullptr) {
      if (turn.elapsed > kTapTimeout) {
        return fail("no widget '" + *tap.id + "' to tap after " +
                    std::to_string(kTapTimeout.count()) + " ms");
      }
      return turn.poll();
    }
    at = widget->rect.centre();
  }
  Step step;
  step.actions.emplace_back(pointer(PointerEvent::Kind::press, at));
  drag_last_ = at;
  begin_phase(Phase::pressed, turn.frames);
  return step;
}

Step Player::play(const Tap& tap, const Turn& turn) {
  if (phase_ == Phase::start || phase_ == Phase::pressed) {
    if (!turn.fresh) {
      return needs_a_frame();
    }
    if (phase_ == Phase::start) {
      return press(tap, turn);
    }
    Step step;
    step.actions.emplace_back(pointer(PointerEvent::Kind::release, drag_last_));
    begin_phase(Phase::settle, turn.frames);
    return step;
  }
  return settle(kSettleFrames, turn);
}

Step Player::play(const Drag& drag, const Turn& turn) {
  if (phase_ == Phase::start) {
    Step step;
    step.actions.emplace_back(pointer(PointerEvent::Kind::press, drag.from));
    begin_phase(Phase::moving, turn.frames);
    started_ = turn.now;
    return step;
  }
  if (phase_ != Phase::moving) {
    return settle(kSettleFrames, turn);
  }
  if (!turn.fresh) {
    return needs_a_frame();
  }
  const float t = std::min(
      1.F, static_cast<float>(std::chrono::duration_cast<milliseconds>(turn.elapsed).count()) /
               static_cast<float>(drag.duration.count()));
  const Point at{drag.from.x + (drag.to.x - drag.from.x) * t,
                 drag.from.y + (drag.to.y - drag.from.y) * t};
  Step step{.need_frame = true};
  step.actions.emplace_back(pointer(PointerEvent::Kind::move, at));
  if (t >= 1.F) {
    step.actions.emplace_back(pointer(PointerEvent::Kind::release, drag.to));
    phase_ = Phase::settle;
  }
  mark_ = turn.frames;
  return step;
}

Step Player::play(const Type& /*type*/, const Turn& /*turn*/) {
  return fail("internal: type was not expanded");
}

Step Player::play(const Text& text, const Turn& turn) {
  return act_then_settle(TextAction{text.text}, turn, kSettleFrames);
}

Step Player::play(const Key& key, const Turn& turn) {
  return act_then_settle(KeyAction{key.name}, turn, kSettleFrames);
}

Step Player::play(const Wait& wait, const Turn& turn) {
  if (turn.elapsed >= wait.duration) {
    next(turn.frames);
    return {};
  }
  return Step{.wake_at = started_ + wait.duration};
}

Step Player::play(const WaitFor& wait, const Turn& turn) {
  if (turn.fresh && turn.widgets.find(wait.id) != nullptr) {
    next(turn.frames);
    return {};
  }
  if (turn.elapsed > wait.timeout) {
    return fail("no widget '" + wait.id + "' after " + std::to_string(wait.timeout.count()) +
                " ms");
  }
  return turn.poll();
}

Step Player::play(const Expect& expect, const Turn& turn) {
  if (!turn.fresh) {
    return needs_a_frame();
  }
  const auto* widget = turn.widgets.find(expect.id);
  if (expect.absent && widget != nullptr) {
    return fail("widget '" + expect.id + "' is shown");
  }
  if (!expect.absent && widget == nullptr) {
    return fail("no widget '" + expect.id + "'");
  }
  if (expect.label && widget != nullptr && widget->label != *expect.label) {
    return fail("widget '" + expect.id + "' says '" + widget->label + "', not '" + *expect.label +
                "'");
  }
  next(turn.frames);
  return {};
}

Step Player::play(const Shot& shot, const Turn& turn) {
  if (phase_ == Phase::start && !turn.fresh) {
    return needs_a_frame();
  }
  auto step = act_then_settle(ShotAction{shot.file}, turn, 1);
  if (!step.actions.empty()) {
    step.need_frame = true;  // the shot is of the next frame
  }
  return step;
}

Step Player::play(const Quit& /*quit*/, const Turn& /*turn*/) {
  index_ = lines_.size();
  return Step{.finished = true};
}

}  // namespace tavla::ui::touch_script
