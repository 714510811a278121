// `tavla-host provisional --year Y [--issue]`: the year's a-konto per member
// and part from the plan alone (budgets and planned units, no measured
// usage), so the first invoice can go out before the year's groups exist;
// --issue records the figures as sent, which `settle` then compares with.
#include "allocation_tables.hpp"
#include "commands.hpp"
#include "frozen_year.hpp"
#include "tavla/host/config/schedule.hpp"

namespace tavla::host::app {
namespace {

class ProvisionalCommand final : public Command {
 public:
  explicit ProvisionalCommand(CLI::App& app)
      : command_(app.add_subcommand("provisional", "the year's a-konto, from the plan alone")) {
    add_config_option(command_, options_);
    add_format_option(command_, options_);
    command_->add_option("--year", year_)->required();
    command_->add_flag(
        "--issue", issue_,
        "record these figures as the a-konto invoiced now (settle compares with them)");
    command_->add_option("--by", by_, "who issues it (default: the login name)");
  }
  [[nodiscard]] bool parsed() const override { return command_->parsed(); }

  int run(const CommandContext& context) override {
    SiteData data(options_.config, context);
    const auto issued = data.repos.invoices().provisional(year_);
    if (issue_ && !issued.empty()) {
      throw std::runtime_error("--issue: the a-konto of " + std::to_string(year_) +
                               " was issued at " + issued.front().issued_at + " by " +
                               issued.front().issued_by + "; settle compares with those figures");
    }
    const auto amounts = akonto(data.site, data.repos, year_, context.err);
    if (issue_) {
      std::vector<storage::IssuedProvisional> rows;
      const std::string at = protocol::format_timestamp(context.now());
      for (const auto& [municipality, amount] : amounts.total_by_municipality) {
        rows.push_back({municipality, amount, at, by_.empty() ? context.user : by_});
      }
      storage::in_transaction(data.repos.db(), [&](storage::Transaction& tx) {
        data.repos.invoices().record_provisional(tx, year_, rows);
      });
      context.err << "tavla-host: the a-konto of " << year_ << " is recorded as issued at " << at
                  << "; settle compares the final figures with it\n";
    } else if (!issued.empty()) {
      context.err << "tavla-host: note: the a-konto of " << year_ << " was issued at "
                  << issued.front().issued_at << "; settle uses those figures, not these\n";
    }
    print_report(provisional_table(data.site, numbers_of(data.site, data.repos, year_), amounts),
                 options_, data.site, "a-konto " + std::to_string(year_),
                 config::oslo_date(context.now()), context.out);
    return 0;
  }

 private:
  CLI::App* command_;
  SiteOptions options_;
  int year_ = 0;
  bool issue_ = false;
  std::string by_;
};

}  // namespace

std::unique_ptr<Command> add_provisional_command(CLI::App& app) {
  return std::make_unique<ProvisionalCommand>(app);
}

}  // namespace tavla::host::app
