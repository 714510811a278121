// `tavla-host backup --config FILE [--force] BACKUP`: an online, consistent
// copy of the site's SQLite database (storage/backup.hpp), and beside it,
// in BACKUP.secrets/, the host's secrets (the config-signing key and the
// devices' secrets, host/secrets), marked to begin a new signing epoch when
// restored. Restoring is a file copy with the service stopped
// (docs/operator.md).
#include "commands.hpp"
#include "tavla/host/config/load.hpp"
#include "tavla/host/secrets/secrets.hpp"
#include "tavla/host/storage/backup.hpp"

namespace tavla::host::app {
namespace {

class BackupCommand final : public Command {
 public:
  explicit BackupCommand(CLI::App& app)
      : command_(app.add_subcommand(
            "backup", "an online, consistent copy of the SQLite database (PostgreSQL: pg_dump)")) {
    add_config_option(command_, options_);
    command_->add_flag("--force", force_, "replace FILE if it exists");
    command_->add_option("FILE", file_, "where the copy goes (refused if it exists)")->required();
  }
  [[nodiscard]] bool parsed() const override { return command_->parsed(); }

  int run(const CommandContext& context) override {
    const auto site = config::load_site(options_.config);
    const std::filesystem::path secrets_copy = file_ + ".secrets";
    if (force_) {
      std::filesystem::remove_all(secrets_copy);
    }
    const auto result = storage::backup_database(site.database_url, file_, force_);
    const bool secrets_copied = secrets::Secrets::copy_for_backup(site.secrets_dir, secrets_copy);
    context.log("backup: " + result.file.string() + " written (" + std::to_string(result.bytes) +
                " bytes, " + std::to_string(result.events) + " events, integrity_check ok)");
    context.log(secrets_copied
                    ? "backup: the secrets copied to " + secrets_copy.string() +
                          " (restored, they begin a new signing epoch)"
                    : "backup: no secrets in " + site.secrets_dir.string() + " yet, none copied");
    return 0;
  }

 private:
  CLI::App* command_;
  SiteOptions options_;
  std::string file_;
  bool force_ = false;
};

}  // namespace

std::unique_ptr<Command> add_backup_command(CLI::App& app) {
  return std::make_unique<BackupCommand>(app);
}

}  // namespace tavla::host::app
