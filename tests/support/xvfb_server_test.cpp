#include "tavla/testing/xvfb_server.hpp"

#include <gtest/gtest.h>

#include <filesystem>

namespace tavla::testing {
namespace {

TEST(XvfbServer, StartsOnAFreeDisplayAndStops) {
  std::string socket;
  {
    XvfbServer first;
    XvfbServer second({.width = 800, .height = 480});
    EXPECT_TRUE(first.running());
    EXPECT_TRUE(second.running());
    EXPECT_NE(first.number(), second.number());
    socket = "/tmp/.X11-unix/X" + std::to_string(first.number());
    EXPECT_TRUE(std::filesystem::exists(socket)) << socket;
  }
  EXPECT_FALSE(std::filesystem::exists(socket)) << socket;
}

}  // namespace
}  // namespace tavla::testing
