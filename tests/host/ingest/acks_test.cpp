// split_ack: a batch's ack to one device in messages within the protocol's
// limits, each rejection beside its id.
#include "tavla/host/ingest/acks.hpp"

#include <gtest/gtest.h>

#include <set>

#include "tavla/protocol/codec.hpp"

namespace tavla::host::ingest {
namespace {

std::string id(std::size_t i) {
  return "event-" + std::string(10 - std::to_string(i).size(), '0') + std::to_string(i);
}

TEST(SplitAck, KeepsEachRejectionInTheMessageOfItsId) {
  protocol::Ack ack;
  for (std::size_t i = 0; i < 1203; ++i) {
    ack.ids.push_back(id(i));
    if (i % 7 == 0) {
      ack.rejected.push_back({id(i), i % 2 == 0 ? "not_a_member" : "unknown_type"});
    }
  }
  const auto messages = split_ack(ack);
  ASSERT_EQ(messages.size(), 3U);  // 500 + 500 + 203
  std::vector<std::string> ids;
  std::vector<protocol::Rejection> rejected;
  for (const auto& m : messages) {
    EXPECT_FALSE(protocol::validate(m).has_value()) << protocol::validate(m)->message();
    ids.insert(ids.end(), m.ids.begin(), m.ids.end());
    rejected.insert(rejected.end(), m.rejected.begin(), m.rejected.end());
  }
  EXPECT_EQ(ids, ack.ids);
  EXPECT_EQ(rejected, ack.rejected);
  EXPECT_EQ(messages[2].ids.size(), 203U);
}

TEST(SplitAck, AnIdAckedTwiceIsRejectedOncePerMessage) {
  const protocol::Ack ack{{id(1), id(2), id(1), id(3), id(1)},
                          {{id(1), "unknown_type"}, {id(1), "unknown_type"}}};
  const auto messages = split_ack(ack, 2);
  ASSERT_EQ(messages.size(), 3U);
  EXPECT_EQ(messages[0].rejected, (std::vector<protocol::Rejection>{{id(1), "unknown_type"}}));
  EXPECT_EQ(messages[1].rejected, (std::vector<protocol::Rejection>{{id(1), "unknown_type"}}));
  EXPECT_EQ(messages[2].rejected, (std::vector<protocol::Rejection>{{id(1), "unknown_type"}}));
  EXPECT_TRUE(split_ack(protocol::Ack{}).empty());
}

}  // namespace
}  // namespace tavla::host::ingest
