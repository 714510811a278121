#include <gtest/gtest.h>

#include "tavla/testing/process.hpp"
#include "tavla/testing/programs.hpp"

namespace tavla::testing {
namespace {

TEST(KioskProgram, PrintsItsVersion) {
  const auto result = run(program_argv(TAVLA_KIOSK, {"--version"}));
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_NE(result.out.find("tavla-kiosk 0."), std::string::npos) << result.out;
}

TEST(KioskProgram, PrintsHelp) {
  const auto result = run(program_argv(TAVLA_KIOSK, {"--help"}));
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_NE(result.out.find("--version"), std::string::npos) << result.out;
}

TEST(KioskProgram, RefusesAnUnknownOption) {
  const auto result = run(program_argv(TAVLA_KIOSK, {"--no-such-option"}));
  EXPECT_NE(result.exit_code, 0);
  EXPECT_NE(result.err.find("no-such-option"), std::string::npos) << result.err;
}

}  // namespace
}  // namespace tavla::testing
