// tavla-host: ingest, storage, usage and cost allocation for a site.
#include <CLI/CLI.hpp>
#include <iostream>

#include "tavla/build_info.hpp"
#include "tavla/protocol/limits.hpp"

int main(int argc, char** argv) {
  CLI::App app{"Tavla host: stores the rooms' events, aggregates usage, allocates costs"};
  app.set_version_flag("--version", std::string("tavla-host ") + tavla::build_info::kVersion +
                                        " (protocol v" + std::to_string(tavla::protocol::kVersion) +
                                        ")");
  CLI11_PARSE(app, argc, argv);
  std::cout << app.help();
  return 0;
}
