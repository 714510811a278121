// What every tavla-host command shares: the interface run_cli dispatches
// through, what it hands a command (streams, log, clock, user), and the
// options and helpers most commands use.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <optional>
#include <ostream>
#include <string>

#include "tavla/host/config/site.hpp"
#include "tavla/host/report/table.hpp"
#include "tavla/host/storage/repositories.hpp"
#include "tavla/protocol/timestamp.hpp"

namespace tavla::host::app {

struct CommandContext {
  std::ostream& out;                            // data (tables)
  std::ostream& err;                            // warnings
  std::function<void(const std::string&)> log;  // timestamped lines on stderr
  std::function<protocol::Timestamp()> now;
  std::string user;  // who runs it: the default of --by
  // Asks a question on the terminal and returns the line answered; empty
  // (no function) when there is no terminal to ask.
  std::function<std::optional<std::string>(const std::string&)> ask;
};

// One subcommand, or a group of them (`purchases add|list`). The constructor
// registers its options on the app; run_cli runs the one that was parsed.
class Command {
 public:
  Command() = default;
  virtual ~Command() = default;
  // CLI11 holds pointers to the members options write to.
  Command(const Command&) = delete;
  Command& operator=(const Command&) = delete;
  Command(Command&&) = delete;
  Command& operator=(Command&&) = delete;

  [[nodiscard]] virtual bool parsed() const = 0;
  // Returns the exit code. Throws on failure; run_cli reports it.
  virtual int run(const CommandContext& context) = 0;
};

// --config (required) and, for reports, --format.
struct SiteOptions {
  std::string config;
  std::string format = "table";
};
void add_config_option(CLI::App* command, SiteOptions& options);
void add_format_option(CLI::App* command, SiteOptions& options);

// The site file loaded and its database opened (created and migrated if missing).
struct SiteData {
  explicit SiteData(const std::string& config_file);
  // The same, then the member lists imported into the registry
  // (ingest/registry.hpp) as of `context.now`, so a command run after a list
  // was edited bills by it: for commands that compute money or usage, and
  // corrections. An import that changed something is logged.
  SiteData(const std::string& config_file, const CommandContext& context);
  config::Site site;
  storage::Repositories repos;
};

// `table` in the --format asked for, in the site's locale.
void print(const report::Table& table, const SiteOptions& options, const config::Site& site,
           std::ostream& out);

// An invoice basis (allocate, settle, provisional): in `table` format a
// title line (the site, `title`, the date printed) above the table, a
// totals row below it, which sums every column of amounts, and headers and
// key names in the site's language (report_labels.hpp); csv and json as
// print, without either, so their contract stays one row per record.
void print_report(report::Table table, const SiteOptions& options, const config::Site& site,
                  const std::string& title, protocol::Date printed, std::ostream& out);

// Sequence gaps and events still waiting for their session, as warnings.
void warn_about_gaps(storage::Repositories& repos, std::ostream& err);
// On `err`, how many sessions of `year` the host dated by its receive time
// because their device's clock was doubted (ingest/device_clock.hpp).
void warn_about_device_clocks(storage::Repositories& repos, int year, std::ostream& err);

}  // namespace tavla::host::app
