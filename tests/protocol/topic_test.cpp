#include "tavla/protocol/topic.hpp"

#include <gtest/gtest.h>

namespace tavla::protocol {
namespace {

TEST(Topic, BuildsTheDocumentedScheme) {
  EXPECT_EQ(topic_for("stottepilar", "kiosk-1", Channel::events),
            "tavla/v1/stottepilar/kiosk-1/events");
  EXPECT_EQ(topic_for("s", "d", Channel::ack), "tavla/v1/s/d/ack");
  EXPECT_EQ(topic_for("s", "d", Channel::config), "tavla/v1/s/d/config");
  EXPECT_EQ(topic_for("s", "d", Channel::status), "tavla/v1/s/d/status");
}

TEST(Topic, ParsesWhatItBuilds) {
  for (const auto channel : {Channel::events, Channel::ack, Channel::config, Channel::status}) {
    const auto parsed = parse_topic(topic_for("stottepilar", "kiosk-1", channel));
    ASSERT_TRUE(parsed);
    EXPECT_EQ(parsed.value(), (Topic{"stottepilar", "kiosk-1", channel}));
  }
}

TEST(Topic, RejectsForeignAndMalformedTopics) {
  for (const char* topic :
       {"", "tavla", "tavla/v1/s/d", "tavla/v1/s/d/events/x", "tavla/v2/s/d/events",
        "other/v1/s/d/events", "tavla/v1/S/d/events", "tavla/v1/s/+/events", "tavla/v1/s/d/log",
        "tavla/v1//d/events", "/tavla/v1/s/d/events"}) {
    const auto parsed = parse_topic(topic);
    ASSERT_FALSE(parsed) << topic;
    EXPECT_EQ(parsed.error().code, ErrorCode::bad_topic);
    EXPECT_EQ(parsed.error().field, "topic");
  }
}

TEST(Topic, ChannelsAreQos1AndOnlyConfigAndStatusRetained) {
  EXPECT_EQ(spec_of(Channel::events).qos, 1);
  EXPECT_FALSE(spec_of(Channel::events).retained);
  EXPECT_FALSE(spec_of(Channel::ack).retained);
  EXPECT_TRUE(spec_of(Channel::config).retained);
  EXPECT_TRUE(spec_of(Channel::status).retained);
}

TEST(Topic, WildcardsAndSharedSubscriptions) {
  EXPECT_EQ(device_wildcard("stottepilar", Channel::events), "tavla/v1/stottepilar/+/events");
  EXPECT_EQ(shared_subscription("hosts", device_wildcard("s", Channel::status)),
            "$share/hosts/tavla/v1/s/+/status");
}

}  // namespace
}  // namespace tavla::protocol
