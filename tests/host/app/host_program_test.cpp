#include <gtest/gtest.h>

#include "tavla/testing/process.hpp"
#include "tavla/testing/programs.hpp"

namespace tavla::testing {
namespace {

TEST(HostProgram, PrintsItsVersion) {
  const auto result = run(program_argv(TAVLA_HOST, {"--version"}));
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_NE(result.out.find("tavla-host 0."), std::string::npos) << result.out;
}

TEST(HostProgram, PrintsHelp) {
  const auto result = run(program_argv(TAVLA_HOST, {"--help"}));
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_NE(result.out.find("--version"), std::string::npos) << result.out;
}

TEST(HostProgram, RefusesAnUnknownOption) {
  const auto result = run(program_argv(TAVLA_HOST, {"--no-such-option"}));
  EXPECT_NE(result.exit_code, 0);
  EXPECT_NE(result.err.find("no-such-option"), std::string::npos) << result.err;
}

}  // namespace
}  // namespace tavla::testing
