// tavla-host: ingest, storage, usage and cost allocation for a site.
#include "tavla/host/app/cli.hpp"

int main(int argc, char** argv) {
  return tavla::host::app::run_cli(argc, argv);
}
