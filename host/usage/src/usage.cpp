#include "tavla/host/usage/usage.hpp"

#include <algorithm>
#include <set>

#include "tavla/host/config/schedule.hpp"

namespace tavla::host::usage {
namespace {

bool is_group_of_year(const config::Site& site, const config::SiteGroup& group, int year) {
  if (group.year) {
    return *group.year == year;
  }
  return std::ranges::any_of(site.schedule, [&](const config::ScheduledSession& s) {
    return s.group == group.id && static_cast<int>(config::oslo_date(s.start).year()) == year;
  });
}

std::vector<UsageRow> ordered(const config::Site& site, std::map<std::string, UsageRow> rows,
                              int year) {
  std::vector<UsageRow> result;
  for (const auto& m : site.municipalities) {
    auto it = rows.find(m.id);
    result.push_back(it != rows.end() ? it->second : UsageRow{m.id, year});
    if (it != rows.end()) {
      rows.erase(it);
    }
  }
  for (auto& [_, row] : rows) {  // figures for a municipality no longer in the site file
    result.push_back(row);
  }
  return result;
}

}  // namespace

std::map<std::string, std::int64_t> enrollments(const config::Site& site, int year) {
  std::map<std::string, std::set<std::string>> homes;
  for (const auto& g : site.groups) {
    if (g.kind != protocol::SessionKind::group_guidance || !g.series ||
        !is_group_of_year(site, g, year)) {
      continue;  // single sessions count by attendance units (live_usage)
    }
    for (const auto& m : g.members) {
      if (m.affiliation.kind == protocol::Affiliation::Kind::municipality && !m.leader) {
        homes[m.affiliation.id].insert(m.foster_home ? "fh:" + *m.foster_home
                                                     : "p:" + m.participant);
      }
    }
  }
  std::map<std::string, std::int64_t> result;
  for (const auto& [muni, set] : homes) {
    result[muni] = static_cast<std::int64_t>(set.size());
  }
  return result;
}

std::vector<UsageRow> live_usage(const config::Site& site, storage::Repositories& repos, int year) {
  std::map<std::string, UsageRow> rows;
  for (const auto& m : repos.usage().months(year)) {
    auto& row = rows.try_emplace(m.municipality, UsageRow{m.municipality, year}).first->second;
    row.group_guidance_sessions += m.sessions;
    row.attendance_units += m.units;
    row.meetings_attended += m.meetings;
  }
  for (const auto& [muni, count] : enrollments(site, year)) {
    rows.try_emplace(muni, UsageRow{muni, year}).first->second.enrollments = count;
  }
  // A group of single sessions: each session's units are its consumption.
  for (const auto& g : repos.usage().group_units(year)) {
    const config::SiteGroup* group = site.group(g.group);
    if (group != nullptr && !group->series) {
      rows.try_emplace(g.municipality, UsageRow{g.municipality, year}).first->second.enrollments +=
          g.units;
    }
  }
  return ordered(site, std::move(rows), year);
}

std::vector<UsageRow> monthly_usage(const config::Site& site, storage::Repositories& repos,
                                    int year) {
  (void)site;
  std::vector<UsageRow> result;
  for (const auto& m : repos.usage().months(year)) {
    if (m.sessions != 0 || m.units != 0 || m.meetings != 0) {
      result.push_back({m.municipality, year, m.month, m.sessions, m.units, 0, m.meetings});
    }
  }
  return result;
}

YearUsage year_usage(const config::Site& site, storage::Repositories& repos, int year) {
  YearUsage y;
  y.live = live_usage(site, repos, year);
  y.closed = repos.usage().is_year_closed(year);
  if (y.closed) {
    std::map<std::string, UsageRow> rows;
    for (const auto& f : repos.usage().frozen_usage(year)) {
      rows[f.municipality] = {f.municipality, year,          0,         f.sessions,
                              f.units,        f.enrollments, f.meetings};
      y.purchased_hundredths[f.municipality] = f.purchased_hundredths;
    }
    y.rows = ordered(site, std::move(rows), year);
  } else {
    y.rows = y.live;
    for (const auto& p : repos.purchases().list(year)) {
      y.purchased_hundredths[p.municipality] += p.hundredths;
    }
  }
  return y;
}

}  // namespace tavla::host::usage
