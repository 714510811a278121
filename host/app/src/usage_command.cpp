// `tavla-host usage --year Y [--monthly]`: usage per municipality.
#include "commands.hpp"
#include "tavla/host/usage/usage.hpp"

namespace tavla::host::app {
namespace {

report::Table year_table(const config::Site& site, storage::Repositories& repos, int year) {
  report::Table t;
  t.columns = {"municipality",     "year",        "group_guidance_sessions",
               "attendance_units", "enrollments", "meetings_attended"};
  for (const auto& r : usage::year_usage(site, repos, year).rows) {
    t.rows.push_back({r.municipality, report::Ungrouped{r.year}, r.group_guidance_sessions,
                      r.attendance_units, r.enrollments, r.meetings_attended});
  }
  return t;
}

report::Table monthly_table(const config::Site& site, storage::Repositories& repos, int year) {
  report::Table t;
  t.columns = {"municipality",     "year", "month", "group_guidance_sessions", "attendance_units",
               "meetings_attended"};
  for (const auto& r : usage::monthly_usage(site, repos, year)) {
    t.rows.push_back({r.municipality, report::Ungrouped{r.year}, std::int64_t{r.month},
                      r.group_guidance_sessions, r.attendance_units, r.meetings_attended});
  }
  return t;
}

class UsageCommand final : public Command {
 public:
  explicit UsageCommand(CLI::App& app)
      : command_(app.add_subcommand("usage", "usage per municipality for a year")) {
    add_config_option(command_, options_);
    add_format_option(command_, options_);
    command_->add_option("--year", year_)->required();
    command_->add_flag("--monthly", monthly_, "one row per municipality and month");
  }
  [[nodiscard]] bool parsed() const override { return command_->parsed(); }

  int run(const CommandContext& context) override {
    SiteData data(options_.config, context);
    warn_about_gaps(data.repos, context.err);
    warn_about_device_clocks(data.repos, year_, context.err);
    if (data.repos.usage().is_year_closed(year_)) {
      context.log("note: " + std::to_string(year_) +
                  " is closed: these are its frozen figures (later events are adjustments)");
    }
    print(monthly_ ? monthly_table(data.site, data.repos, year_)
                   : year_table(data.site, data.repos, year_),
          options_, data.site, context.out);
    return 0;
  }

 private:
  CLI::App* command_;
  SiteOptions options_;
  int year_ = 0;
  bool monthly_ = false;
};

}  // namespace

std::unique_ptr<Command> add_usage_command(CLI::App& app) {
  return std::make_unique<UsageCommand>(app);
}

}  // namespace tavla::host::app
