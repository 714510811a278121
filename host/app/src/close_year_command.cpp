// `tavla-host close-year --year Y` and `reopen-year --year Y --reason …`:
// freezes a year's usage, purchases, plan and populations (frozen_year.hpp)
// once it has ended and its actual costs are in; later events for it become
// adjustments of the next year. Reopening is audited and ends once the next
// year is closed.
#include <algorithm>

#include "commands.hpp"
#include "frozen_year.hpp"
#include "tavla/host/config/schedule.hpp"
#include "tavla/host/usage/usage.hpp"

namespace tavla::host::app {
namespace {

std::vector<storage::FrozenUsage> frozen_usage(const config::Site& site,
                                               storage::Repositories& repos, int year) {
  const auto usage = usage::year_usage(site, repos, year);
  std::vector<storage::FrozenUsage> rows;
  for (const auto& r : usage.rows) {
    const auto p = usage.purchased_hundredths.find(r.municipality);
    rows.push_back({r.municipality, r.group_guidance_sessions, r.attendance_units, r.enrollments,
                    r.meetings_attended, p == usage.purchased_hundredths.end() ? 0 : p->second});
  }
  return rows;
}

class CloseYearCommand final : public Command {
 public:
  explicit CloseYearCommand(CLI::App& app)
      : command_(app.add_subcommand("close-year", "freeze a year's figures")) {
    add_config_option(command_, options_);
    command_->add_option("--year", year_)->required();
    command_->add_option("--by", by_);
    command_->add_flag("--yes", yes_, "close without asking (scripts)");
    command_->add_flag("--provisional-only", provisional_only_,
                       "close although a part has no actual cost: its budget is final");
  }
  [[nodiscard]] bool parsed() const override { return command_->parsed(); }

  int run(const CommandContext& context) override {
    SiteData data(options_.config, context);
    const std::string year = std::to_string(year_);
    if (data.repos.usage().is_year_closed(year_)) {
      throw std::runtime_error(year + " is already closed");
    }
    if (static_cast<int>(config::oslo_date(context.now()).year()) <= year_) {
      throw std::runtime_error("--year: " + year + " has not ended (Europe/Oslo); close it from " +
                               std::to_string(year_ + 1) + "-01-01");
    }
    const auto figures = current_figures(data.site, data.repos, year_, context.err);
    refuse_missing_actuals(figures.plan.plan);
    if (!yes_ && !confirmed(context)) {
      return 2;
    }
    const auto rows = frozen_usage(data.site, data.repos, year_);
    const auto at = protocol::format_timestamp(context.now());
    storage::in_transaction(data.repos.db(), [&](storage::Transaction& tx) {
      data.repos.usage().close_year(tx, year_, rows, by_.empty() ? context.user : by_, at);
      data.repos.usage().store_frozen_figures(tx, year_, to_json(figures));
    });
    context.err << "tavla-host: " << year
                << " closed: its plan, populations and usage are frozen; later events for it "
                   "become adjustments\n";
    return 0;
  }

 private:
  void refuse_missing_actuals(const allocation::Plan& plan) const {
    if (provisional_only_) {
      return;
    }
    const auto it = std::find_if(plan.parts.begin(), plan.parts.end(),
                                 [](const allocation::Part& p) { return !p.actual; });
    if (it != plan.parts.end()) {
      throw std::runtime_error("the plan of " + std::to_string(year_) +
                               " has no actual for part \"" + it->name +
                               "\"; enter the year's actual costs (actual = …), or close on the "
                               "budget with --provisional-only");
    }
  }

  // Asks on the terminal; without one, refuses and names --yes (exit 2).
  bool confirmed(const CommandContext& context) const {
    const std::string year = std::to_string(year_);
    if (!context.ask) {
      context.err << "tavla-host: close-year: not on a terminal, so nobody can confirm; add --yes "
                     "to close "
                  << year << "\n";
      return false;
    }
    const auto answer = context.ask("Close " + year +
                                    "? Its figures are then frozen for good (reopen-year is "
                                    "audited). Type yes: ");
    if (answer != "yes") {
      context.err << "tavla-host: " << year << " not closed\n";
      return false;
    }
    return true;
  }

  CLI::App* command_;
  SiteOptions options_;
  int year_ = 0;
  std::string by_;
  bool yes_ = false;
  bool provisional_only_ = false;
};

class ReopenYearCommand final : public Command {
 public:
  explicit ReopenYearCommand(CLI::App& app)
      : command_(app.add_subcommand("reopen-year", "undo close-year (audited)")) {
    add_config_option(command_, options_);
    command_->add_option("--year", year_)->required();
    command_->add_option("--reason", reason_, "why it is reopened")->required();
    command_->add_option("--by", by_);
  }
  [[nodiscard]] bool parsed() const override { return command_->parsed(); }

  int run(const CommandContext& context) override {
    SiteData data(options_.config);
    const std::string year = std::to_string(year_);
    if (!data.repos.usage().is_year_closed(year_)) {
      throw std::runtime_error("--year: " + year + " is not closed");
    }
    if (data.repos.usage().is_year_closed(year_ + 1)) {
      throw std::runtime_error("--year: " + std::to_string(year_ + 1) +
                               " is closed and was invoiced with " + year +
                               "'s adjustments; correct " + year + " in an open year instead");
    }
    if (reason_.empty()) {
      throw std::runtime_error("--reason: say why " + year + " is reopened");
    }
    const auto by = by_.empty() ? context.user : by_;
    const auto at = protocol::format_timestamp(context.now());
    storage::in_transaction(data.repos.db(), [&](storage::Transaction& tx) {
      data.repos.usage().reopen_year(tx, year_, by, at, reason_);
    });
    context.err << "tavla-host: " << year << " reopened by " << by << " at " << at << ": "
                << reason_ << "\n";
    return 0;
  }

 private:
  CLI::App* command_;
  SiteOptions options_;
  int year_ = 0;
  std::string reason_;
  std::string by_;
};

}  // namespace

std::unique_ptr<Command> add_close_year_command(CLI::App& app) {
  return std::make_unique<CloseYearCommand>(app);
}

std::unique_ptr<Command> add_reopen_year_command(CLI::App& app) {
  return std::make_unique<ReopenYearCommand>(app);
}

}  // namespace tavla::host::app
