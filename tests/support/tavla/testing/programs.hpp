// The command line that runs one of our programs from a test. In a cross
// build (preset `pi`) the test itself runs under qemu, and the program it
// starts must too: the kernel here cannot exec an arm64 binary on its own.
#pragma once

#include <string>
#include <vector>

namespace tavla::testing {

// argv for `program` with `args`, prefixed by the build's emulator if any.
[[nodiscard]] std::vector<std::string> program_argv(const std::string& program,
                                                    const std::vector<std::string>& args = {});

}  // namespace tavla::testing
