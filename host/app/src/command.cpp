#include "command.hpp"

#include <map>

#include "report_labels.hpp"
#include "tavla/host/config/load.hpp"
#include "tavla/host/ingest/registry.hpp"

namespace tavla::host::app {

void add_config_option(CLI::App* command, SiteOptions& options) {
  command->add_option("--config", options.config, "the site's TOML file")->required();
}

void add_format_option(CLI::App* command, SiteOptions& options) {
  command->add_option("--format", options.format, "table | csv | json")
      ->check(CLI::IsMember({"table", "csv", "json"}));
}

SiteData::SiteData(const std::string& config_file)
    : site(config::load_site(config_file)), repos(site.database_url) {}

SiteData::SiteData(const std::string& config_file, const CommandContext& context)
    : SiteData(config_file) {
  const auto now = context.now();
  if (const auto imported = ingest::import_registry(repos, site, now);
      imported.changed_anything()) {
    context.log(ingest::describe_import(imported, now));
  }
}

void print(const report::Table& table, const SiteOptions& options, const config::Site& site,
           std::ostream& out) {
  report::render(table, *report::format_from_string(options.format), site.locale, out);
}

namespace {

bool is_money(const report::Cell& cell) {
  return std::holds_alternative<report::Money>(cell);
}
bool is_empty(const report::Cell& cell) {
  const auto* text = std::get_if<std::string>(&cell);
  return text != nullptr && text->empty();
}

// Each column whose cells are all amounts (or empty) summed; the first says
// what the row is.
std::vector<report::Cell> totals_row(const report::Table& table, protocol::Locale locale) {
  std::vector<report::Cell> totals(table.columns.size(), std::string());
  for (std::size_t c = 1; c < table.columns.size(); ++c) {
    std::int64_t sum = 0;
    bool amounts = false;
    bool only_amounts = true;
    for (const auto& row : table.rows) {
      if (is_money(row[c])) {
        sum += std::get<report::Money>(row[c]).ore;
        amounts = true;
      } else if (!is_empty(row[c])) {
        only_amounts = false;
      }
    }
    if (amounts && only_amounts) {
      totals[c] = report::Money{sum};
    }
  }
  if (!totals.empty()) {
    totals[0] = std::string(locale == protocol::Locale::en ? "Total" : "Sum");
  }
  return totals;
}

}  // namespace

void print_report(report::Table table, const SiteOptions& options, const config::Site& site,
                  const std::string& title, protocol::Date printed, std::ostream& out) {
  const auto format = *report::format_from_string(options.format);
  if (format == report::Format::table) {
    out << site.name << " · " << title << " · " << protocol::format_date(printed) << "\n";
    table.rows.push_back(totals_row(table, site.locale));
    label_for_people(table, site.locale);
  }
  report::render(table, format, site.locale, out);
}

void warn_about_gaps(storage::Repositories& repos, std::ostream& err) {
  for (const auto& e : repos.devices().device_epochs()) {
    if (e.missing() > 0) {
      err << "warning: device " << e.device << " epoch " << e.epoch << ": " << e.missing()
          << " of seq 1-" << e.max_seq << " not received (see `tavla-host devices`)\n";
    }
  }
  if (const auto pending = repos.events().pending_count(); pending > 0) {
    err << "warning: " << pending
        << " event(s) wait for their session's session.opened and are not counted yet\n";
  }
}

void warn_about_device_clocks(storage::Repositories& repos, int year, std::ostream& err) {
  std::map<std::string, std::size_t> per_device;
  for (const auto& f : repos.devices().clock_flags()) {
    if (f.year == year) {
      ++per_device[f.device];
    }
  }
  for (const auto& [device, count] : per_device) {
    err << "warning: device " << device << ": " << count << " session(s) of " << year
        << " dated by the host's receive time, the device's clock was doubted (see "
           "`tavla-host devices`)\n";
  }
}

}  // namespace tavla::host::app
