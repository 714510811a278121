// Behaviour of the codec beyond the golden vectors: compatibility rules,
// validation of values built in memory, and the exact bytes of the will.
#include "tavla/protocol/codec.hpp"

#include <gtest/gtest.h>

#include "tavla/protocol/limits.hpp"
#include "tavla/protocol/topic.hpp"

namespace tavla::protocol {
namespace {

using namespace std::chrono;

Event check_in_event() {
  Event event;
  event.id = "01JD0Z8X4C5N8E2Q7T9V3W6Y1A";
  event.device = "kiosk-1";
  event.epoch = "01JD0Y4K7M2P9R3S5T8V0W1X2Y";
  event.seq = 42;
  event.ts = sys_days{2026y / November / 27} + 9h + 3min + 12s + 345ms;
  event.body = CheckedIn{"s-1",
                         "p-0042",
                         CheckInMethod::roster,
                         {Affiliation::Kind::municipality, "nannestad"},
                         std::nullopt};
  return event;
}

TEST(Codec, EncodesTheEnvelopeInDocumentedOrder) {
  EXPECT_EQ(encode(check_in_event()),
            R"({"v":1,"id":"01JD0Z8X4C5N8E2Q7T9V3W6Y1A","device":"kiosk-1",)"
            R"("epoch":"01JD0Y4K7M2P9R3S5T8V0W1X2Y","seq":42,"ts":"2026-11-27T09:03:12.345Z",)"
            R"("type":"attendance.checked_in","body":{"session":"s-1","participant":"p-0042",)"
            R"("method":"roster","municipality":"nannestad"}})");
}

TEST(Codec, UnknownExtraFieldsAreIgnored) {
  std::string bytes = encode(check_in_event());
  bytes.insert(bytes.find(R"("body":{)") + 8, R"("mood":"happy",)");
  bytes.insert(1, R"("priority":{"level":3},)");
  const auto decoded = decode_event(bytes);
  ASSERT_TRUE(decoded) << decoded.error().message();
  EXPECT_EQ(decoded.value(), check_in_event());
}

TEST(Codec, ValidateCatchesWhatDecodeWouldRefuse) {
  Event event = check_in_event();
  EXPECT_FALSE(validate(event));
  std::get<CheckedIn>(event.body).participant = "Kari Nordmann";
  const auto error = validate(event);
  ASSERT_TRUE(error);
  EXPECT_EQ(error->code, ErrorCode::out_of_bounds);
  EXPECT_EQ(error->field, "body.participant");
  // And the host would refuse the same bytes the same way.
  const auto decoded = decode_event(encode(event));
  ASSERT_FALSE(decoded);
  EXPECT_EQ(decoded.error(), *error);
}

TEST(Codec, TextAtTheLimitPassesOneByteMoreFails) {
  Event event = check_in_event();
  event.body = DecisionRecorded{"s-1", "sak-1", "d-1", std::string(kMaxTextBytes, 'x')};
  EXPECT_TRUE(decode_event(encode(event)));
  std::get<DecisionRecorded>(event.body).text.push_back('x');
  EXPECT_FALSE(decode_event(encode(event)));
}

TEST(Codec, EventAtTheSizeLimitIsAccepted) {
  std::string bytes = encode(check_in_event());
  bytes.resize(kMaxEventBytes, ' ');
  EXPECT_TRUE(decode_event(bytes));
  bytes.push_back(' ');
  EXPECT_EQ(decode_event(bytes).error().code, ErrorCode::too_large);
}

TEST(Codec, TheWillIsExactlyTheDocumentedMessage) {
  EXPECT_EQ(encode(Status{}), R"({"v":1,"online":false})");
  const auto decoded = decode_status(R"({"v":1,"online":false})");
  ASSERT_TRUE(decoded);
  EXPECT_FALSE(decoded.value().online);
}

TEST(Codec, StatusTopicChecksChannel) {
  const std::string bytes = encode(Status{});
  EXPECT_TRUE(decode_status(topic_for("s", "kiosk-1", Channel::status), bytes));
  EXPECT_EQ(decode_status(topic_for("s", "kiosk-1", Channel::events), bytes).error().code,
            ErrorCode::bad_topic);
}

TEST(Codec, AckRoundTripsAtItsLimit) {
  Ack ack;
  for (std::size_t i = 0; i < kMaxAckIds; ++i) {
    ack.ids.push_back("01JD0Z8X4C5N8E2Q7T9V" + std::to_string(100000 + i));
  }
  const std::string bytes = encode(ack);
  EXPECT_LE(bytes.size(), kMaxAckBytes);
  const auto decoded = decode_ack(topic_for("s", "kiosk-1", Channel::ack), bytes);
  ASSERT_TRUE(decoded) << decoded.error().message();
  EXPECT_EQ(decoded.value(), ack);
}

TEST(Codec, InvalidUtf8InAValueIsReplacedNotThrown) {
  Event event = check_in_event();
  event.body = DecisionRecorded{"s-1", "sak-1", "d-1", "bad \xff byte"};
  std::string bytes;
  EXPECT_NO_THROW(bytes = encode(event));
  EXPECT_TRUE(validate(event));
  EXPECT_EQ(validate(event)->code, ErrorCode::invalid_utf8);
}

TEST(Codec, DecodersNeverThrowOnStrangeButWellFormedJson) {
  for (const char* payload : {"{}", "null", "1", "\"x\"", "[]", R"({"v":null})",
                              R"({"v":1,"type":null})", R"({"v":18446744073709551616})",
                              R"({"v":-1})", R"({"v":1.0})", R"({"v":1,"ids":[null]})"}) {
    EXPECT_NO_THROW({
      EXPECT_FALSE(decode_event(payload)) << payload;
      EXPECT_FALSE(decode_ack(payload)) << payload;
      EXPECT_FALSE(decode_status(payload)) << payload;
      EXPECT_FALSE(decode_config(payload)) << payload;
    });
  }
}

}  // namespace
}  // namespace tavla::protocol
