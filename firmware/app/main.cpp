// tavla-kiosk: the meeting-room touchscreen appliance.
#include <CLI/CLI.hpp>
#include <iostream>

#include "tavla/build_info.hpp"
#include "tavla/protocol/limits.hpp"

int main(int argc, char** argv) {
  CLI::App app{"Tavla kiosk: check-in and meeting agenda on the room's touchscreen"};
  app.set_version_flag("--version", std::string("tavla-kiosk ") + tavla::build_info::kVersion +
                                        " (protocol v" + std::to_string(tavla::protocol::kVersion) +
                                        ")");
  CLI11_PARSE(app, argc, argv);
  std::cout << app.help();
  return 0;
}
