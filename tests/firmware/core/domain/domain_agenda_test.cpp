// The agenda's moves: nothing finishes or skips by itself, time is kept per
// item across pauses, and the events tell the host each run.
#include <gtest/gtest.h>

#include "domain_fixture.hpp"

namespace tavla::kiosk {
namespace {

using std::chrono::minutes;
using std::chrono::seconds;

class AgendaTest : public DomainTest {
 protected:
  AgendaTest() {
    // Three items, the middle one long, as in the meeting that found the bug.
    config_.agendas.at(0).items = {
        {"sak-1", "Velkommen", 15}, {"sak-2", "Status", 45}, {"sak-3", "Eventuelt", 10}};
    session_ = open_nm();
  }
  const ItemRecord& item(const std::string& id) {
    for (const auto& i : state_.open.at(0).agenda) {
      if (i.item == id) {
        return i;
      }
    }
    throw std::out_of_range(id);
  }
  template <class Body>
  static std::vector<Body> of(const Transition& t) {
    std::vector<Body> out;
    for (const auto& e : t.events) {
      if (const auto* b = std::get_if<Body>(&e)) {
        out.push_back(*b);
      }
    }
    return out;
  }
  std::string session_;
};

// start, next, previous, next: the second item runs again, nothing was
// finished or skipped on the way, and its time counts on.
TEST_F(AgendaTest, PreviousThenNextResumesTheItemYouLeft) {
  ok(StartItem{session_, "sak-1"});
  clock_.advance(seconds(100));
  ok(NextItem{session_, "sak-1"});
  clock_.advance(seconds(200));
  auto back = ok(StartItem{session_, "sak-1"});  // "Forrige sak"
  ASSERT_EQ(of<protocol::ItemPaused>(back).size(), 1U);
  EXPECT_EQ(of<protocol::ItemPaused>(back)[0].item, "sak-2");
  EXPECT_EQ(of<protocol::ItemPaused>(back)[0].elapsed_seconds, 200U);
  EXPECT_EQ(of<protocol::ItemResumed>(back).at(0).item, "sak-1");
  EXPECT_TRUE(of<protocol::ItemFinished>(back).empty());
  EXPECT_FALSE(item("sak-2").finished);
  clock_.advance(seconds(30));
  const auto next = ok(NextItem{session_, "sak-1"});
  EXPECT_EQ(of<protocol::ItemFinished>(next).at(0).elapsed_seconds, 30U);
  EXPECT_EQ(of<protocol::ItemResumed>(next).at(0).item, "sak-2");
  EXPECT_TRUE(of<protocol::ItemSkipped>(next).empty());
  EXPECT_EQ(state_.open.at(0).current_item, "sak-2");
  EXPECT_TRUE(item("sak-2").started_at.has_value());
  EXPECT_EQ(item("sak-2").elapsed_seconds, 200U);
  EXPECT_EQ(item("sak-1").elapsed_seconds, 130U);
  EXPECT_FALSE(item("sak-3").started);
}

// A quick second tap on "Neste sak", made from the picture before the first
// one's effect, names the item already finished: refused, nothing moves.
TEST_F(AgendaTest, ADoubleTapOnNextFinishesOnlyOneItem) {
  ok(StartItem{session_, "sak-1"});
  ok(NextItem{session_, "sak-1"});
  EXPECT_EQ(refused(NextItem{session_, "sak-1"}), RefusalCode::item_not_running);
  EXPECT_EQ(state_.open.at(0).current_item, "sak-2");
  EXPECT_FALSE(item("sak-2").finished);
}

TEST_F(AgendaTest, NextSkipsWhatIsFinishedAndResumesWhatIsPaused) {
  ok(StartItem{session_, "sak-1"});
  ok(StartItem{session_, "sak-3"});  // a row tap: sak-1 paused, sak-2 left pending
  EXPECT_EQ(item("sak-2").skipped, false);
  ok(NextItem{session_, "sak-3"});  // the last item: nothing after it
  EXPECT_FALSE(state_.open.at(0).current_item.has_value());
  ok(StartItem{session_, "sak-1"});
  const auto t = ok(NextItem{session_, "sak-1"});
  EXPECT_EQ(of<protocol::ItemStarted>(t).at(0).item, "sak-2");
}

// A row tap beyond pending items, confirmed, marks them skipped (not done);
// without the confirmation they stay pending.
TEST_F(AgendaTest, PassingOverItemsOnPurposeSkipsThem) {
  ok(StartItem{session_, "sak-1"});
  const auto t = ok(StartItem{session_, "sak-3", true});
  ASSERT_EQ(of<protocol::ItemSkipped>(t).size(), 1U);
  EXPECT_EQ(of<protocol::ItemSkipped>(t)[0].item, "sak-2");
  EXPECT_TRUE(item("sak-2").skipped);
  EXPECT_FALSE(item("sak-2").finished);
  EXPECT_FALSE(item("sak-1").finished);
  // A skipped item can still be taken up later: it starts then.
  const auto later = ok(StartItem{session_, "sak-2"});
  EXPECT_EQ(of<protocol::ItemStarted>(later).at(0).item, "sak-2");
  EXPECT_FALSE(item("sak-2").skipped);
}

TEST_F(AgendaTest, AFinishedItemReopenedCountsOnFromWhereItStopped) {
  ok(StartItem{session_, "sak-1"});
  clock_.advance(seconds(60));
  ok(FinishItem{session_, "sak-1"});
  ok(StartItem{session_, "sak-1"});
  clock_.advance(seconds(15));
  ok(FinishItem{session_, "sak-1"});
  EXPECT_EQ(item("sak-1").elapsed_seconds, 75U);
  EXPECT_TRUE(item("sak-1").finished);
}

TEST_F(AgendaTest, ExtendingGrowsTheTimeBox) {
  ok(StartItem{session_, "sak-1"});
  const auto t = ok(ExtendItem{session_, "sak-1"});
  EXPECT_EQ(of<protocol::ItemExtended>(t).at(0).minutes, 5U);
  ok(ExtendItem{session_, "sak-1", 10});
  EXPECT_EQ(item("sak-1").extra_minutes, 15U);
  EXPECT_EQ(refused(ExtendItem{session_, "sak-1", 0}), RefusalCode::invalid_minutes);
  EXPECT_EQ(refused(ExtendItem{session_, "nope"}), RefusalCode::unknown_item);
}

// A paused meeting counts no time on its item; resuming runs it again.
TEST_F(AgendaTest, PausingTheMeetingStopsTheItemsClock) {
  ok(StartItem{session_, "sak-1"});
  clock_.advance(seconds(40));
  const auto pause = ok(PauseMeeting{session_});
  EXPECT_EQ(of<protocol::ItemPaused>(pause).at(0).elapsed_seconds, 40U);
  EXPECT_EQ(of<protocol::SessionPaused>(pause).size(), 1U);
  EXPECT_EQ(refused(PauseMeeting{session_}), RefusalCode::meeting_paused);
  EXPECT_EQ(refused(NextItem{session_, "sak-1"}), RefusalCode::meeting_paused);
  EXPECT_EQ(refused(StartItem{session_, "sak-2"}), RefusalCode::meeting_paused);
  clock_.advance(minutes(10));
  const auto resume = ok(ResumeMeeting{session_});
  EXPECT_EQ(of<protocol::SessionResumed>(resume).size(), 1U);
  EXPECT_EQ(of<protocol::ItemResumed>(resume).at(0).item, "sak-1");
  clock_.advance(seconds(20));
  ok(NextItem{session_, "sak-1"});
  EXPECT_EQ(item("sak-1").elapsed_seconds, 60U);
  EXPECT_EQ(refused(ResumeMeeting{session_}), RefusalCode::meeting_not_paused);
}

TEST_F(AgendaTest, ClosingAPausedMeetingFinishesItsItemWithNoExtraTime) {
  ok(StartItem{session_, "sak-1"});
  clock_.advance(seconds(40));
  ok(PauseMeeting{session_});
  clock_.advance(minutes(10));
  const auto t = ok(CloseSession{session_, "p-nl", kNetworkLeaderPin});
  ASSERT_EQ(of<protocol::ItemFinished>(t).size(), 1U);
  EXPECT_EQ(of<protocol::ItemFinished>(t)[0].elapsed_seconds, 0U);
}

}  // namespace
}  // namespace tavla::kiosk
