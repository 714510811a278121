#include "tavla/testing/process.hpp"

#include <signal.h>

#include <gtest/gtest.h>

namespace tavla::testing {
namespace {

TEST(Process, RunCapturesOutputAndExitCode) {
  const auto result = run({"/bin/sh", "-c", "cat; echo oops >&2; exit 3"}, "input");
  EXPECT_EQ(result.exit_code, 3);
  EXPECT_EQ(result.out, "input");
  EXPECT_EQ(result.err, "oops\n");
}

TEST(Process, EnvironmentOverridesReachTheChild) {
  const auto result = run({"/bin/sh", "-c", "printf %s \"$TAVLA_X\""}, "", std::chrono::seconds(5),
                          {{"TAVLA_X", "42"}});
  EXPECT_EQ(result.out, "42");
}

TEST(Process, StopDeliversTheSignal) {
  Process sleeper({{"/bin/sleep", "30"}, {}, {}, {}, {}});
  EXPECT_TRUE(sleeper.running());
  const auto status = sleeper.stop(SIGTERM);
  ASSERT_TRUE(status.has_value());
  EXPECT_EQ(Process::exit_code(*status), -SIGTERM);
}

TEST(Process, RunTimesOutAKilledChild) {
  const auto result = run({"/bin/sleep", "30"}, "", std::chrono::milliseconds(100));
  EXPECT_EQ(result.exit_code, -SIGKILL);
}

}  // namespace
}  // namespace tavla::testing
