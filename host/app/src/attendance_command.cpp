// `tavla-host attendance add|remove|list`: host-side attendance corrections
// (ingest/corrections.hpp) and their audit trail.
#include "commands.hpp"
#include "tavla/host/ingest/corrections.hpp"

namespace tavla::host::app {
namespace {

report::Table corrections_table(storage::Repositories& repos, std::optional<int> year) {
  report::Table t;
  t.columns = {"id",  "session",     "participant", "change",  "municipality",
               "org", "foster_home", "reason",      "made_by", "made_at"};
  for (const auto& c : repos.corrections().list(year, std::nullopt)) {
    t.rows.push_back({report::Ungrouped{c.id}, c.session, c.participant, c.change,
                      c.municipality.value_or(""), c.org.value_or(""), c.foster_home.value_or(""),
                      c.reason, c.made_by, c.made_at});
  }
  return t;
}

class AttendanceCommands final : public Command {
 public:
  explicit AttendanceCommands(CLI::App& app)
      : group_(app.add_subcommand("attendance", "host-side attendance corrections")),
        add_(group_->add_subcommand("add", "record a check-in")),
        remove_(group_->add_subcommand("remove", "withdraw a check-in")),
        list_(group_->add_subcommand("list", "the corrections (audit trail)")) {
    group_->require_subcommand(1);
    for (auto* command : {add_, remove_}) {
      add_config_option(command, options_);
      command->add_option("--session", request_.session)->required();
      command->add_option("--participant", request_.participant)->required();
      command->add_option("--reason", request_.reason, "why (kept in the audit table)")->required();
      command->add_option("--by", by_, "who makes it (default: the login name)");
    }
    add_->add_option("--municipality", request_.municipality, "a guest's municipality");
    add_->add_option("--org", request_.org, "a guest's organisation");
    add_->add_option("--foster-home", request_.foster_home);
    add_->add_option("--group", request_.group,
                     "for a session held away from a kiosk that is not scheduled");
    add_->add_option("--date", date_,
                     "YYYY-MM-DD, for a session held away from a kiosk that is not scheduled");
    add_->add_option("--title", request_.title);
    add_config_option(list_, options_);
    add_format_option(list_, options_);
    list_->add_option("--year", year_);
  }
  [[nodiscard]] bool parsed() const override { return group_->parsed(); }

  int run(const CommandContext& context) override {
    SiteData data(options_.config, context);
    if (list_->parsed()) {
      print(corrections_table(data.repos, year_ == 0 ? std::nullopt : std::optional<int>(year_)),
            options_, data.site, context.out);
      return 0;
    }
    request_.add = add_->parsed();
    request_.made_by = by_.empty() ? context.user : by_;
    request_.made_at = context.now();
    if (!date_.empty()) {
      request_.date = protocol::parse_date(date_);
      if (!request_.date) {
        throw std::runtime_error("--date: '" + date_ + "' is not a date like 2026-03-27");
      }
    }
    const auto id = ingest::correct_attendance(data.repos, data.site, request_);
    context.log("correction " + std::to_string(id) + " recorded");
    return 0;
  }

 private:
  CLI::App* group_;
  CLI::App* add_;
  CLI::App* remove_;
  CLI::App* list_;
  SiteOptions options_;
  ingest::CorrectionRequest request_;
  std::string date_;
  std::string by_;
  int year_ = 0;
};

}  // namespace

std::unique_ptr<Command> add_attendance_commands(CLI::App& app) {
  return std::make_unique<AttendanceCommands>(app);
}

}  // namespace tavla::host::app
