// The acceptance rules as pure functions of the example site: each refusal
// with the code of the rule it breaks.
#include "tavla/host/ingest/acceptance.hpp"

#include <gtest/gtest.h>

#include "host_fixture.hpp"
#include "tavla/host/config/load.hpp"

namespace tavla::host::ingest {
namespace {

using protocol::RejectionCode;
using testing::EventMaker;

class AcceptanceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    site_ = config::load_site(testing::write_example_site(dir_, "sqlite:unused.db"));
  }
  static storage::StoredSession session(const std::string& group, const std::string& device) {
    return {"s-1", group, "group_guidance", device,      "Samling", "2026-03-27T08:00:00.000Z",
            2026,  3,     "ev-1",           std::nullopt};
  }
  std::optional<RejectionCode> opening(const protocol::Event& e) {
    const auto v = opening_violation(site_, e, std::get<protocol::SessionOpened>(e.body));
    return v ? std::optional(v->code) : std::nullopt;
  }
  std::optional<RejectionCode> in_session(const protocol::Event& e,
                                          const storage::StoredSession& s) {
    const auto v = in_session_violation(site_, e, s);
    return v ? std::optional(v->code) : std::nullopt;
  }

  tavla::testing::TempDir dir_;
  config::Site site_;
};

TEST_F(AcceptanceTest, AnOpeningNeedsAKnownGroupOfItsKindAndRoom) {
  EventMaker k1("kiosk-1", "epoch-0001");
  EXPECT_EQ(opening(k1.opened("s-1", "gv-1")), std::nullopt);
  EXPECT_EQ(opening(k1.opened("s-1", "no-such-group")), RejectionCode::unknown_group);
  EXPECT_EQ(opening(k1.opened("s-1", "gv-1", protocol::SessionKind::network_meeting)),
            RejectionCode::wrong_session_kind);
  EXPECT_EQ(opening(k1.opened("s-1", "nettverk", protocol::SessionKind::network_meeting)),
            RejectionCode::group_of_another_device);
}

TEST_F(AcceptanceTest, AScheduledSessionIdIsOpenedOnlyByItsOwnRoom) {
  // nm-20260327 is scheduled for group nettverk of kiosk-2.
  EventMaker k1("kiosk-1", "epoch-0001");
  EXPECT_EQ(opening(k1.opened("nm-20260327", "gv-1")), RejectionCode::session_of_another_device);
  const auto v =
      opening_violation(site_, k1.opened("nm-20260327", "gv-1"),
                        std::get<protocol::SessionOpened>(k1.opened("nm-20260327", "gv-1").body));
  ASSERT_TRUE(v);
  EXPECT_NE(v->detail.find("scheduled for group 'nettverk' of device kiosk-2"), std::string::npos)
      << v->detail;
  EventMaker k2("kiosk-2", "epoch-0001");
  EXPECT_EQ(opening(k2.opened("nm-20260327", "nettverk", protocol::SessionKind::network_meeting)),
            std::nullopt);
}

TEST_F(AcceptanceTest, InASessionMembersGuestsAndTheSessionsOwnRoom) {
  EventMaker k1("kiosk-1", "epoch-0001");
  const auto gv = session("gv-1", "kiosk-1");
  EXPECT_EQ(in_session(k1.checked_in("s-1", "p-1", "nannestad", "fh-1"), gv), std::nullopt);
  EXPECT_EQ(in_session(k1.guest("s-1", "eidsvoll"), gv), std::nullopt);
  EXPECT_EQ(in_session(k1.checked_out("s-1", "guest-01JD0Z8X4C5N8E2Q7T9V3W6Y99"), gv),
            std::nullopt);
  EXPECT_EQ(in_session(k1.closed("s-1"), gv), std::nullopt);
  EXPECT_EQ(in_session(k1.checked_in("s-1", "p-nobody", "nannestad"), gv),
            RejectionCode::not_a_member);
  EXPECT_EQ(in_session(k1.checked_out("s-1", "p-nobody"), gv), RejectionCode::not_a_member);
  EXPECT_EQ(in_session(k1.guest("s-1", "atlantis"), gv), RejectionCode::unknown_affiliation);
  // A member's affiliation is the registry's: a claim is never a reason to refuse.
  EXPECT_EQ(in_session(k1.checked_in("s-1", "p-1", "atlantis", "fh-1"), gv), std::nullopt);
  EXPECT_EQ(in_session(k1.closed("s-1"), session("gv-1", "kiosk-2")),
            RejectionCode::session_of_another_device);
  const auto v = in_session_violation(site_, k1.checked_in("s-1", "p-nobody", "nannestad"), gv);
  ASSERT_TRUE(v);
  EXPECT_EQ(v->detail, "participant 'p-nobody' is not a member of group 'gv-1'");
}

// A correction made on the kiosk counts when its corrector leads the
// session's group: p-v leads gv-1; p-1 is a member but no leader.
TEST_F(AcceptanceTest, ACorrectionCountsOnlyFromALeaderOfTheGroup) {
  EventMaker k1("kiosk-1", "epoch-0001");
  const auto gv = session("gv-1", "kiosk-1");
  const auto corrected_in = [&](const std::string& by) {
    auto e = k1.checked_in("s-1", "p-3", "hurdal", "fh-2");
    std::get<protocol::CheckedIn>(e.body).corrected_by = by;
    return e;
  };
  const auto corrected_out = [&](const std::string& by) {
    auto e = k1.checked_out("s-1", "p-3");
    std::get<protocol::CheckedOut>(e.body).corrected_by = by;
    return e;
  };
  EXPECT_EQ(in_session(corrected_in("p-v"), gv), std::nullopt);
  EXPECT_EQ(in_session(corrected_out("p-v"), gv), std::nullopt);
  EXPECT_EQ(in_session(corrected_in("p-1"), gv), RejectionCode::not_a_leader);
  EXPECT_EQ(in_session(corrected_out("p-1"), gv), RejectionCode::not_a_leader);
  EXPECT_EQ(in_session(corrected_in("p-leder-nes"), gv), RejectionCode::not_a_leader);
}

TEST_F(AcceptanceTest, AUnitIsTheFosterHomeInGroupGuidanceElseTheParticipant) {
  EventMaker k1("kiosk-1", "epoch-0001");
  const auto in =
      std::get<protocol::CheckedIn>(k1.checked_in("s-1", "p-1", "nannestad", "fh-1").body);
  EXPECT_EQ(unit_of(in, protocol::SessionKind::group_guidance), "fh:fh-1");
  EXPECT_EQ(unit_of(in, protocol::SessionKind::network_meeting), "p:p-1");
}

}  // namespace
}  // namespace tavla::host::ingest
