// `tavla-host purchases add|list|remove`: individual-guidance hours bought,
// each entry audited (who, when, why) and corrected by removing it, never
// by retyping it.
#include <algorithm>

#include "commands.hpp"
#include "tavla/allocation/money.hpp"
#include "tavla/protocol/national_id.hpp"

namespace tavla::host::app {
namespace {

// hours × rate in øre × 100 is beyond 64 bits for absurd hours; __extension__
// tells -pedantic this GCC type is deliberate.
__extension__ using Wide = __int128;

report::Table purchases_table(const config::Site& site, storage::Repositories& repos, int year,
                              bool with_removed) {
  report::Table t;
  t.columns = {"id",      "year",    "municipality", "municipality_name", "hours",         "note",
               "made_by", "made_at", "removed_by",   "removed_at",        "removed_reason"};
  for (const auto& p : repos.purchases().list(year, with_removed)) {
    const auto* m = site.municipality(p.municipality);
    t.rows.push_back({report::Ungrouped{p.id}, report::Ungrouped{p.year}, p.municipality,
                      m != nullptr ? m->name : std::string(), report::Money{p.hundredths}, p.note,
                      p.made_by, p.made_at, p.removed_by.value_or(""), p.removed_at.value_or(""),
                      p.removed_reason.value_or("")});
  }
  return t;
}

// Free text stored beside money: never an identity number.
void refuse_identity_number(const std::string& option, const std::string& text) {
  if (protocol::find_national_id(text)) {
    throw std::runtime_error(option +
                             ": looks like it holds a national identity number; "
                             "write the text without it");
  }
}

// The plan's part that prices hours, or a refusal naming what is missing.
const allocation::Part& purchases_part(const config::Site& site, int year) {
  const auto* plan = site.plan(year);
  if (plan == nullptr) {
    throw std::runtime_error("--year: the site file has no [[plan]] for " + std::to_string(year) +
                             ": hours cannot be billed in a year without a plan");
  }
  const auto it = std::find_if(plan->plan.parts.begin(), plan->plan.parts.end(),
                               [](const auto& p) { return p.key == allocation::Key::purchases; });
  if (it == plan->plan.parts.end()) {
    throw std::runtime_error("--year: the plan of " + std::to_string(year) +
                             " has no part with key = \"purchases\"");
  }
  return *it;
}

std::string hours_text(std::int64_t hundredths) {
  return report::plain_money(hundredths) + " hours";
}

class PurchasesCommands final : public Command {
 public:
  explicit PurchasesCommands(CLI::App& app)
      : group_(app.add_subcommand("purchases", "individual-guidance hours bought")),
        add_(group_->add_subcommand("add", "record hours bought")),
        list_(group_->add_subcommand("list", "hours recorded for a year")),
        remove_(group_->add_subcommand("remove", "remove a purchase recorded by mistake")) {
    group_->require_subcommand(1);
    for (auto* command : {add_, list_, remove_}) {
      add_config_option(command, options_);
    }
    for (auto* command : {add_, list_}) {
      command->add_option("--year", year_)->required();
    }
    add_format_option(list_, options_);
    list_->add_flag("--all", with_removed_, "also the removed purchases, with who removed them");
    add_->add_option("--municipality", municipality_)->required();
    add_->add_option("--hours", hours_, "hours, up to two decimals (e.g. 12.5)")->required();
    add_->add_option("--note", note_);
    remove_->add_option("--id", id_, "the purchase's id (`purchases list`)")->required();
    remove_->add_option("--reason", reason_, "why it is removed")->required();
    for (auto* command : {add_, remove_}) {
      command->add_option("--by", by_, "who records it (default: the login name)");
    }
  }
  [[nodiscard]] bool parsed() const override { return group_->parsed(); }

  int run(const CommandContext& context) override {
    SiteData data(options_.config);
    if (list_->parsed()) {
      print(purchases_table(data.site, data.repos, year_, with_removed_), options_, data.site,
            context.out);
      return 0;
    }
    if (remove_->parsed()) {
      remove(data, context);
      return 0;
    }
    add(data, context);
    return 0;
  }

 private:
  void refuse_closed(storage::Repositories& repos, int year) const {
    if (repos.usage().is_year_closed(year)) {
      throw std::runtime_error(std::to_string(year) + " is closed; record the correction in " +
                               std::to_string(year + 1));
    }
  }

  void add(SiteData& data, const CommandContext& context) {
    const auto* m = data.site.municipality(municipality_);
    if (m == nullptr) {
      throw std::runtime_error("--municipality: unknown municipality '" + municipality_ + "'");
    }
    if (!m->is_member_in(year_)) {
      throw std::runtime_error("--municipality: " + municipality_ + " is not a member in " +
                               std::to_string(year_) + ": only members buy hours by the plan");
    }
    const auto& part = purchases_part(data.site, year_);
    const auto hundredths = allocation::parse_hours(hours_);
    if (!hundredths || *hundredths == 0) {
      throw std::runtime_error("--hours: '" + hours_ + "' is not a number of hours like 12.5");
    }
    if (part.rate_per_hour && Wide{*hundredths} * *part.rate_per_hour > Wide{part.amount} * 100) {
      throw std::runtime_error("--hours: " + hours_text(*hundredths) + " at " +
                               report::plain_money(*part.rate_per_hour) +
                               " per hour cost more than the whole part \"" + part.name + "\" (" +
                               report::plain_money(part.amount) + ")");
    }
    refuse_identity_number("--note", note_);
    refuse_closed(data.repos, year_);
    storage::Purchase purchase{0,
                               year_,
                               municipality_,
                               *hundredths,
                               note_,
                               by_.empty() ? context.user : by_,
                               protocol::format_timestamp(context.now())};
    purchase.id = storage::in_transaction(data.repos.db(), [&](storage::Transaction& tx) {
      return data.repos.purchases().insert(tx, purchase);
    });
    context.out << "recorded purchase #" << purchase.id << ": " << year_ << " " << municipality_
                << " " << hours_text(*hundredths);
    if (part.rate_per_hour) {
      context.out << " at " << report::plain_money(*part.rate_per_hour) << " per hour";
    }
    context.out << ", note \"" << note_ << "\", by " << purchase.made_by << " at "
                << purchase.made_at << "\n";
  }

  void remove(SiteData& data, const CommandContext& context) {
    if (reason_.empty()) {
      throw std::runtime_error("--reason: say why the purchase is removed");
    }
    refuse_identity_number("--reason", reason_);
    const auto purchase = data.repos.purchases().find(id_);
    if (!purchase) {
      throw std::runtime_error("--id: there is no purchase #" + std::to_string(id_));
    }
    refuse_closed(data.repos, purchase->year);
    const std::string by = by_.empty() ? context.user : by_;
    const std::string at = protocol::format_timestamp(context.now());
    const bool removed = storage::in_transaction(data.repos.db(), [&](storage::Transaction& tx) {
      return data.repos.purchases().remove(tx, id_, by, at, reason_);
    });
    if (!removed) {
      throw std::runtime_error("--id: purchase #" + std::to_string(id_) + " was removed already");
    }
    context.out << "removed purchase #" << id_ << ": " << purchase->year << " "
                << purchase->municipality << " " << hours_text(purchase->hundredths) << ", by "
                << by << " at " << at << ": " << reason_ << "\n";
  }

  CLI::App* group_;
  CLI::App* add_;
  CLI::App* list_;
  CLI::App* remove_;
  SiteOptions options_;
  int year_ = 0;
  bool with_removed_ = false;
  std::string municipality_;
  std::string hours_;
  std::string note_;
  std::int64_t id_ = 0;
  std::string reason_;
  std::string by_;
};

}  // namespace

std::unique_ptr<Command> add_purchases_commands(CLI::App& app) {
  return std::make_unique<PurchasesCommands>(app);
}

}  // namespace tavla::host::app
