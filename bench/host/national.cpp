// Usage and allocation over a national-scale synthetic year with SQLite:
// 356 municipalities, 1 000 groups in 200 rooms, 5 000 000 check-ins stored
// through the host's real ingest (national_year.hpp). Then, each as a fresh
// process, `tavla-host usage` and `tavla-host allocate` (csv), beside the
// baseline: a plain SQL GROUP BY over the raw check-in rows in the same
// database (tavla_bench_host_groupby). One untimed round first, then RUNS
// rounds in turn; medians. Every output is checked against what the
// generator sent, so the figures are of correct answers.
//
// usage: tavla_bench_host_national DIR [CHECKINS] [RUNS]
//   DIR: an empty directory for the site and its database (several GB).
#include <fmt/format.h>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <sstream>

#include "national_year.hpp"
#include "timed_run.hpp"

namespace {

namespace bench = tavla::bench;
using Clock = std::chrono::steady_clock;

struct Subject {
  std::string label;
  std::vector<std::string> argv;
  // Says what is wrong with an output, or "" if it is right.
  std::function<std::string(const std::string&)> check;
  std::vector<double> wall_ms;
  std::vector<double> cpu_ms;
};

std::vector<std::vector<std::string>> csv_rows(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') {
      line.pop_back();
    }
    std::vector<std::string> fields;
    std::istringstream fs(line);
    std::string f;
    while (std::getline(fs, f, ',')) {
      fields.push_back(f);
    }
    rows.push_back(fields);
  }
  return rows;
}

// municipality,year,group_guidance_sessions,attendance_units,enrollments,meetings_attended
std::string check_usage(const bench::NationalShape& shape, const bench::NationalTally& tally,
                        const std::string& out) {
  const auto rows = csv_rows(out);
  if (rows.size() != static_cast<std::size_t>(shape.municipalities) + 1) {
    return fmt::format("{} lines, not {}", rows.size(), shape.municipalities + 1);
  }
  for (std::size_t i = 1; i < rows.size(); ++i) {
    const auto& r = rows[i];
    const auto expect = [&](const std::map<std::string, std::int64_t>& m) {
      const auto it = m.find(r.at(0));
      return std::to_string(it == m.end() ? 0 : it->second);
    };
    if (r.size() < 4 || r[2] != expect(tally.sessions_by_municipality) ||
        r[3] != expect(tally.units_by_municipality)) {
      return "row " + std::to_string(i) + " differs from the generator's tally";
    }
  }
  return "";
}

std::string check_group_by(const bench::NationalTally& tally, const std::string& out) {
  std::map<std::string, std::int64_t> counted;
  for (const auto& r : csv_rows(out)) {
    if (r.size() == 2) {
      counted[r[0]] = std::stoll(r[1]);
    }
  }
  return counted == tally.checkins_by_municipality ? "" : "counts differ from the generator's";
}

// municipality,part,basis,units,share,amount: every part adds up to its
// amount in the plan (national_year.cpp) to the øre, and the consumption
// part's units are the generator's attendance units.
std::string check_allocate(const bench::NationalShape& shape, const bench::NationalTally& tally,
                           const std::string& out) {
  const std::map<std::string, std::int64_t> planned = {{"Fast fordelingsnøkkel", 6'000'000'000},
                                                       {"Forbruk", 6'000'000'000},
                                                       {"Individuell veiledning", 4'000'000'000}};
  std::map<std::string, std::int64_t> sums;
  std::size_t members = 0;
  const auto rows = csv_rows(out);
  for (std::size_t i = 1; i < rows.size(); ++i) {
    const auto& r = rows[i];
    if (r.size() != 6) {
      return "line " + std::to_string(i) + " has " + std::to_string(r.size()) + " fields";
    }
    std::string ore = r[5];
    ore.erase(std::remove(ore.begin(), ore.end(), '.'), ore.end());
    sums[r[1]] += std::stoll(ore);
    if (r[1] == "Forbruk") {
      ++members;
      const auto it = tally.units_by_municipality.find(r[0]);
      if (r[3] != std::to_string(it == tally.units_by_municipality.end() ? 0 : it->second)) {
        return "units of " + r[0] + " differ from the generator's";
      }
    }
  }
  if (sums != planned) {
    return "the parts do not add up to the plan's amounts";
  }
  if (members != static_cast<std::size_t>(shape.municipalities)) {
    return fmt::format("{} members in the consumption part", members);
  }
  return "";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: tavla_bench_host_national DIR [CHECKINS] [RUNS]\n";
    return 2;
  }
  const std::filesystem::path dir = argv[1];
  bench::NationalShape shape;
  if (argc > 2) {
    shape.checkins = std::stoll(argv[2]);
  }
  const int runs = argc > 3 ? std::stoi(argv[3]) : 7;
  const auto database = dir / "host.db";
  // A database filled before (same shape) is reused: only its tally is made again.
  const bool reuse = std::filesystem::exists(database);
  const auto site = bench::write_national_site(shape, dir, database);

  const auto setup_start = Clock::now();
  std::int64_t next_report = 500'000;
  const auto tally = bench::fill_national_year(
      shape, site,
      [&](std::int64_t done) {
        if (done >= next_report) {
          std::cerr << fmt::format(
              "  {} check-ins stored ({:.0f} s)\n", done,
              std::chrono::duration<double>(Clock::now() - setup_start).count());
          next_report += 500'000;
        }
      },
      !reuse);
  const double setup_s = std::chrono::duration<double>(Clock::now() - setup_start).count();
  std::printf(
      "%s: %lld check-ins (%lld events, %lld sessions, %d groups, %d rooms, %d municipalities), "
      "through the host's Processor: %.0f s (%.0f events/s); database %.2f GB\n",
      reuse ? "reused (tally only)" : "setup", static_cast<long long>(tally.checkins),
      static_cast<long long>(tally.events), static_cast<long long>(tally.sessions), shape.groups,
      shape.devices, shape.municipalities, setup_s, static_cast<double>(tally.events) / setup_s,
      static_cast<double>(std::filesystem::file_size(database)) / 1e9);
  (void)std::fflush(stdout);

  const std::string year = std::to_string(shape.year);
  std::vector<Subject> subjects;
  subjects.push_back(
      {"tavla-host usage --format csv",
       {TAVLA_HOST, "usage", "--config", site.string(), "--year", year, "--format", "csv"},
       [&](const std::string& out) { return check_usage(shape, tally, out); }});
  const auto help = bench::timed_run({TAVLA_HOST, "--help"}, dir / "help.txt", dir / "stderr.txt");
  const bool have_allocate = help.out.find("\n  allocate ") != std::string::npos;
  if (have_allocate) {
    subjects.push_back(
        {"tavla-host allocate --format csv",
         {TAVLA_HOST, "allocate", "--config", site.string(), "--year", year, "--format", "csv"},
         [&](const std::string& out) { return check_allocate(shape, tally, out); }});
  } else {
    std::printf("note: this tavla-host has no allocate command; usage only\n");
  }
  subjects.push_back({fmt::format("baseline: GROUP BY over participants ({} rows)", tally.checkins),
                      {TAVLA_GROUPBY, database.string(), "participants"},
                      [&](const std::string& out) { return check_group_by(tally, out); }});
  subjects.push_back({"baseline: GROUP BY over raw events (json_extract)",
                      {TAVLA_GROUPBY, database.string(), "events"},
                      [&](const std::string& out) { return check_group_by(tally, out); }});

  bool ok = true;
  for (int round = 0; round <= runs; ++round) {  // round 0: untimed
    for (auto& s : subjects) {
      const auto r = bench::timed_run(s.argv, dir / "out.txt", dir / "stderr.txt");
      const std::string problem =
          r.exit_code != 0 ? "exit " + std::to_string(r.exit_code) : s.check(r.out);
      if (!problem.empty()) {
        std::printf("%s: WRONG: %s\n", s.label.c_str(), problem.c_str());
        ok = false;
      }
      if (round > 0) {
        s.wall_ms.push_back(r.wall.count());
        s.cpu_ms.push_back(r.cpu.count());
      }
    }
  }
  std::printf(
      "cold process (fresh exec each), %d runs each, outputs checked against the generator:\n",
      runs);
  for (const auto& s : subjects) {
    std::printf("  %-56s median %7.1f ms (min %.1f, max %.1f)  cpu median %.1f ms\n",
                s.label.c_str(), bench::median(s.wall_ms),
                *std::min_element(s.wall_ms.begin(), s.wall_ms.end()),
                *std::max_element(s.wall_ms.begin(), s.wall_ms.end()), bench::median(s.cpu_ms));
  }
  return ok ? 0 : 1;
}
