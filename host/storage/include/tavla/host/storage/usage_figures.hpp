// Usage and years: the aggregates reports read (per municipality and month,
// per session for --explain), and closed years with their frozen figures.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "tavla/host/storage/repository.hpp"

namespace tavla::host::storage {

struct UsageMonth {
  std::string municipality;
  int year = 0;
  int month = 0;
  std::int64_t sessions = 0;  // group-guidance sessions with a unit from it
  std::int64_t units = 0;     // attendance units
  std::int64_t meetings = 0;  // network meetings with an attendee from it
};

struct SessionUnits {  // one session's count for one municipality (--explain)
  std::string session;
  std::string group;
  std::string kind;
  std::string opened_at;
  std::string source;
  std::int64_t count = 0;
};

struct GroupUnits {  // a group's attendance units from one municipality in a year
  std::string group;
  std::string municipality;
  std::int64_t units = 0;
};

struct FrozenUsage {
  std::string municipality;
  std::int64_t sessions = 0;
  std::int64_t units = 0;
  std::int64_t enrollments = 0;
  std::int64_t meetings = 0;
  std::int64_t purchased_hundredths = 0;
};

class UsageRepository : public Repository {
 public:
  using Repository::Repository;

  [[nodiscard]] std::vector<UsageMonth> months(int year);
  [[nodiscard]] std::vector<SessionUnits> session_units(int year, const std::string& municipality);
  // Per group-guidance group and municipality, the attendance units of `year`.
  [[nodiscard]] std::vector<GroupUnits> group_units(int year);

  [[nodiscard]] bool is_year_closed(int year);
  void close_year(Transaction& tx, int year, const std::vector<FrozenUsage>& rows,
                  const std::string& by, const std::string& at);
  [[nodiscard]] std::vector<FrozenUsage> frozen_usage(int year);
  // What the closed year's figures depend on, as one document (the host's
  // app writes and reads it); nullopt if not closed or closed without it.
  void store_frozen_figures(Transaction& tx, int year, const std::string& figures);
  [[nodiscard]] std::optional<std::string> frozen_figures(int year);
  // Undoes close_year, recording who reopened it, when and why.
  void reopen_year(Transaction& tx, int year, const std::string& by, const std::string& at,
                   const std::string& reason);
};

}  // namespace tavla::host::storage
