// `tavla-host allocate --year Y [--explain M]` and `tavla-host settle --year Y`:
// the allocation engine over the year's usage (allocation_tables.hpp).
#include "allocation_tables.hpp"
#include "commands.hpp"
#include "tavla/host/config/schedule.hpp"

namespace tavla::host::app {
namespace {

class AllocateCommand final : public Command {
 public:
  explicit AllocateCommand(CLI::App& app)
      : command_(app.add_subcommand("allocate", "the year's costs split per municipality")) {
    add_config_option(command_, options_);
    add_format_option(command_, options_);
    command_->add_option("--year", year_)->required();
    command_->add_option("--explain", explain_,
                         "a municipality: the numbers behind its amount, down to the sessions");
  }
  [[nodiscard]] bool parsed() const override { return command_->parsed(); }

  int run(const CommandContext& context) override {
    SiteData data(options_.config, context);
    warn_about_gaps(data.repos, context.err);
    warn_about_device_clocks(data.repos, year_, context.err);
    if (explain_.empty()) {
      print_report(allocate_table(data.site, data.repos, year_, context.err), options_, data.site,
                   "allocate " + std::to_string(year_), config::oslo_date(context.now()),
                   context.out);
      return 0;
    }
    if (data.site.municipality(explain_) == nullptr) {
      throw std::runtime_error("--explain: unknown municipality '" + explain_ + "'");
    }
    print(explain_table(data.site, data.repos, year_, explain_, context.err), options_, data.site,
          context.out);
    return 0;
  }

 private:
  CLI::App* command_;
  SiteOptions options_;
  int year_ = 0;
  std::string explain_;
};

class SettleCommand final : public Command {
 public:
  explicit SettleCommand(CLI::App& app)
      : command_(app.add_subcommand("settle", "year-end settlement against the provisional")) {
    add_config_option(command_, options_);
    add_format_option(command_, options_);
    command_->add_option("--year", year_)->required();
    command_->add_option("--explain", explain_,
                         "a municipality: how its final figure and adjustments came about");
  }
  [[nodiscard]] bool parsed() const override { return command_->parsed(); }

  int run(const CommandContext& context) override {
    SiteData data(options_.config, context);
    warn_about_gaps(data.repos, context.err);
    warn_about_device_clocks(data.repos, year_, context.err);
    if (!explain_.empty()) {
      if (data.site.municipality(explain_) == nullptr) {
        throw std::runtime_error("--explain: unknown municipality '" + explain_ + "'");
      }
      print(settle_explain_table(data.site, data.repos, year_, explain_, context.err), options_,
            data.site, context.out);
      return 0;
    }
    print_report(settle_table(data.site, data.repos, year_, context.err), options_, data.site,
                 "settle " + std::to_string(year_), config::oslo_date(context.now()), context.out);
    return 0;
  }

 private:
  CLI::App* command_;
  SiteOptions options_;
  int year_ = 0;
  std::string explain_;
};

}  // namespace

std::unique_ptr<Command> add_allocate_command(CLI::App& app) {
  return std::make_unique<AllocateCommand>(app);
}

std::unique_ptr<Command> add_settle_command(CLI::App& app) {
  return std::make_unique<SettleCommand>(app);
}

}  // namespace tavla::host::app
