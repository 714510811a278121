// The domain test's fixture: a room config, a state, a manual clock, and
// commands applied as the Kiosk applies them (every event checked valid).
#pragma once

#include <gtest/gtest.h>

#include "tavla/kiosk/domain.hpp"
#include "tavla/protocol/codec.hpp"
#include "tavla/testing/kiosk_fixtures.hpp"

namespace tavla::kiosk {

using testing::kLeaderPin;
using testing::kMemberPin;
using testing::kNetworkLeaderPin;

inline Timestamp at(const char* text) {
  return protocol::parse_timestamp(text).value();
}

class DomainTest : public ::testing::Test {
 protected:
  DomainTest() : clock_(at("2026-11-27T08:00:00.000Z")), random_(7), ids_(clock_, random_) {}

  DomainResult run(const Command& command) {
    DomainContext ctx{clock_.now(), ids_, tuning_, zone_};
    auto result = apply(config_, state_, command, ctx);
    if (auto* t = std::get_if<Transition>(&result)) {
      state_ = t->next;
      for (const auto& body : t->events) {
        // Every event the domain makes is valid on the wire.
        protocol::Event e{
            "01JD0Z8X4C5N8E2Q7T9V3W6Y03", "kiosk-1", "epoch-0001", 1, clock_.now(), body};
        EXPECT_FALSE(protocol::validate(e).has_value()) << protocol::validate(e)->message();
      }
    }
    return result;
  }
  Transition ok(const Command& command) {
    auto result = run(command);
    if (auto* refusal = std::get_if<Refusal>(&result)) {
      ADD_FAILURE() << "refused: " << to_string(refusal->code) << " " << refusal->subject;
      return {};
    }
    return std::get<Transition>(result);
  }
  RefusalCode refused(const Command& command) {
    auto result = run(command);
    if (!std::holds_alternative<Refusal>(result)) {
      ADD_FAILURE() << "accepted " << name_of(command);
      return RefusalCode::storage_failed;
    }
    return std::get<Refusal>(result).code;
  }
  std::string open_gv() { return ok(OpenSession{"gv", "p-lead", kLeaderPin, {}, {}}).subject; }
  // A network meeting its leader has taken on this screen (LeadMeeting).
  std::string open_nm() {
    const auto session = ok(OpenSession{"nm", "p-nl", kNetworkLeaderPin, {}, "fast"}).subject;
    ok(LeadMeeting{session, "p-nl", kNetworkLeaderPin});
    return session;
  }

  ManualClock clock_;
  SeededRandom random_;
  UlidFactory ids_;
  Tuning tuning_;
  TimeZone zone_{"Europe/Oslo"};
  protocol::RoomConfig config_ = testing::room_config();
  KioskState state_;
};

}  // namespace tavla::kiosk
