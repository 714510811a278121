// `tavla-host purchases add|list`: individual-guidance hours bought.
#include "commands.hpp"
#include "tavla/allocation/money.hpp"
#include "tavla/protocol/national_id.hpp"

namespace tavla::host::app {
namespace {

report::Table purchases_table(storage::Repositories& repos, int year) {
  report::Table t;
  t.columns = {"id", "year", "municipality", "hours", "note", "made_by", "made_at"};
  for (const auto& p : repos.purchases().list(year)) {
    t.rows.push_back({report::Ungrouped{p.id}, report::Ungrouped{p.year}, p.municipality,
                      report::Money{p.hundredths}, p.note, p.made_by, p.made_at});
  }
  return t;
}

class PurchasesCommands final : public Command {
 public:
  explicit PurchasesCommands(CLI::App& app)
      : group_(app.add_subcommand("purchases", "individual-guidance hours bought")),
        add_(group_->add_subcommand("add", "record hours bought")),
        list_(group_->add_subcommand("list", "hours recorded for a year")) {
    group_->require_subcommand(1);
    for (auto* command : {add_, list_}) {
      add_config_option(command, options_);
      command->add_option("--year", year_)->required();
    }
    add_format_option(list_, options_);
    add_->add_option("--municipality", municipality_)->required();
    add_->add_option("--hours", hours_, "hours, up to two decimals (e.g. 12.5)")->required();
    add_->add_option("--note", note_);
    add_->add_option("--by", by_, "who records it (default: the login name)");
  }
  [[nodiscard]] bool parsed() const override { return group_->parsed(); }

  int run(const CommandContext& context) override {
    SiteData data(options_.config);
    if (list_->parsed()) {
      print(purchases_table(data.repos, year_), options_, data.site, context.out);
      return 0;
    }
    if (data.site.municipality(municipality_) == nullptr) {
      throw std::runtime_error("--municipality: unknown municipality '" + municipality_ + "'");
    }
    const auto hundredths = allocation::parse_hours(hours_);
    if (!hundredths) {
      throw std::runtime_error("--hours: '" + hours_ + "' is not a number of hours like 12.5");
    }
    if (data.repos.usage().is_year_closed(year_)) {
      throw std::runtime_error(std::to_string(year_) + " is closed; record it in the next year");
    }
    // The note is kept for good: never a person's identity number (named, not echoed).
    if (protocol::find_national_id(note_)) {
      throw std::runtime_error(
          "--note: holds a national identity number (fødselsnummer or D-number), which must "
          "not be stored; write it without the number");
    }
    const storage::Purchase purchase{0,
                                     year_,
                                     municipality_,
                                     *hundredths,
                                     note_,
                                     by_.empty() ? context.user : by_,
                                     protocol::format_timestamp(context.now())};
    storage::in_transaction(data.repos.db(), [&](storage::Transaction& tx) {
      data.repos.purchases().insert(tx, purchase);
    });
    return 0;
  }

 private:
  CLI::App* group_;
  CLI::App* add_;
  CLI::App* list_;
  SiteOptions options_;
  int year_ = 0;
  std::string municipality_;
  std::string hours_;
  std::string note_;
  std::string by_;
};

}  // namespace

std::unique_ptr<Command> add_purchases_commands(CLI::App& app) {
  return std::make_unique<PurchasesCommands>(app);
}

}  // namespace tavla::host::app
