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

template <class... Ts>
struct Overloaded : Ts... {
  using Ts::operator()...;
};

PointerAction pointer(PointerEvent::Kind kind, Point at) {
  return {PointerEvent{kind, at, true}};
}

}  // namespace

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
  const bool fresh = frames > mark_;  // a frame drawn since this phase began
  const auto elapsed = now - started_;
  Step step;
  const auto settle = [&](std::uint64_t count) {
    if (frames >= mark_ + count) {
      next(frames);
    } else {
      step.need_frame = true;
    }
  };
  const auto poll = [&] {
    step.need_frame = true;
    step.wake_at = now + kPoll;
  };
  return std::visit(
      Overloaded{
          [&](const Tap& tap) {
            if (phase_ == Phase::start) {
              if (!fresh) {
                step.need_frame = true;
                return step;
              }
              Point at = tap.at;
              if (tap.id) {
                const auto* widget = widgets.find(*tap.id);
                if (widget == nullptr) {
                  if (elapsed > kTapTimeout) {
                    return fail("no widget '" + *tap.id + "' to tap after " +
                                std::to_string(kTapTimeout.count()) + " ms");
                  }
                  poll();
                  return step;
                }
                at = widget->rect.centre();
              }
              step.actions.emplace_back(pointer(PointerEvent::Kind::press, at));
              drag_last_ = at;
              phase_ = Phase::pressed;
              mark_ = frames;
            } else if (phase_ == Phase::pressed) {
              if (!fresh) {
                step.need_frame = true;
                return step;
              }
              step.actions.emplace_back(pointer(PointerEvent::Kind::release, drag_last_));
              phase_ = Phase::settle;
              mark_ = frames;
            } else {
              settle(kSettleFrames);
            }
            return step;
          },
          [&](const Drag& drag) {
            if (phase_ == Phase::start) {
              step.actions.emplace_back(pointer(PointerEvent::Kind::press, drag.from));
              phase_ = Phase::moving;
              started_ = now;
              mark_ = frames;
            } else if (phase_ == Phase::moving) {
              if (!fresh) {
                step.need_frame = true;
                return step;
              }
              const float t = std::min(
                  1.F,
                  static_cast<float>(std::chrono::duration_cast<milliseconds>(elapsed).count()) /
                      static_cast<float>(drag.duration.count()));
              const Point at{drag.from.x + (drag.to.x - drag.from.x) * t,
                             drag.from.y + (drag.to.y - drag.from.y) * t};
              step.actions.emplace_back(pointer(PointerEvent::Kind::move, at));
              if (t >= 1.F) {
                step.actions.emplace_back(pointer(PointerEvent::Kind::release, drag.to));
                phase_ = Phase::settle;
              }
              mark_ = frames;
              step.need_frame = true;
            } else {
              settle(kSettleFrames);
            }
            return step;
          },
          [&](const Type&) { return fail("internal: type was not expanded"); },
          [&](const Text& text) {
            if (phase_ == Phase::start) {
              step.actions.emplace_back(TextAction{text.text});
              phase_ = Phase::settle;
              mark_ = frames;
            } else {
              settle(kSettleFrames);
            }
            return step;
          },
          [&](const Key& key) {
            if (phase_ == Phase::start) {
              step.actions.emplace_back(KeyAction{key.name});
              phase_ = Phase::settle;
              mark_ = frames;
            } else {
              settle(kSettleFrames);
            }
            return step;
          },
          [&](const Wait& wait) {
            if (elapsed >= wait.duration) {
              next(frames);
            } else {
              step.wake_at = started_ + wait.duration;
            }
            return step;
          },
          [&](const WaitFor& wait) {
            if (fresh && widgets.find(wait.id) != nullptr) {
              next(frames);
            } else if (elapsed > wait.timeout) {
              return fail("no widget '" + wait.id + "' after " +
                          std::to_string(wait.timeout.count()) + " ms");
            } else {
              poll();
            }
            return step;
          },
          [&](const Expect& expect) {
            if (!fresh) {
              step.need_frame = true;
              return step;
            }
            const auto* widget = widgets.find(expect.id);
            if (expect.absent && widget != nullptr) {
              return fail("widget '" + expect.id + "' is shown");
            }
            if (!expect.absent && widget == nullptr) {
              return fail("no widget '" + expect.id + "'");
            }
            if (expect.label && widget->label != *expect.label) {
              return fail("widget '" + expect.id + "' says '" + widget->label + "', not '" +
                          *expect.label + "'");
            }
            next(frames);
            return step;
          },
          [&](const Shot& shot) {
            if (phase_ == Phase::start) {
              if (!fresh) {
                step.need_frame = true;
                return step;
              }
              step.actions.emplace_back(ShotAction{shot.file});
              step.need_frame = true;
              phase_ = Phase::settle;
              mark_ = frames;
            } else {
              settle(1);
            }
            return step;
          },
          [&](const Quit&) {
            index_ = lines_.size();
            step.finished = true;
            return step;
          },
      },
      lines_[index_].command);
}

}  // namespace tavla::ui::touch_script
