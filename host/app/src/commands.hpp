// The commands of tavla-host, one file each (or one per group of
// subcommands). Each function registers its command on `app`; run_cli runs
// the one that was parsed.
#pragma once

#include <CLI/CLI.hpp>
#include <memory>

#include "command.hpp"

namespace tavla::host::app {

std::unique_ptr<Command> add_check_command(CLI::App& app);        // check_command.cpp
std::unique_ptr<Command> add_serve_command(CLI::App& app);        // serve_command.cpp
std::unique_ptr<Command> add_usage_command(CLI::App& app);        // usage_command.cpp
std::unique_ptr<Command> add_allocate_command(CLI::App& app);     // allocate_command.cpp
std::unique_ptr<Command> add_settle_command(CLI::App& app);       // allocate_command.cpp
std::unique_ptr<Command> add_devices_command(CLI::App& app);      // devices_command.cpp
std::unique_ptr<Command> add_quarantine_commands(CLI::App& app);  // quarantine_command.cpp
std::unique_ptr<Command> add_purchases_commands(CLI::App& app);   // purchases_command.cpp
std::unique_ptr<Command> add_attendance_commands(CLI::App& app);  // attendance_command.cpp
std::unique_ptr<Command> add_close_year_command(CLI::App& app);   // close_year_command.cpp
std::unique_ptr<Command> add_reopen_year_command(CLI::App& app);  // close_year_command.cpp
std::unique_ptr<Command> add_provisional_command(CLI::App& app);  // provisional_command.cpp
std::unique_ptr<Command> add_backup_command(CLI::App& app);       // backup_command.cpp

}  // namespace tavla::host::app
