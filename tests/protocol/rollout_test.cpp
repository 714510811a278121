// The rollout rule of protocol/README.md ("Versions and rollout"): what a
// newer or older peer sends must be read the way the rule promises.
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <variant>

#include "tavla/protocol/codec.hpp"
#include "tavla/protocol/limits.hpp"
#include "tavla/protocol/signed_config.hpp"
#include "tavla/protocol/topic.hpp"

namespace tavla::protocol {
namespace {

const std::string kEvent =
    R"({"v":1,"id":"01JD0Z8X4C5N8E2Q7T9V3W6Y03","device":"kiosk-1","epoch":"01JD0Y4K7M2P9R3S5T8V0W1X2Y","seq":3,"ts":"2026-11-27T09:03:12.345Z","type":"attendance.checked_out","body":{"session":"01JD0Z6B3HS2026112709GV01","participant":"p-0042"}})";

TEST(Rollout, EventTypesAreTheVariantsTable) {
  const auto types = event_types();
  EXPECT_EQ(types.size(), std::variant_size_v<EventBody>);
  const std::set<std::string_view> distinct(types.begin(), types.end());
  EXPECT_EQ(distinct.size(), types.size());
  EXPECT_EQ(types.front(), SessionOpened::kType);
  EXPECT_EQ(type_of(EventBody{Retracted{}}), Retracted::kType);
}

TEST(Rollout, AnEventOfATypeThisBuildDoesNotKnowIsUnknownTypeWithItsIdReadable) {
  std::string newer = kEvent;
  newer.replace(newer.find("attendance.checked_out"), 22, "attendance.teleported");
  const auto decoded = decode_event(newer);
  ASSERT_FALSE(decoded);
  EXPECT_EQ(decoded.error().code, ErrorCode::unknown_type);
  EXPECT_EQ(decoded.error().field, "type");
}

TEST(Rollout, ANewOptionalFieldStaysInVersionOneAndIsIgnoredByAnOlderReader) {
  std::string newer = kEvent;
  newer.replace(newer.find(R"("participant":"p-0042")"), 22,
                R"("participant":"p-0042","reason_added_later":"x")");
  const auto old_form = decode_event(kEvent);
  const auto new_form = decode_event(newer);
  ASSERT_TRUE(old_form) << old_form.error().message();
  ASSERT_TRUE(new_form) << new_form.error().message();
  EXPECT_EQ(new_form.value(), old_form.value());
}

TEST(Rollout, TheTopicLevelComesFromTheOneConstant) {
  const std::string prefix = "tavla/v" + std::to_string(kTopicVersion) + "/";
  EXPECT_TRUE(topic_for("s", "d", Channel::events).starts_with(prefix));
  EXPECT_TRUE(parse_topic(prefix + "s/d/events"));
  EXPECT_FALSE(parse_topic("tavla/v" + std::to_string(kTopicVersion + 1) + "/s/d/events"));
}

TEST(Rollout, AStatusAnnouncesTheConfigVersionsItReads) {
  Status status{true,
                "0.2.0",
                0,
                true,
                std::nullopt,
                std::vector<std::uint64_t>(kConfigVersions.begin(), kConfigVersions.end())};
  const auto decoded = decode_status(encode(status));
  ASSERT_TRUE(decoded) << decoded.error().message();
  EXPECT_EQ(decoded.value(), status);
  // An older kiosk says nothing: the field stays absent, not empty.
  status.versions.reset();
  EXPECT_EQ(encode(status).find("versions"), std::string::npos);
  EXPECT_FALSE(decode_status(encode(status)).value().versions);
}

TEST(Rollout, TheHostPublishesTheNewestConfigVersionBothSidesRead) {
  EXPECT_EQ(config_version_for(std::nullopt), 1U) << "a kiosk that announces nothing reads 1";
  EXPECT_EQ(config_version_for(std::vector<std::uint64_t>{1}), 1U);
  EXPECT_EQ(config_version_for(std::vector<std::uint64_t>{1, 99}), 1U)
      << "the newest version both read, not the newest either reads";
  EXPECT_EQ(config_version_for(std::vector<std::uint64_t>{1, 2, 99}), kConfigVersions.back())
      << "a newer kiosk still gets the newest version this host writes";
  EXPECT_FALSE(config_version_for(std::vector<std::uint64_t>{99})) << "nothing in common";
}

TEST(Rollout, AConfigIsWrittenInTheVersionAskedAndAnUnknownVersionIsRefused) {
  RoomConfig config;
  config.site = "stottepilar";
  config.device = "kiosk-1";
  config.room = "Rom 1";
  config.rev = 3;
  for (const std::uint64_t version : kConfigVersions) {
    RoomConfig in_version = config;
    if (version >= kSignedConfigVersion) {
      in_version.signing_epoch = 5;  // version 2 requires one, version 1 has none
    }
    const std::string bytes = encode(in_version, version);
    EXPECT_TRUE(bytes.starts_with(R"({"v":)" + std::to_string(version) + ","));
    const auto decoded = decode_config(bytes);
    ASSERT_TRUE(decoded) << decoded.error().message();
    EXPECT_EQ(decoded.value(), in_version);
  }
  std::string future = encode(config);
  future.replace(0, 6, R"({"v":99)");
  const auto refused = decode_config(future);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::unsupported_version);
}

TEST(Rollout, AKioskThatReadsTheSignedVersionGetsIt) {
  EXPECT_EQ(config_version_for(std::vector<std::uint64_t>{1, 2}), kSignedConfigVersion);
  EXPECT_EQ(config_version_for(std::vector<std::uint64_t>{2}), kSignedConfigVersion)
      << "a kiosk that accepts signed configs only";
  EXPECT_EQ(config_version_for(std::nullopt), 1U) << "an old kiosk keeps getting version 1";
}

TEST(Rollout, EachVersionCarriesItsOwnPinFormatAndOnlyTwoAnEpoch) {
  RoomConfig config;
  config.site = "stottepilar";
  config.device = "kiosk-1";
  config.room = "Rom 1";
  config.rev = 3;
  config.signing_epoch = 7;
  config.municipalities = {{"nannestad", "Nannestad"}};
  Member member{"p-1", "Kari N.", {Affiliation::Kind::municipality, "nannestad"}, {}, {}, false};
  member.pin_hash = "sha256:8f14e45fceea167a:" + std::string(64, 'a');
  member.pin_verifier =
      "$argon2id$v=19$m=19456,t=2,p=1$dGF2bGEtdGVzdC1zYWx0MA$"
      "xiL2smkoR2KW/ZHBDgCT5uTUPWbUkNYr8kXPumF8wbw";
  config.groups = {{"gv", "Gruppe", SessionKind::group_guidance, {member}}};
  const std::string v1 = encode(config, 1);
  const std::string v2 = encode(config, kSignedConfigVersion);
  EXPECT_NE(v1.find("pin_hash"), std::string::npos);
  EXPECT_EQ(v1.find("pin_verifier"), std::string::npos);
  EXPECT_EQ(v1.find("signing_epoch"), std::string::npos);
  EXPECT_EQ(v2.find("pin_hash"), std::string::npos) << "a weak hash never travels signed";
  EXPECT_NE(v2.find("pin_verifier"), std::string::npos);
  EXPECT_NE(v2.find(R"("rev":3,"signing_epoch":7,)"), std::string::npos);
  // Each reader reads its own version's field only.
  EXPECT_FALSE(decode_config(v1).value().groups[0].members[0].pin_verifier);
  EXPECT_FALSE(decode_config(v2).value().groups[0].members[0].pin_hash);
}

TEST(Rollout, ANewOptionalFieldInTheSignedBytesIsIgnoredByAnOlderReader) {
  RoomConfig config;
  config.site = "stottepilar";
  config.device = "kiosk-1";
  config.room = "Rom 1";
  config.rev = 3;
  config.signing_epoch = 7;
  const std::string bytes = encode(config, kSignedConfigVersion);
  std::string newer = bytes;
  newer.insert(newer.size() - 1, R"(,"quiet_hours":{"from":"22:00"})");
  const auto decoded = decode_config(newer);
  ASSERT_TRUE(decoded) << decoded.error().message();
  EXPECT_EQ(decoded.value(), config);
}

TEST(Rollout, AStatusCountsRefusedConfigsOnlyWhenItSaysSo) {
  Status status{true, "0.3.0", 0, true, std::nullopt, std::vector<std::uint64_t>{2}, 4};
  const auto decoded = decode_status(encode(status));
  ASSERT_TRUE(decoded) << decoded.error().message();
  EXPECT_EQ(decoded.value(), status);
  status.configs_refused.reset();
  EXPECT_EQ(encode(status).find("configs_refused"), std::string::npos);
}

TEST(Rollout, AnAckSaysWhichEventsWereRejectedAndWhy) {
  const Ack ack{{"01JD0Z8X4C5N8E2Q7T9V3W6Y01", "01JD0Z8X4C5N8E2Q7T9V3W6Y02"},
                {{"01JD0Z8X4C5N8E2Q7T9V3W6Y02", std::string(to_string(ErrorCode::unknown_type))}}};
  ASSERT_FALSE(validate(ack));
  const auto decoded = decode_ack(encode(ack));
  ASSERT_TRUE(decoded) << decoded.error().message();
  EXPECT_EQ(decoded.value(), ack);
  // Without rejections the ack is what an older kiosk knows.
  EXPECT_EQ(encode(Ack{{"01JD0Z8X4C5N8E2Q7T9V3W6Y01"}, {}}),
            R"({"v":1,"ids":["01JD0Z8X4C5N8E2Q7T9V3W6Y01"]})");
}

TEST(Rollout, EveryRejectionCodeTravelsInAnAck) {
  const auto codes = all_rejection_codes();
  ASSERT_FALSE(codes.empty());
  std::set<std::string_view> names;
  for (const auto code : codes) {
    names.insert(to_string(code));
    const Ack ack{{"01JD0Z8X4C5N8E2Q7T9V3W6Y01"},
                  {{"01JD0Z8X4C5N8E2Q7T9V3W6Y01", std::string(to_string(code))}}};
    EXPECT_FALSE(validate(ack)) << to_string(code);
    EXPECT_FALSE(error_code_from_string(to_string(code)))
        << "a host rule's code is not a decode error's";
  }
  EXPECT_EQ(names.size(), codes.size());
  // A code a newer host adds still decodes on an older kiosk.
  EXPECT_TRUE(decode_ack(
      R"({"v":1,"ids":["01JD0Z8X4C5N8E2Q7T9V3W6Y01"],"rejected":[{"id":"01JD0Z8X4C5N8E2Q7T9V3W6Y01","code":"added_in_a_later_host"}]})"));
}

}  // namespace
}  // namespace tavla::protocol
