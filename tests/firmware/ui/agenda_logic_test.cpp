// The meeting's figures: countdown phases (which the screen shows by colour,
// text and shape), the projected end, next and previous, due dates, and
// times in the room's zone.
#include <gtest/gtest.h>

#include "tavla/protocol/timestamp.hpp"
#include "tavla/ui/agenda_logic.hpp"
#include "tavla/ui/due_date.hpp"
#include "tavla/ui/local_time.hpp"

namespace tavla::ui {
namespace {

using namespace std::chrono_literals;
using kiosk::ItemState;

kiosk::Timestamp at(const char* text) {
  return *protocol::parse_timestamp(text);
}

kiosk::AgendaItemView item(std::string id, std::uint64_t minutes, ItemState state,
                           std::optional<kiosk::Timestamp> started = {},
                           std::uint64_t elapsed = 0) {
  kiosk::AgendaItemView v;
  v.item = std::move(id);
  v.title = v.item;
  v.planned_minutes = minutes;
  v.state = state;
  v.started_at = started;
  v.elapsed_seconds = elapsed;
  return v;
}

TEST(Countdown, RunsThenNearsTheEndThenIsOver) {
  const auto start = at("2026-11-27T09:00:00.000Z");
  const auto running = item("sak-1", 30, ItemState::running, start);
  EXPECT_EQ(countdown_for(running, start + 10min).phase, CountdownPhase::running);
  EXPECT_EQ(countdown_for(running, start + 10min).remaining, 20min);
  EXPECT_EQ(countdown_for(running, start + 25min).phase, CountdownPhase::near_end);
  EXPECT_EQ(countdown_for(running, start + 30min).phase, CountdownPhase::near_end);
  const auto over = countdown_for(running, start + 33min);
  EXPECT_EQ(over.phase, CountdownPhase::over);
  EXPECT_EQ(over.remaining, -3min);
}

TEST(Countdown, CountsEarlierRunsAndOpenItems) {
  const auto start = at("2026-11-27T09:00:00.000Z");
  // Started again after 10 minutes earlier: 12 of 15 minutes gone.
  const auto again = item("sak-1", 15, ItemState::running, start, 600);
  EXPECT_EQ(countdown_for(again, start + 2min).elapsed, 12min);
  EXPECT_EQ(countdown_for(again, start + 2min).phase, CountdownPhase::near_end);
  EXPECT_EQ(countdown_for(item("x", 0, ItemState::running, start), start + 1min).phase,
            CountdownPhase::open);
  EXPECT_EQ(near_end_margin(60min), 5min);
  EXPECT_EQ(near_end_margin(10min), 2min);
  EXPECT_EQ(near_end_margin(2min), 1min);
}

TEST(Agenda, ProjectsTheEndAndFindsNextAndPrevious) {
  const auto now = at("2026-11-27T10:00:00.000Z");
  kiosk::SessionView s;
  s.agenda = {item("a", 15, ItemState::finished, {}, 900),
              item("b", 30, ItemState::running, now - 10min), item("c", 45, ItemState::pending),
              item("d", 10, ItemState::pending)};
  EXPECT_EQ(projected_end(s, now), now + 20min + 45min + 10min);
  EXPECT_EQ(next_item(s), "c");
  EXPECT_EQ(previous_item(s), "a");
  s.agenda[1] = item("b", 30, ItemState::running, now - 40min);  // over: counts from now
  EXPECT_EQ(projected_end(s, now), now + 55min);

  kiosk::SessionView fresh;
  fresh.agenda = {item("a", 15, ItemState::pending), item("b", 30, ItemState::pending)};
  EXPECT_EQ(next_item(fresh), "a");
  EXPECT_FALSE(previous_item(fresh).has_value());

  kiosk::SessionView last;
  last.agenda = {item("a", 15, ItemState::finished), item("b", 30, ItemState::running, now)};
  EXPECT_FALSE(next_item(last).has_value());  // the screen offers "finish" instead
}

TEST(DueDate, PresetsAndStepsStayOnTheCalendar) {
  using std::chrono::day;
  using std::chrono::month;
  using std::chrono::year;
  const kiosk::Date jan31{year{2027}, month{1}, day{31}};
  EXPECT_EQ(add_month(jan31), (kiosk::Date{year{2027}, month{2}, day{28}}));
  EXPECT_EQ(add_days(jan31, 14), (kiosk::Date{year{2027}, month{2}, day{14}}));
  EXPECT_EQ(step_due(jan31, -1, jan31), jan31);  // never before today
  EXPECT_EQ(step_due(jan31, 1, jan31), (kiosk::Date{year{2027}, month{2}, day{1}}));
}

TEST(LocalTime, ShowsTheRoomsClockAndDates) {
  const LocalTime oslo("Europe/Oslo");
  const auto winter = at("2026-11-27T08:05:59.000Z");
  EXPECT_EQ(oslo.hh_mm(winter), "09:05");
  EXPECT_EQ(oslo.hh_mm(at("2026-06-01T08:05:00.000Z")), "10:05");  // summer time
  EXPECT_EQ(oslo.next_minute(winter), at("2026-11-27T08:06:00.000Z"));
  EXPECT_EQ(long_date(Catalogue(Language::nb), oslo.parts(winter)), "fredag 27. november");
  EXPECT_EQ(long_date(Catalogue(Language::nn), oslo.parts(winter)), "fredag 27. november");
  EXPECT_EQ(long_date(Catalogue(Language::en), oslo.parts(winter)), "Friday 27 November");
  EXPECT_EQ(short_date(Catalogue(Language::nb), oslo.date(winter)), "27.11.2026");
  EXPECT_EQ(clock_duration(65s), "1:05");
  EXPECT_EQ(clock_duration(3723s), "1:02:03");
  EXPECT_EQ(clock_duration(-5s), "0:00");
  EXPECT_THROW(LocalTime("Mars/Olympus"), std::runtime_error);
}

}  // namespace
}  // namespace tavla::ui
