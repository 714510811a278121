// The touch-script format and its player, without SDL: what each command asks
// the loop to do, frame by frame.
#include <gtest/gtest.h>

#include "tavla/ui/touch_script.hpp"

namespace tavla::ui::touch_script {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;
const Clock::time_point t0{std::chrono::hours(1000)};

Script parsed(std::string_view text) {
  auto result = parse(text);
  if (const auto* error = std::get_if<ParseError>(&result)) {
    ADD_FAILURE() << "line " << error->line << ": " << error->message;
    return {};
  }
  return std::get<Script>(result);
}

TEST(TouchScriptParse, ReadsEveryCommand) {
  const auto s = parsed(
      "# a comment\n\n"
      "tap home.checkin\n"
      "tap 10 20\n"
      "drag 1 2 3 4 500\n"
      "type \"Åse\\nE.\"\n"
      "text hei\n"
      "key Return\n"
      "wait 250\n"
      "wait-for sync.idle 20000\n"
      "expect banner Velkommen, Kari N.!\n"
      "expect-absent checkin.member.p-1\n"
      "shot a.png\n"
      "quit\n");
  ASSERT_EQ(s.lines.size(), 12U);
  EXPECT_EQ(std::get<Tap>(s.lines[0].command).id, "home.checkin");
  EXPECT_EQ(s.lines[0].number, 3);
  EXPECT_EQ(std::get<Tap>(s.lines[1].command).at, (Point{10, 20}));
  EXPECT_EQ(std::get<Drag>(s.lines[2].command).duration, 500ms);
  EXPECT_EQ(std::get<Type>(s.lines[3].command).text, "Åse\nE.");
  EXPECT_EQ(std::get<WaitFor>(s.lines[7].command).timeout, 20000ms);
  EXPECT_EQ(std::get<Expect>(s.lines[8].command).label, "Velkommen, Kari N.!");
  EXPECT_TRUE(std::get<Expect>(s.lines[9].command).absent);
}

TEST(TouchScriptParse, NamesTheLineOfAnError) {
  auto result = parse("wait 10\nfly away\n");
  ASSERT_TRUE(std::holds_alternative<ParseError>(result));
  EXPECT_EQ(std::get<ParseError>(result).line, 2);
  EXPECT_TRUE(std::holds_alternative<ParseError>(parse("tap 1 2 3\n")));
  EXPECT_TRUE(std::holds_alternative<ParseError>(parse("wait soon\n")));
  EXPECT_TRUE(std::holds_alternative<ParseError>(parse("drag 1 2 3 4 0\n")));
}

TEST(TouchScriptPlayer, TapsAWidgetByIdAcrossFrames) {
  Player player(parsed("tap ok\n"), {});
  WidgetRegistry widgets;
  widgets.add("ok", {100, 100, 50, 20});
  auto step = player.step(t0, widgets, 0);  // wants a fresh frame first
  EXPECT_TRUE(step.need_frame);
  EXPECT_TRUE(step.actions.empty());
  step = player.step(t0, widgets, 1);
  ASSERT_EQ(step.actions.size(), 1U);
  const auto press = std::get<PointerAction>(step.actions[0]).event;
  EXPECT_EQ(press.kind, PointerEvent::Kind::press);
  EXPECT_EQ(press.at, (Point{125, 110}));
  EXPECT_TRUE(player.step(t0, widgets, 1).actions.empty());  // held until a frame shows it
  step = player.step(t0, widgets, 2);
  ASSERT_EQ(step.actions.size(), 1U);
  EXPECT_EQ(std::get<PointerAction>(step.actions[0]).event.kind, PointerEvent::Kind::release);
  EXPECT_FALSE(player.step(t0, widgets, 3).finished);  // the UI settles
  EXPECT_TRUE(player.step(t0, widgets, 4).finished);
}

TEST(TouchScriptPlayer, FailsWhenAWidgetNeverAppears) {
  Player player(parsed("wait 1\ntap nowhere\n"), {});
  WidgetRegistry none;
  player.step(t0, none, 1);
  auto step = player.step(t0 + 5ms, none, 2);
  EXPECT_FALSE(step.error.has_value());
  step = player.step(t0 + 11s, none, 3);
  ASSERT_TRUE(step.error.has_value());
  EXPECT_NE(step.error->find("line 2"), std::string::npos) << *step.error;
  EXPECT_TRUE(player.finished());
}

TEST(TouchScriptPlayer, ChecksExpectationsAgainstTheLatestFrame) {
  Player player(parsed("expect title Hei\nexpect-absent banner\n"), {});
  WidgetRegistry widgets;
  widgets.add("title", {}, "Hei");
  // Each command looks at a frame drawn after the previous one finished.
  const auto first = player.step(t0, widgets, 1);
  EXPECT_FALSE(first.finished);
  EXPECT_TRUE(first.need_frame);
  EXPECT_TRUE(player.step(t0, widgets, 2).finished);

  Player wrong(parsed("expect title Hallo\n"), {});
  const auto step = wrong.step(t0, widgets, 1);
  ASSERT_TRUE(step.error.has_value());
  EXPECT_NE(step.error->find("says 'Hei'"), std::string::npos) << *step.error;
}

TEST(TouchScriptPlayer, TypeTapsTheKeyboardAndWaitSleeps) {
  KeyboardMap keys = [](char32_t c) -> std::optional<std::vector<std::string>> {
    if (c == U'A') {
      return std::vector<std::string>{"osk.shift", "osk.key.a"};
    }
    return std::nullopt;
  };
  Player player(parsed("wait 100\ntype A\n"), keys);
  WidgetRegistry widgets;
  widgets.add("osk.shift", {0, 0, 10, 10});
  widgets.add("osk.key.a", {20, 0, 10, 10});
  auto step = player.step(t0, widgets, 1);
  EXPECT_EQ(step.wake_at, t0 + 100ms);
  step = player.step(t0 + 100ms, widgets, 2);
  EXPECT_TRUE(step.actions.empty());  // the wait is over; the tap wants a fresh frame
  step = player.step(t0 + 100ms, widgets, 3);
  ASSERT_EQ(step.actions.size(), 1U);
  EXPECT_EQ(std::get<PointerAction>(step.actions[0]).event.at, (Point{5, 5}));  // shift first

  Player missing(parsed("type €\n"), keys);
  EXPECT_TRUE(missing.step(t0, widgets, 1).error.has_value());
}

TEST(TouchScriptPlayer, AShotCapturesTheNextFrame) {
  Player player(parsed("shot a.png\n"), {});
  WidgetRegistry widgets;
  const auto step = player.step(t0, widgets, 1);
  ASSERT_EQ(step.actions.size(), 1U);
  EXPECT_EQ(std::get<ShotAction>(step.actions[0]).file, "a.png");
  EXPECT_TRUE(step.need_frame);
  EXPECT_FALSE(player.step(t0, widgets, 1).finished);
  EXPECT_TRUE(player.step(t0, widgets, 2).finished);
}

}  // namespace
}  // namespace tavla::ui::touch_script
