#include "reports.hpp"

#include <algorithm>
#include <iostream>

#include "tavla/host/usage/usage.hpp"

namespace tavla::host::app {
namespace {

using report::Cell;

std::string printable(const std::string& raw) {
  std::string out;
  for (const char c : raw.substr(0, 80)) {
    const auto b = static_cast<unsigned char>(c);
    out += (b < 0x20 || b == 0x7F) ? '.' : c;
  }
  return out;
}

}  // namespace

report::Table usage_table(const config::Site& site, storage::Repositories& repos, int year,
                          bool monthly) {
  report::Table t;
  if (monthly) {
    t.columns = {"municipality",     "year", "month", "group_guidance_sessions", "attendance_units",
                 "meetings_attended"};
    for (const auto& r : usage::monthly_usage(site, repos, year)) {
      t.rows.push_back({r.municipality, report::Ungrouped{r.year}, std::int64_t{r.month},
                        r.group_guidance_sessions, r.attendance_units, r.meetings_attended});
    }
    return t;
  }
  t.columns = {"municipality",     "year",        "group_guidance_sessions",
               "attendance_units", "enrollments", "meetings_attended"};
  for (const auto& r : usage::year_usage(site, repos, year).rows) {
    t.rows.push_back({r.municipality, report::Ungrouped{r.year}, r.group_guidance_sessions,
                      r.attendance_units, r.enrollments, r.meetings_attended});
  }
  return t;
}

report::Table devices_table(const config::Site& site, storage::Repositories& repos,
                            protocol::Timestamp now) {
  (void)now;
  report::Table t;
  t.columns = {"device", "room",  "online",      "last_seen", "fw",
               "outbox", "epoch", "highest_seq", "missing",   "gaps"};
  const auto statuses = repos.devices().statuses();
  const auto epochs = repos.devices().device_epochs();
  std::vector<std::string> devices;
  for (const auto& d : site.devices) {
    devices.push_back(d.id);
  }
  for (const auto& e : epochs) {
    if (std::find(devices.begin(), devices.end(), e.device) == devices.end()) {
      devices.push_back(e.device);
    }
  }
  for (const auto& device : devices) {
    const config::Device* configured = site.device(device);
    const auto status = std::find_if(statuses.begin(), statuses.end(),
                                     [&](const auto& s) { return s.device == device; });
    const std::string online =
        status == statuses.end() ? "unknown" : (status->online ? "yes" : "no");
    std::string last_seen = status == statuses.end() ? "" : status->updated_at;
    const std::string fw = status == statuses.end() ? "" : status->fw.value_or("");
    const std::int64_t outbox = status == statuses.end() ? 0 : status->outbox.value_or(0);
    const std::string room = configured ? configured->room : "(not in the site file)";
    bool any = false;
    for (const auto& e : epochs) {
      if (e.device != device) {
        continue;
      }
      any = true;
      std::string gaps;
      for (const auto& g : repos.devices().gaps(e.device, e.epoch, 5)) {
        gaps += (gaps.empty() ? "" : " ") + std::to_string(g.first) +
                (g.last != g.first ? "-" + std::to_string(g.last) : "");
      }
      if (e.missing() > 0 && gaps.empty()) {
        gaps = "?";
      }
      t.rows.push_back({device, room, online, std::max(last_seen, e.last_seen), fw, outbox, e.epoch,
                        e.max_seq, e.missing(), gaps});
    }
    if (!any) {
      t.rows.push_back({device, room, online, last_seen, fw, outbox, std::string(), std::int64_t{0},
                        std::int64_t{0}, std::string()});
    }
  }
  return t;
}

report::Table quarantine_table(storage::Repositories& repos, std::size_t limit) {
  report::Table t;
  t.columns = {"id", "received_at", "topic", "event_id", "size", "code", "reason", "raw"};
  for (const auto& q : repos.events().quarantine_entries(limit)) {
    t.rows.push_back({report::Ungrouped{q.id}, q.received_at, q.topic, q.event_id.value_or(""),
                      q.size, q.code, q.reason, printable(q.raw)});
  }
  return t;
}

report::Table purchases_table(storage::Repositories& repos, int year) {
  report::Table t;
  t.columns = {"id", "year", "municipality", "hours", "note", "made_by", "made_at"};
  for (const auto& p : repos.purchases().list(year)) {
    t.rows.push_back({report::Ungrouped{p.id}, report::Ungrouped{p.year}, p.municipality,
                      report::Money{p.hundredths}, p.note, p.made_by, p.made_at});
  }
  return t;
}

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

}  // namespace tavla::host::app

namespace tavla::host::app {

int close_year(const config::Site& site, storage::Repositories& repos, int year,
               const std::string& by) {
  if (repos.usage().is_year_closed(year)) {
    throw std::runtime_error(std::to_string(year) + " is already closed");
  }
  const auto y = usage::year_usage(site, repos, year);
  std::vector<storage::FrozenUsage> rows;
  for (const auto& r : y.rows) {
    const auto p = y.purchased_hundredths.find(r.municipality);
    rows.push_back({r.municipality, r.group_guidance_sessions, r.attendance_units, r.enrollments,
                    r.meetings_attended, p == y.purchased_hundredths.end() ? 0 : p->second});
  }
  const auto at = protocol::format_timestamp(
      std::chrono::time_point_cast<std::chrono::milliseconds>(std::chrono::system_clock::now()));
  storage::in_transaction(repos.db(), [&](storage::Transaction& tx) {
    repos.usage().close_year(tx, year, rows, by, at);
  });
  std::cerr << "tavla-host: " << year << " closed; later events for it become adjustments\n";
  return 0;
}

}  // namespace tavla::host::app
