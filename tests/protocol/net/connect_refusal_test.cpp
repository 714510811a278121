// tavla::protocol_net: a refused connect in words, with the username.
#include "tavla/protocol/net/connect_refusal.hpp"

#include <gtest/gtest.h>

namespace tavla::protocol::net {
namespace {

TEST(ConnectRefusalTest, ARefusedLoginSaysNotAuthorisedWithTheUsername) {
  for (const int code : {4, 5, 134, 135}) {
    EXPECT_TRUE(is_login_refusal(code)) << code;
    const std::string text = describe_connect_refusal(code, std::string("kiosk-1"));
    EXPECT_TRUE(text.starts_with("not authorised")) << text;
    EXPECT_NE(text.find("'kiosk-1'"), std::string::npos) << text;
    EXPECT_EQ(text.find("code"), std::string::npos) << text;
  }
}

TEST(ConnectRefusalTest, AnAnonymousRefusalSaysToSetTheAccount) {
  const std::string text = describe_connect_refusal(5, std::nullopt);
  EXPECT_NE(text.find("anonymous"), std::string::npos) << text;
}

TEST(ConnectRefusalTest, OtherCodesAreNamedOrKeepTheirNumber) {
  EXPECT_FALSE(is_login_refusal(2));
  EXPECT_EQ(describe_connect_refusal(2, std::nullopt), "the broker refused the client id");
  EXPECT_EQ(describe_connect_refusal(3, std::nullopt), "the broker is unavailable");
  EXPECT_EQ(describe_connect_refusal(151, std::nullopt), "refused by the broker (code 151)");
}

}  // namespace
}  // namespace tavla::protocol::net
