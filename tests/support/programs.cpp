#include "tavla/testing/programs.hpp"

#include <string_view>

namespace tavla::testing {

std::vector<std::string> program_argv(const std::string& program,
                                      const std::vector<std::string>& args) {
  // TAVLA_PROGRAM_LAUNCHER is CMAKE_CROSSCOMPILING_EMULATOR as a '|' list,
  // empty in a native build.
  std::vector<std::string> argv;
  const std::string_view launcher = TAVLA_PROGRAM_LAUNCHER;
  std::size_t start = 0;
  while (start < launcher.size()) {
    const auto end = launcher.find('|', start);
    argv.emplace_back(launcher.substr(start, end == std::string_view::npos ? end : end - start));
    if (end == std::string_view::npos) {
      break;
    }
    start = end + 1;
  }
  argv.push_back(program);
  argv.insert(argv.end(), args.begin(), args.end());
  return argv;
}

}  // namespace tavla::testing
