// The command line of tavla-host (CLI11). main() only calls run_cli.
#pragma once

namespace tavla::host::app {

// Parses the arguments and runs the command; returns the exit code.
// Data goes to stdout, logs and errors to stderr.
int run_cli(int argc, char** argv);

}  // namespace tavla::host::app
