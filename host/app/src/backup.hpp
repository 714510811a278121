// `tavla-host backup --config FILE [--force] BACKUP`: an online, consistent
// copy of the site's SQLite database (storage/backup.hpp). Restoring is a
// file copy with the service stopped (docs/operator.md).
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <string>

namespace tavla::host::app {

class BackupCommand {
 public:
  explicit BackupCommand(CLI::App& app);         // registers the subcommand on `app`
  BackupCommand(const BackupCommand&) = delete;  // CLI11 holds pointers to the members
  BackupCommand& operator=(const BackupCommand&) = delete;
  BackupCommand(BackupCommand&&) = delete;
  BackupCommand& operator=(BackupCommand&&) = delete;
  ~BackupCommand() = default;

  [[nodiscard]] bool parsed() const { return command_->parsed(); }
  // Runs it; returns the exit code. Throws on failure (the CLI reports it).
  int run(const std::function<void(const std::string&)>& log) const;

 private:
  CLI::App* command_;
  std::string config_;
  std::string file_;
  bool force_ = false;
};

}  // namespace tavla::host::app
