#include "tavla/host/app/cli.hpp"

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <iostream>

#include "allocate.hpp"
#include "backup.hpp"
#include "reports.hpp"
#include "signals.hpp"
#include "tavla/build_info.hpp"
#include "tavla/host/app/serve.hpp"
#include "tavla/host/config/load.hpp"
#include "tavla/host/ingest/corrections.hpp"
#include "tavla/host/ingest/processor.hpp"
#include "tavla/host/storage/repositories.hpp"
#include "tavla/protocol/ids.hpp"
#include "tavla/protocol/limits.hpp"

namespace tavla::host::app {
namespace {

protocol::Timestamp now() {
  return std::chrono::time_point_cast<std::chrono::milliseconds>(std::chrono::system_clock::now());
}

void log_line(const std::string& text) {
  std::cerr << protocol::format_timestamp(now()) << " tavla-host: " << text << std::endl;
}

// Who made a correction or a purchase entry, for the audit trail.
std::string current_user() {
  for (const char* name : {"SUDO_USER", "USER", "LOGNAME"}) {
    // NOLINTNEXTLINE(concurrency-mt-unsafe): nothing in tavla-host calls setenv
    const char* v = std::getenv(name);
    if (v != nullptr && *v != '\0') {
      return v;
    }
  }
  return "unknown";
}

struct Common {
  std::string config;
  std::string format = "table";
};

void add_common(CLI::App* cmd, Common& common, bool with_format = true) {
  cmd->add_option("--config", common.config, "the site's TOML file")->required();
  if (with_format) {
    cmd->add_option("--format", common.format, "table | csv | json")
        ->check(CLI::IsMember({"table", "csv", "json"}));
  }
}

void print(const report::Table& table, const Common& common, const config::Site& site) {
  report::render(table, *report::format_from_string(common.format), site.locale, std::cout);
}

}  // namespace

int run_cli(int argc, char** argv) {
  CLI::App app{"Tavla host: stores the rooms' events, aggregates usage, allocates costs"};
  app.set_version_flag("--version", std::string("tavla-host ") + build_info::kVersion +
                                        " (protocol v" + std::to_string(protocol::kVersion) + ")");
  // Not require_subcommand: CLI11 would report a missing subcommand before
  // an unknown option, hiding the real mistake.
  Common common;
  int year = 0;

  auto* check = app.add_subcommand("check", "validate the site file and its member lists");
  add_common(check, common, false);

  ServeOptions serve_options;
  auto* serve_cmd = app.add_subcommand("serve", "ingest events from the broker until stopped");
  add_common(serve_cmd, common, false);
  serve_cmd->add_option("--instance", serve_options.instance,
                        "a name that makes this instance's MQTT client id unique");

  auto* usage_cmd = app.add_subcommand("usage", "usage per municipality for a year");
  add_common(usage_cmd, common);
  usage_cmd->add_option("--year", year)->required();
  bool monthly = false;
  usage_cmd->add_flag("--monthly", monthly, "one row per municipality and month");

  auto* allocate_cmd = app.add_subcommand("allocate", "the year's costs split per municipality");
  add_common(allocate_cmd, common);
  allocate_cmd->add_option("--year", year)->required();
  std::string explain;
  allocate_cmd->add_option("--explain", explain,
                           "a municipality: the numbers behind its amount, down to the sessions");

  auto* settle_cmd = app.add_subcommand("settle", "year-end settlement against the provisional");
  add_common(settle_cmd, common);
  settle_cmd->add_option("--year", year)->required();

  auto* devices_cmd = app.add_subcommand("devices", "devices: last seen, online, seq and gaps");
  add_common(devices_cmd, common);

  auto* quarantine_cmd = app.add_subcommand("quarantine", "messages kept aside with their reason");
  auto* quarantine_list = quarantine_cmd->add_subcommand("list", "the latest quarantined messages");
  quarantine_cmd->require_subcommand(1);
  add_common(quarantine_list, common);
  std::size_t limit = 100;
  quarantine_list->add_option("--limit", limit, "how many (latest first)");
  auto* quarantine_replay = quarantine_cmd->add_subcommand(
      "replay", "decide again the events of a type this host did not know (unknown_type)");
  add_common(quarantine_replay, common, false);

  auto* purchases_cmd = app.add_subcommand("purchases", "individual-guidance hours bought");
  purchases_cmd->require_subcommand(1);
  auto* purchases_add = purchases_cmd->add_subcommand("add", "record hours bought");
  auto* purchases_list = purchases_cmd->add_subcommand("list", "hours recorded for a year");
  std::string municipality;
  std::string hours;
  std::string note;
  std::string by = current_user();
  for (auto* cmd : {purchases_add, purchases_list}) {
    add_common(cmd, common, cmd == purchases_list);
    cmd->add_option("--year", year)->required();
  }
  purchases_add->add_option("--municipality", municipality)->required();
  purchases_add->add_option("--hours", hours, "hours, up to two decimals (e.g. 12.5)")->required();
  purchases_add->add_option("--note", note);
  purchases_add->add_option("--by", by, "who records it (default: the login name)");

  auto* attendance_cmd = app.add_subcommand("attendance", "host-side attendance corrections");
  attendance_cmd->require_subcommand(1);
  auto* attendance_add = attendance_cmd->add_subcommand("add", "record a check-in");
  auto* attendance_remove = attendance_cmd->add_subcommand("remove", "withdraw a check-in");
  auto* attendance_list = attendance_cmd->add_subcommand("list", "the corrections (audit trail)");
  ingest::CorrectionRequest correction;
  std::string date;
  for (auto* cmd : {attendance_add, attendance_remove}) {
    add_common(cmd, common, false);
    cmd->add_option("--session", correction.session)->required();
    cmd->add_option("--participant", correction.participant)->required();
    cmd->add_option("--reason", correction.reason, "why (kept in the audit table)")->required();
    cmd->add_option("--by", by, "who makes it (default: the login name)");
  }
  attendance_add->add_option("--municipality", correction.municipality, "a guest's municipality");
  attendance_add->add_option("--org", correction.org, "a guest's organisation");
  attendance_add->add_option("--foster-home", correction.foster_home);
  attendance_add->add_option("--group", correction.group, "for a session held away from a kiosk");
  attendance_add->add_option("--date", date, "YYYY-MM-DD, for a session held away from a kiosk");
  attendance_add->add_option("--title", correction.title);
  add_common(attendance_list, common);
  attendance_list->add_option("--year", year);

  auto* close_cmd = app.add_subcommand("close-year", "freeze a year's figures");
  add_common(close_cmd, common, false);
  close_cmd->add_option("--year", year)->required();
  close_cmd->add_option("--by", by);

  const BackupCommand backup_cmd(app);  // backup.cpp

  CLI11_PARSE(app, argc, argv);
  if (app.get_subcommands().empty()) {
    std::cerr << app.help() << "tavla-host: name a command\n";
    return 2;
  }

  try {
    if (backup_cmd.parsed()) {
      return backup_cmd.run(log_line);
    }
    if (check->parsed()) {
      const auto site = config::load_site(common.config);
      std::size_t members = 0;
      for (const auto& g : site.groups) {
        members += g.members.size();
      }
      std::cout << "ok: site " << site.id << ": " << site.municipalities.size()
                << " municipalities, " << site.orgs.size() << " orgs, " << site.devices.size()
                << " devices, " << site.groups.size() << " groups (" << members << " members), "
                << site.schedule.size() << " scheduled sessions, " << site.plans.size()
                << " plans\n";
      if (!site.broker.username) {
        log_line("note: no broker username: the connection to the broker is anonymous");
      }
      return 0;
    }
    if (serve_cmd->parsed()) {
      ServeControl control;
      handle_signals(control);
      serve_options.config = common.config;
      return serve(serve_options, control, log_line);
    }
    const auto site = config::load_site(common.config);
    storage::Repositories repos(site.database_url);
    if (usage_cmd->parsed()) {
      warn_about_gaps(repos, std::cerr);
      if (repos.usage().is_year_closed(year)) {
        log_line("note: " + std::to_string(year) +
                 " is closed: these are its frozen figures (later events are adjustments)");
      }
      print(usage_table(site, repos, year, monthly), common, site);
    } else if (allocate_cmd->parsed()) {
      warn_about_gaps(repos, std::cerr);
      if (explain.empty()) {
        print(allocate_table(site, repos, year, std::cerr), common, site);
      } else {
        if (site.municipality(explain) == nullptr) {
          throw std::runtime_error("--explain: unknown municipality '" + explain + "'");
        }
        print(explain_table(site, repos, year, explain, std::cerr), common, site);
      }
    } else if (settle_cmd->parsed()) {
      warn_about_gaps(repos, std::cerr);
      print(settle_table(site, repos, year, std::cerr), common, site);
    } else if (devices_cmd->parsed()) {
      print(devices_table(site, repos, now()), common, site);
    } else if (quarantine_list->parsed()) {
      print(quarantine_table(repos, limit), common, site);
    } else if (quarantine_replay->parsed()) {
      ingest::Processor processor(repos, site, now);
      const auto r = processor.replay_unknown_types();
      log_line("quarantine replay: " + std::to_string(r.replayed) +
               " event(s) of a type this host now knows: " + std::to_string(r.stored) +
               " stored, " + std::to_string(r.quarantined) + " quarantined again");
    } else if (purchases_add->parsed()) {
      if (site.municipality(municipality) == nullptr) {
        throw std::runtime_error("--municipality: unknown municipality '" + municipality + "'");
      }
      const auto hundredths = [&]() -> std::int64_t {
        std::string h = hours;
        std::replace(h.begin(), h.end(), ',', '.');
        const auto dot = h.find('.');
        const std::string whole = h.substr(0, dot);
        std::string frac = dot == std::string::npos ? "" : h.substr(dot + 1);
        const auto digits = [](const std::string& s) {
          return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
        };
        if (whole.empty() || whole.size() > 9 || frac.size() > 2 || !digits(whole) ||
            !digits(frac)) {
          throw std::runtime_error("--hours: '" + hours + "' is not a number of hours like 12.5");
        }
        frac.resize(2, '0');
        return std::stoll(whole) * 100 + std::stoll(frac);
      }();
      if (repos.usage().is_year_closed(year)) {
        throw std::runtime_error(std::to_string(year) + " is closed; record it in the next year");
      }
      storage::in_transaction(repos.db(), [&](storage::Transaction& tx) {
        repos.purchases().insert(
            tx, {0, year, municipality, hundredths, note, by, protocol::format_timestamp(now())});
      });
    } else if (purchases_list->parsed()) {
      print(purchases_table(repos, year), common, site);
    } else if (attendance_add->parsed() || attendance_remove->parsed()) {
      correction.add = attendance_add->parsed();
      correction.made_by = by;
      correction.made_at = now();
      if (!date.empty()) {
        correction.date = protocol::parse_date(date);
        if (!correction.date) {
          throw std::runtime_error("--date: '" + date + "' is not a date like 2026-03-27");
        }
      }
      const auto id = ingest::correct_attendance(repos, site, correction);
      log_line("correction " + std::to_string(id) + " recorded");
    } else if (attendance_list->parsed()) {
      print(corrections_table(repos, year == 0 ? std::nullopt : std::optional<int>(year)), common,
            site);
    } else if (close_cmd->parsed()) {
      return close_year(site, repos, year, by);
    }
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "tavla-host: " << e.what() << "\n";
    return 1;
  }
}

}  // namespace tavla::host::app
