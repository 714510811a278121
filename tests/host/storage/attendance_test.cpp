// Sessions, attendance and the usage aggregates, on SQLite and PostgreSQL.
#include "tavla/host/storage/attendance.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "repository_fixture.hpp"

namespace tavla::host::storage {
namespace {

class AttendanceTest : public RepositoryTest {};

StoredSession gg_session(const std::string& id, int month = 3) {
  return {id,   "gv-1", "group_guidance", "kiosk-1",   "Samling", "2026-03-27T08:00:00.000Z",
          2026, month,  "ev-" + id,       std::nullopt};
}

AttendanceFact in(const std::string& participant, const std::string& unit, const std::string& muni,
                  std::int64_t seq) {
  return {participant, true, unit, muni, std::nullopt, device_order("kiosk-1", "e1", seq)};
}
AttendanceFact out(const std::string& participant, std::int64_t seq) {
  return {participant, false, "", std::nullopt, std::nullopt, device_order("kiosk-1", "e1", seq)};
}

std::map<std::string, std::tuple<std::int64_t, std::int64_t, std::int64_t>> usage(
    Repositories& repos) {
  std::map<std::string, std::tuple<std::int64_t, std::int64_t, std::int64_t>> result;
  for (const auto& m : repos.usage().months(2026)) {
    auto& [s, u, n] = result[m.municipality];
    s += m.sessions;
    u += m.units;
    n += m.meetings;
  }
  // A row that went up and back down to zero is the same as no row.
  std::erase_if(result, [](const auto& entry) { return entry.second == std::make_tuple(0, 0, 0); });
  return result;
}

TEST_P(AttendanceTest, AttendanceAggregatesDoNotDependOnArrivalOrder) {
  // Two participants of one foster home (first from nannestad), a guest from
  // eidsvoll who is withdrawn, a hurdal member who leaves and comes back.
  std::vector<AttendanceFact> facts = {
      in("p-1", "fh:fh-1", "nannestad", 1),      in("p-2", "fh:fh-1", "hurdal", 2),
      in("guest-x", "p:guest-x", "eidsvoll", 3), out("guest-x", 4),
      in("p-3", "fh:fh-2", "hurdal", 5),         out("p-3", 6),
      in("p-3", "fh:fh-2", "hurdal", 7)};
  std::sort(facts.begin(), facts.end(), [](const auto& a, const auto& b) { return a.ord < b.ord; });
  std::optional<decltype(usage(std::declval<Repositories&>()))> expected;
  int permutations = 0;
  do {
    tavla::testing::TempDir dir;
    auto repos = std::make_unique<Repositories>(
        permutations == 0 ? url_ : testing::database_url(Backend::sqlite, dir));
    const auto session = gg_session("s1");
    in_transaction(repos->db(), [&](Transaction& tx) {
      repos->attendance().insert_session(tx, session);
      for (const auto& f : facts) {
        repos->attendance().apply(tx, session, f);
      }
      for (const auto& f : facts) {  // a duplicate of everything changes nothing
        repos->attendance().apply(tx, session, f);
      }
    });
    const auto got = usage(*repos);
    if (!expected) {
      expected = got;
      EXPECT_EQ(std::get<1>(got.at("nannestad")), 1);  // fh-1 counted once, for nannestad
      EXPECT_EQ(std::get<0>(got.at("nannestad")), 1);
      EXPECT_EQ(std::get<1>(got.at("hurdal")), 1);  // fh-2 back in
      EXPECT_EQ(got.count("eidsvoll"), 0U);         // withdrawn
    } else {
      ASSERT_EQ(got, *expected) << "permutation " << permutations;
    }
    ++permutations;
    // Every 7th permutation keeps the suite quick while mixing the orders.
    for (int skip = 0; skip < 6 && std::next_permutation(
                                       facts.begin(), facts.end(),
                                       [](const auto&a, const auto&b) { return a.ord < b.ord; });
         ++skip) {
    }
  } while (std::next_permutation(facts.begin(), facts.end(),
                                 [](const auto& a, const auto& b) { return a.ord < b.ord; }) &&
           permutations < 40);
  EXPECT_EQ(permutations, 40);
}

TEST_P(AttendanceTest, NetworkMeetingsCountAttendeesNotUnits) {
  auto repos = open();
  StoredSession nm{
      "m1", "nettverk", "network_meeting", "kiosk-2", "Møte", "2026-03-27T08:00:00.000Z", 2026,
      3,    "ev",       std::nullopt};
  in_transaction(repos->db(), [&](Transaction& tx) {
    repos->attendance().insert_session(tx, nm);
    repos->attendance().apply(tx, nm, in("p-leder-nes", "p:p-leder-nes", "nes", 1));
    repos->attendance().apply(tx, nm,
                              {"p-bufetat-1", true, "p:p-bufetat-1", std::nullopt, "bufetat",
                               device_order("kiosk-2", "e1", 2)});
  });
  const auto u = usage(*repos);
  EXPECT_EQ(u.at("nes"), std::make_tuple(0, 0, 1));
  EXPECT_EQ(u.count("bufetat"), 0U);
}

INSTANTIATE_TEST_SUITE_P(Backends, AttendanceTest,
                         ::testing::Values(Backend::sqlite, Backend::postgresql),
                         testing::backend_name);

}  // namespace
}  // namespace tavla::host::storage
