#include "backup.hpp"

#include "tavla/host/config/load.hpp"
#include "tavla/host/storage/backup.hpp"

namespace tavla::host::app {

BackupCommand::BackupCommand(CLI::App& app)
    : command_(app.add_subcommand(
          "backup", "an online, consistent copy of the SQLite database (PostgreSQL: pg_dump)")) {
  command_->add_option("--config", config_, "the site's TOML file")->required();
  command_->add_flag("--force", force_, "replace FILE if it exists");
  command_->add_option("FILE", file_, "where the copy goes (refused if it exists)")->required();
}

int BackupCommand::run(const std::function<void(const std::string&)>& log) const {
  const auto site = config::load_site(config_);
  const auto result = storage::backup_database(site.database_url, file_, force_);
  log("backup: " + result.file.string() + " written (" + std::to_string(result.bytes) + " bytes, " +
      std::to_string(result.events) + " events, integrity_check ok)");
  return 0;
}

}  // namespace tavla::host::app
