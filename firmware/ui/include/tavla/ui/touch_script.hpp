// Touch scripts: touches, text, waits and screenshots replayed into
// the running UI (`tavla-kiosk --script FILE`). The format is documented in
// README.md ("Scripted runs"); one command per line:
//
//   tap ID | tap X Y            a finger tap on a widget's centre, or at pixels
//   drag X1 Y1 X2 Y2 [MS]       a finger drag (scrolling), default 300 ms
//   type TEXT                   taps the on-screen keyboard's keys for TEXT
//   text TEXT                   TEXT from a hardware keyboard (SDL text input)
//   key NAME                    a hardware key: Return, BackSpace, Escape
//   wait MS                     sleep
//   wait-for ID [MS]            until the widget is on screen (default 10 000 ms)
//   expect ID [LABEL]           fail unless the widget is shown (with this label)
//   expect-absent ID            fail if the widget is shown
//   shot FILE                   a PNG of the next frame (relative to --shots)
//   quit                        end the run (the end of the file does too)
//
// `#` starts a comment at the beginning of a line; TEXT and LABEL run to the
// end of the line (surrounding double quotes are removed, `\n` is a newline).
// This file is the pure part: parsing, and a player that says what to do
// next; the platform loop turns its actions into SDL events.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "tavla/ui/geometry.hpp"
#include "tavla/ui/pointer.hpp"
#include "tavla/ui/widget_registry.hpp"

namespace tavla::ui::touch_script {

struct Tap {
  std::optional<std::string> id;  // by id, else at `at`
  Point at;
};
struct Drag {
  Point from;
  Point to;
  std::chrono::milliseconds duration{300};
};
struct Type {
  std::string text;
};
struct Text {
  std::string text;
};
struct Key {
  std::string name;
};
struct Wait {
  std::chrono::milliseconds duration{};
};
struct WaitFor {
  std::string id;
  std::chrono::milliseconds timeout{10000};
};
struct Expect {
  std::string id;
  std::optional<std::string> label;
  bool absent = false;
};
struct Shot {
  std::string file;
};
struct Quit {};

using Command = std::variant<Tap, Drag, Type, Text, Key, Wait, WaitFor, Expect, Shot, Quit>;

struct Line {
  int number = 0;
  Command command;
};

struct ParseError {
  int line = 0;
  std::string message;
};

struct Script {
  std::vector<Line> lines;
};

[[nodiscard]] std::variant<Script, ParseError> parse(std::string_view text);

// What the loop does for the player this turn.
struct PointerAction {
  PointerEvent event;
};
struct TextAction {
  std::string text;
};
struct KeyAction {
  std::string name;
};
struct ShotAction {
  std::string file;  // capture the next rendered frame into it
};
using Action = std::variant<PointerAction, TextAction, KeyAction, ShotAction>;

struct Step {
  std::vector<Action> actions;
  bool need_frame = false;  // render even if nothing else asks for it
  std::optional<std::chrono::steady_clock::time_point> wake_at;
  bool finished = false;
  std::optional<std::string> error;  // "line 12: no widget 'home.checkin' after 10000 ms"
};

// How `type` reaches the on-screen keyboard: the widget ids to tap for one
// character (e.g. shift, then the letter), or nullopt if it has no key.
using KeyboardMap = std::function<std::optional<std::vector<std::string>>(char32_t)>;

class Player {
 public:
  Player(Script script, KeyboardMap keyboard);

  // Call once per loop turn with the latest frame's widgets and the number
  // of frames rendered so far.
  Step step(std::chrono::steady_clock::time_point now, const WidgetRegistry& widgets,
            std::uint64_t frames);

  [[nodiscard]] bool finished() const { return index_ >= lines_.size() || failed_; }

 private:
  enum class Phase { start, pressed, released, moving, settle };
  struct Turn;  // this loop turn: the time, the widgets, the frames so far
  Step run_current(std::chrono::steady_clock::time_point now, const WidgetRegistry& widgets,
                   std::uint64_t frames);
  // One overload per command (run_current visits the current one with them).
  Step play(const Tap& tap, const Turn& turn);
  Step play(const Drag& drag, const Turn& turn);
  Step play(const Type& type, const Turn& turn);
  Step play(const Text& text, const Turn& turn);
  Step play(const Key& key, const Turn& turn);
  Step play(const Wait& wait, const Turn& turn);
  Step play(const WaitFor& wait, const Turn& turn);
  Step play(const Expect& expect, const Turn& turn);
  Step play(const Shot& shot, const Turn& turn);
  Step play(const Quit& quit, const Turn& turn);
  // The tap's press, at its widget (waiting for it to appear) or its point.
  Step press(const Tap& tap, const Turn& turn);
  // Emits `action` and lets the UI settle before the next command.
  Step act_then_settle(Action action, const Turn& turn, std::uint64_t settle_frames);
  // Moves on once `count` frames were drawn since the phase began.
  Step settle(std::uint64_t count, const Turn& turn);
  void next(std::uint64_t frames);
  void begin_phase(Phase phase, std::uint64_t frames);
  Step fail(const std::string& message);

  std::vector<Line> lines_;
  std::size_t index_ = 0;
  bool failed_ = false;
  Phase phase_ = Phase::start;
  std::uint64_t mark_ = 0;  // frame count when the current phase began
  std::chrono::steady_clock::time_point started_{};
  bool started_set_ = false;
  Point drag_last_;
};

}  // namespace tavla::ui::touch_script
