// What the admin screen says of the host's rejections: a text of its own, in
// every language, for every code the protocol defines and every event type of
// this build (found from the protocol, so a new one without text fails here),
// and the raw code or type for what a newer host sends.
#include "tavla/ui/host_rejections.hpp"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>

#include "tavla/protocol/error.hpp"
#include "tavla/protocol/event.hpp"
#include "tavla/protocol/messages.hpp"

namespace tavla::ui {
namespace {

std::vector<std::string> every_code() {
  std::vector<std::string> codes;
  for (const auto code : protocol::all_error_codes()) {
    codes.emplace_back(protocol::to_string(code));
  }
  for (const auto code : protocol::all_rejection_codes()) {
    codes.emplace_back(protocol::to_string(code));
  }
  return codes;
}

TEST(HostRejections, EveryCodeHasATextOfItsOwnInEveryLanguage) {
  const auto codes = every_code();
  ASSERT_EQ(codes.size(),
            protocol::all_error_codes().size() + protocol::all_rejection_codes().size());
  std::set<T> keys;
  for (const auto& code : codes) {
    const auto key = rejection_reason_key(code);
    ASSERT_TRUE(key) << code;
    EXPECT_NE(*key, T::rejected_other) << code;
    EXPECT_TRUE(keys.insert(*key).second) << code << " shares its text";
    for (const auto language : kLanguages) {
      const Catalogue text(language);
      EXPECT_EQ(rejection_reason_text(text, code), text(*key)) << code;
      EXPECT_EQ(rejection_reason_text(text, code).find(code), std::string::npos)
          << code << " in " << code_of(language) << " shows the code, not a sentence";
    }
  }
}

TEST(HostRejections, EveryEventTypeIsNamedByItsFamily) {
  std::set<T> keys;
  for (const auto type : protocol::event_types()) {
    const auto key = event_type_key(type);
    ASSERT_TRUE(key) << type << ": a family without a text";
    EXPECT_NE(*key, T::event_other) << type;
    keys.insert(*key);
  }
  EXPECT_EQ(keys.size(), 4U) << "session, attendance, agenda, minutes";
  EXPECT_EQ(event_type_text(Catalogue(Language::nb), "attendance.checked_in"), "Oppmøte");
  EXPECT_EQ(event_type_text(Catalogue(Language::en), "minutes.action_done"), "Minutes");
  // A newer type of a known family is named by its family.
  EXPECT_EQ(event_type_key("agenda.item_paused"), T::event_kind_agenda);
}

TEST(HostRejections, WhatThisBuildDoesNotKnowIsShownAsItIs) {
  EXPECT_FALSE(rejection_reason_key("some_new_rule"));
  EXPECT_FALSE(event_type_key("payments.refunded"));
  EXPECT_FALSE(event_type_key("notype"));
  EXPECT_EQ(rejection_reason_text(Catalogue(Language::nb), "some_new_rule"),
            "Ukjent grunn (some_new_rule).");
  EXPECT_EQ(rejection_reason_text(Catalogue(Language::nn), "some_new_rule"),
            "Ukjend grunn (some_new_rule).");
  EXPECT_EQ(event_type_text(Catalogue(Language::en), "payments.refunded"),
            "Event (payments.refunded)");
}

}  // namespace
}  // namespace tavla::ui
