// `tavla-host close-year --year Y`: freezes a year's usage and purchases as
// they are now; later events for it become adjustments.
#include "commands.hpp"
#include "tavla/host/usage/usage.hpp"

namespace tavla::host::app {
namespace {

class CloseYearCommand final : public Command {
 public:
  explicit CloseYearCommand(CLI::App& app)
      : command_(app.add_subcommand("close-year", "freeze a year's figures")) {
    add_config_option(command_, options_);
    command_->add_option("--year", year_)->required();
    command_->add_option("--by", by_);
  }
  [[nodiscard]] bool parsed() const override { return command_->parsed(); }

  int run(const CommandContext& context) override {
    SiteData data(options_.config, context);
    if (data.repos.usage().is_year_closed(year_)) {
      throw std::runtime_error(std::to_string(year_) + " is already closed");
    }
    const auto usage = usage::year_usage(data.site, data.repos, year_);
    std::vector<storage::FrozenUsage> rows;
    for (const auto& r : usage.rows) {
      const auto p = usage.purchased_hundredths.find(r.municipality);
      rows.push_back({r.municipality, r.group_guidance_sessions, r.attendance_units, r.enrollments,
                      r.meetings_attended, p == usage.purchased_hundredths.end() ? 0 : p->second});
    }
    const auto at = protocol::format_timestamp(context.now());
    storage::in_transaction(data.repos.db(), [&](storage::Transaction& tx) {
      data.repos.usage().close_year(tx, year_, rows, by_.empty() ? context.user : by_, at);
    });
    context.err << "tavla-host: " << year_ << " closed; later events for it become adjustments\n";
    return 0;
  }

 private:
  CLI::App* command_;
  SiteOptions options_;
  int year_ = 0;
  std::string by_;
};

}  // namespace

std::unique_ptr<Command> add_close_year_command(CLI::App& app) {
  return std::make_unique<CloseYearCommand>(app);
}

}  // namespace tavla::host::app
