// The idle loop's decisions as plain logic with made-up times: when to draw,
// when to sleep, when the screen dims and blanks, and how a tap becomes
// ImGui frames.
#include <gtest/gtest.h>

#include "tavla/ui/frame_scheduler.hpp"
#include "tavla/ui/geometry.hpp"
#include "tavla/ui/metrics.hpp"
#include "tavla/ui/pointer.hpp"
#include "tavla/ui/screen_power.hpp"
#include "tavla/ui/widget_registry.hpp"

namespace tavla::ui {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;
const Clock::time_point t0{std::chrono::hours(1000)};

TEST(FrameScheduler, DrawsTheFirstFrameThenSleeps) {
  FrameScheduler s;
  EXPECT_TRUE(s.due(t0));
  s.rendered(t0);
  EXPECT_FALSE(s.due(t0 + 1s));
  // Nothing visible changes: sleep up to the safety net, not a busy loop.
  EXPECT_EQ(s.wait_time(t0 + 1s), std::chrono::milliseconds(FrameScheduler::kMaxIdle - 1s));
  EXPECT_TRUE(s.due(t0 + FrameScheduler::kMaxIdle));
}

TEST(FrameScheduler, InputEarnsAFewFramesThenIdles) {
  FrameScheduler s;
  s.rendered(t0);
  s.input_arrived();
  for (int i = 0; i < FrameScheduler::kFramesAfterInput; ++i) {
    EXPECT_TRUE(s.due(t0));
    EXPECT_EQ(s.wait_time(t0), 0ms);
    s.rendered(t0);
  }
  EXPECT_FALSE(s.due(t0));
}

TEST(FrameScheduler, WakesForAVisibleTimer) {
  FrameScheduler s;
  s.rendered(t0);
  s.request_at(t0 + 750ms);
  s.request_at(t0 + 2s);  // the earlier one wins
  EXPECT_EQ(s.wait_time(t0), 750ms);
  EXPECT_FALSE(s.due(t0 + 749ms));
  EXPECT_TRUE(s.due(t0 + 750ms));
  s.rendered(t0 + 750ms);  // timers are asked for anew by each frame
  EXPECT_FALSE(s.due(t0 + 3s));
}

TEST(FrameScheduler, ContinuousModeDrawsEveryTurn) {
  FrameScheduler s;
  s.set_continuous(true);
  s.rendered(t0);
  EXPECT_TRUE(s.due(t0));
  EXPECT_EQ(s.wait_time(t0), 0ms);
}

TEST(ScreenPower, StaysOnWithinTheRoomsHours) {
  ScreenPower p({.dim_after = 60s, .blank_after = 300s}, t0);
  EXPECT_EQ(p.level(t0 + 1h, true), PowerLevel::on);
  EXPECT_FALSE(p.next_change(t0, true).has_value());
}

TEST(ScreenPower, DimsThenBlanksOutsideHoursAndWakesOnTouch) {
  ScreenPower p({.dim_after = 60s, .blank_after = 300s}, t0);
  EXPECT_EQ(p.level(t0 + 59s, false), PowerLevel::on);
  EXPECT_EQ(p.next_change(t0 + 59s, false), t0 + 60s);
  EXPECT_EQ(p.level(t0 + 60s, false), PowerLevel::dim);
  EXPECT_EQ(p.next_change(t0 + 60s, false), t0 + 300s);
  EXPECT_EQ(p.level(t0 + 300s, false), PowerLevel::blank);
  // The waking touch only wakes; the next one reaches the UI.
  EXPECT_FALSE(p.touch_reaches_ui(t0 + 400s, false));
  EXPECT_EQ(p.level(t0 + 400s, false), PowerLevel::on);
  EXPECT_TRUE(p.touch_reaches_ui(t0 + 401s, false));
}

TEST(PointerTracker, ATapInOneBatchIsStillDownForAFrame) {
  PointerTracker p;
  p.push({PointerEvent::Kind::press, {10, 20}, true});
  p.push({PointerEvent::Kind::release, {10, 20}, true});
  EXPECT_EQ(p.next_frame(), (PointerFrame{{10, 20}, true, true}));
  EXPECT_TRUE(p.pending());
  EXPECT_EQ(p.next_frame(), (PointerFrame{{10, 20}, false, true}));
  // A lifted finger hovers over nothing.
  EXPECT_EQ(p.next_frame(), (PointerFrame{{10, 20}, false, false}));
  EXPECT_FALSE(p.pending());
}

TEST(PointerTracker, MovesBetweenTransitionsFollowTheFinger) {
  PointerTracker p;
  p.push({PointerEvent::Kind::press, {0, 0}, true});
  p.push({PointerEvent::Kind::move, {0, 50}, true});
  p.push({PointerEvent::Kind::move, {0, 90}, true});
  EXPECT_EQ(p.next_frame().position, (Point{0, 0}));
  const auto dragged = p.next_frame();
  EXPECT_EQ(dragged.position, (Point{0, 90}));
  EXPECT_TRUE(dragged.down);
}

TEST(PointerTracker, AMouseStaysWhereItWasReleased) {
  PointerTracker p;
  p.push({PointerEvent::Kind::press, {5, 5}, false});
  p.push({PointerEvent::Kind::release, {5, 5}, false});
  p.next_frame();
  p.next_frame();
  EXPECT_FALSE(p.pending());
  EXPECT_TRUE(p.next_frame().present);
}

TEST(Geometry, ParsesSizes) {
  EXPECT_EQ(parse_size("800x480"), (Size{800, 480}));
  EXPECT_FALSE(parse_size("800").has_value());
  EXPECT_FALSE(parse_size("0x480").has_value());
  EXPECT_FALSE(parse_size("800x480x24").has_value());
  EXPECT_TRUE((Rect{0, 0, 10, 10}.contains({5, 5})));
  EXPECT_EQ((Rect{10, 20, 100, 40}.centre()), (Point{60, 40}));
}

TEST(Metrics, ScaleToTheDisplay) {
  EXPECT_FLOAT_EQ(metrics_for({800, 480}).scale, 1.F);
  EXPECT_FLOAT_EQ(metrics_for({1280, 800}).scale, 1.6F);
  // Touch targets grow with the panel: about 9 mm on either.
  EXPECT_FLOAT_EQ(metrics_for({1280, 800}).touch_min(), 52 * 1.6F);
}

TEST(WidgetRegistry, FindsTheLastRegistration) {
  WidgetRegistry r;
  r.add("a", {0, 0, 1, 1}, "first");
  r.add("a", {5, 5, 1, 1}, "second");
  ASSERT_NE(r.find("a"), nullptr);
  EXPECT_EQ(r.find("a")->label, "second");
  EXPECT_EQ(r.find("b"), nullptr);
  r.begin_frame();
  EXPECT_TRUE(r.all().empty());
}

}  // namespace
}  // namespace tavla::ui
