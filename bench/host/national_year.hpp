// A synthetic national year for the host: 356 municipalities with
// populations, rooms, group-guidance groups whose foster homes come from
// neighbouring municipalities, and a year of sessions with roster and guest
// check-ins. The site is written as the host's own TOML and member CSVs; the
// events go through the host's real ingest (Processor → Repositories), so the
// aggregate tables are exactly what `tavla-host serve` would have made.
// Deterministic: the same shape gives the same data.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <string>

namespace tavla::bench {

struct NationalShape {
  int municipalities = 356;
  int devices = 200;
  int groups = 1000;
  int homes_per_group = 10;  // two foster parents each, plus one leader per group
  int checkins_per_session = 20;
  std::int64_t checkins = 5'000'000;
  int year = 2026;
  std::size_t batch = 20'000;  // events per transaction while filling
};

// What the generator sent, to check the reports against.
struct NationalTally {
  std::int64_t events = 0;
  std::int64_t sessions = 0;
  std::int64_t checkins = 0;
  std::map<std::string, std::int64_t> checkins_by_municipality;
  std::map<std::string, std::int64_t> units_by_municipality;     // attendance units
  std::map<std::string, std::int64_t> sessions_by_municipality;  // sessions with a unit from it
};

// Writes site.toml and members/*.csv into `dir` (database: sqlite:`database`);
// returns the site file.
std::filesystem::path write_national_site(const NationalShape& shape,
                                          const std::filesystem::path& dir,
                                          const std::filesystem::path& database);

// Fills the database of `site_file` with the year's events through the
// host's Processor, in transactions of shape.batch events; `progress` gets
// the check-ins stored so far after each transaction. With `store` false it
// only makes the events and counts them (for a database filled before).
NationalTally fill_national_year(const NationalShape& shape, const std::filesystem::path& site_file,
                                 const std::function<void(std::int64_t)>& progress,
                                 bool store = true);

[[nodiscard]] std::string municipality_id(int index);  // "k-001" …

}  // namespace tavla::bench
