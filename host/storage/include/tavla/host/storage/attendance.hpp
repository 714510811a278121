// Sessions and attendance: each session's row, each participant's state in
// it, the attendance units counted, and the aggregates reports read
// (session_munis, usage_months).
//
// Invariant: the aggregates are a function of the set of applied attendance
// facts, whatever their arrival order: a participant's state is the fact
// with the greatest order key, a unit's municipality is that of its
// checked-in participant with the least key. They change in the same
// transaction as the facts they come from.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>

#include "tavla/host/storage/repository.hpp"

namespace tavla::host::storage {

// The host's row of a session (opened by a kiosk's session.opened or by a
// correction), not the kiosk's record of one.
struct StoredSession {
  std::string session;
  std::string group;
  std::string kind;  // group_guidance | network_meeting
  std::string device;
  std::string title;
  std::string opened_at;
  int year = 0;
  int month = 0;
  std::string source;
  std::optional<std::string> closed_at;
};

// One attendance fact: a participant checked in (with affiliation and unit)
// or withdrawn, ordered by `ord`.
struct AttendanceFact {
  std::string participant;
  bool checked_in = false;
  std::string unit;  // check-ins: "fh:<foster home>" or "p:<participant>"
  std::optional<std::string> municipality;
  std::optional<std::string> org;
  std::string ord;
};

// Order keys: kiosk facts by (device, epoch, seq); corrections after them all.
[[nodiscard]] std::string device_order(const std::string& device, const std::string& epoch,
                                       std::int64_t seq);
[[nodiscard]] std::string correction_order(std::int64_t correction_id);

class AttendanceRepository : public Repository {
 public:
  using Repository::Repository;

  [[nodiscard]] std::optional<StoredSession> session(const std::string& id);
  void insert_session(Transaction& tx, const StoredSession& session);
  void close_session(Transaction& tx, const std::string& session, const std::string& at);
  void apply(Transaction& tx, const StoredSession& session, const AttendanceFact& fact);
  // A participant's last state in a session, if any.
  [[nodiscard]] std::optional<AttendanceFact> participant(const std::string& session,
                                                          const std::string& participant);

  // Between begin_batch and end_batch, apply sums its changes of
  // session_munis and usage_months in memory, and end_batch writes them: one
  // statement per (session, municipality) and per (municipality, month)
  // touched instead of two per change. The same rows result (nothing reads
  // them in between, and a session counts for a municipality by whether its
  // count is above 0 before and after). abandon_batch drops them (rollback).
  void begin_batch();
  void end_batch(Transaction& tx);
  void abandon_batch();

 private:
  struct UsageDelta {
    std::int64_t sessions = 0;
    std::int64_t units = 0;
    std::int64_t meetings = 0;
  };
  struct PendingCount {
    std::string kind;
    int year = 0;
    int month = 0;
    std::int64_t delta = 0;
  };

  void recompute_unit(Transaction& tx, const StoredSession& session, const std::string& unit);
  void bump(Transaction& tx, const StoredSession& session, const std::string& municipality,
            std::int64_t delta);
  static UsageDelta count_units(Transaction& tx, const std::string& session,
                                const std::string& kind, const std::string& municipality,
                                std::int64_t delta);
  static void add_usage(Transaction& tx, const std::string& municipality, int year, int month,
                        const UsageDelta& d);

  bool batching_ = false;
  // (session, municipality) -> its net change in the current batch
  std::map<std::pair<std::string, std::string>, PendingCount> pending_counts_;
};

}  // namespace tavla::host::storage
