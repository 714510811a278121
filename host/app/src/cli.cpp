// run_cli: wires the commands (commands.hpp) to CLI11 and runs the one named.
#include "tavla/host/app/cli.hpp"

#include <unistd.h>
#include <CLI/CLI.hpp>
#include <cstdlib>
#include <iostream>
#include <optional>

#include "commands.hpp"
#include "tavla/build_info.hpp"
#include "tavla/protocol/limits.hpp"

namespace tavla::host::app {
namespace {

protocol::Timestamp now() {
  return std::chrono::time_point_cast<std::chrono::milliseconds>(std::chrono::system_clock::now());
}

void log_line(const std::string& text) {
  std::cerr << protocol::format_timestamp(now()) << " tavla-host: " << text << std::endl;
}

// Who made a correction or a purchase entry, for the audit trail.
std::string current_user() {
  for (const char* name : {"SUDO_USER", "USER", "LOGNAME"}) {
    // NOLINTNEXTLINE(concurrency-mt-unsafe): nothing in tavla-host calls setenv
    const char* v = std::getenv(name);
    if (v != nullptr && *v != '\0') {
      return v;
    }
  }
  return "unknown";
}

// A question answered on the terminal, or none when stdin is not one (a
// script, a cron job): commands that must be confirmed then refuse.
std::function<std::optional<std::string>(const std::string&)> terminal_question() {
  if (isatty(STDIN_FILENO) == 0) {
    return nullptr;
  }
  return [](const std::string& question) -> std::optional<std::string> {
    std::cerr << question << std::flush;
    std::string answer;
    if (!std::getline(std::cin, answer)) {
      return std::nullopt;
    }
    return answer;
  };
}

}  // namespace

int run_cli(int argc, char** argv) {
  CLI::App app{"Tavla host: stores the rooms' events, aggregates usage, allocates costs"};
  app.set_version_flag("--version", std::string("tavla-host ") + build_info::kVersion +
                                        " (protocol v" + std::to_string(protocol::kVersion) + ")");
  // Not require_subcommand: CLI11 would report a missing subcommand before
  // an unknown option, hiding the real mistake.
  std::vector<std::unique_ptr<Command>> commands;
  for (auto* add : {add_check_command, add_serve_command, add_usage_command, add_allocate_command,
                    add_settle_command, add_devices_command, add_quarantine_commands,
                    add_purchases_commands, add_attendance_commands, add_close_year_command,
                    add_reopen_year_command, add_provisional_command, add_backup_command}) {
    commands.push_back(add(app));
  }
  CLI11_PARSE(app, argc, argv);
  if (app.get_subcommands().empty()) {
    std::cerr << app.help() << "tavla-host: name a command\n";
    return 2;
  }
  const CommandContext context{std::cout, std::cerr,      log_line,
                               now,       current_user(), terminal_question()};
  try {
    for (const auto& command : commands) {
      if (command->parsed()) {
        return command->run(context);
      }
    }
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "tavla-host: " << e.what() << "\n";
    return 1;
  }
}

}  // namespace tavla::host::app
