// The registry's versions and the noted mismatches, on SQLite and PostgreSQL.
#include "tavla/host/storage/registry.hpp"

#include <gtest/gtest.h>

#include "repository_fixture.hpp"

namespace tavla::host::storage {
namespace {

class RegistryTest : public RepositoryTest {
 protected:
  RegistryImport imported(Repositories& repos, const std::vector<RegistryEntry>& entries,
                          const std::string& date) {
    return in_transaction(repos.db(), [&](Transaction& tx) {
      return repos.registry().update(tx, entries, date, date + "T06:00:00.000Z");
    });
  }
};

RegistryEntry member(const std::string& participant, const std::string& municipality,
                     const std::optional<std::string>& foster_home) {
  return {"gv-1", participant, municipality, std::nullopt, foster_home};
}

// Which municipality the registry gives `participant` on `date`.
std::string municipality_on(Repositories& repos, const std::string& participant,
                            const std::string& date) {
  const auto versions = repos.registry().versions("gv-1");
  const auto* v = version_on(versions, participant, date);
  return v == nullptr ? "(none)" : v->entry.municipality.value_or("(org)");
}

TEST_P(RegistryTest, AChangedRowIsANewVersionAndEarlierDatesKeepTheOldOne) {
  auto repos = open();
  const std::vector<RegistryEntry> march = {member("p-1", "nannestad", "fh-1"),
                                            member("p-3", "hurdal", "fh-2")};
  const auto first = imported(*repos, march, "2026-03-01");
  EXPECT_EQ(first.added, 2U);
  EXPECT_EQ(municipality_on(*repos, "p-3", "2019-06-30"), "hurdal");  // from the beginning
  EXPECT_FALSE(imported(*repos, march, "2026-03-02").changed_anything());
  EXPECT_EQ(repos->registry().versions("gv-1").size(), 2U);  // nothing written again

  const std::vector<RegistryEntry> june = {member("p-1", "nannestad", "fh-1"),
                                           member("p-3", "eidsvoll", "fh-3")};
  const auto moved = imported(*repos, june, "2026-06-15");
  EXPECT_EQ(moved.changed, 1U);
  EXPECT_EQ(moved.added + moved.removed, 0U);
  EXPECT_EQ(municipality_on(*repos, "p-3", "2026-06-14"), "hurdal");
  EXPECT_EQ(municipality_on(*repos, "p-3", "2026-06-15"), "eidsvoll");
  EXPECT_EQ(municipality_on(*repos, "p-1", "2026-06-15"), "nannestad");
  const auto versions = repos->registry().versions("gv-1");
  ASSERT_EQ(versions.size(), 3U);
  EXPECT_EQ(versions[1].valid_to, "2026-06-15");  // the old row is kept, closed
  EXPECT_EQ(versions[1].entry.municipality, "hurdal");
  EXPECT_EQ(versions[2].valid_from, "2026-06-15");
  EXPECT_EQ(versions[2].imported_at, "2026-06-15T06:00:00.000Z");
}

TEST_P(RegistryTest, AMemberWhoLeavesAndComesBackHasAGap) {
  auto repos = open();
  imported(*repos, {member("p-1", "nannestad", "fh-1"), member("p-3", "hurdal", "fh-2")},
           "2026-01-10");
  const auto left = imported(*repos, {member("p-1", "nannestad", "fh-1")}, "2026-04-01");
  EXPECT_EQ(left.removed, 1U);
  EXPECT_EQ(municipality_on(*repos, "p-3", "2026-04-01"), "(none)");
  const auto back = imported(
      *repos, {member("p-1", "nannestad", "fh-1"), member("p-3", "hurdal", "fh-2")}, "2026-09-01");
  EXPECT_EQ(back.added, 1U);
  EXPECT_EQ(municipality_on(*repos, "p-3", "2026-03-31"), "hurdal");
  EXPECT_EQ(municipality_on(*repos, "p-3", "2026-05-05"), "(none)");
  EXPECT_EQ(municipality_on(*repos, "p-3", "2026-09-01"), "hurdal");
}

TEST_P(RegistryTest, FirstSeenOrderSurvivesReorderedListsAndNewcomers) {
  auto repos = open();
  imported(*repos, {member("p-b", "nes", std::nullopt), member("p-a", "nes", std::nullopt)},
           "2026-01-10");
  imported(*repos,
           {member("p-0", "nes", std::nullopt), member("p-a", "hurdal", std::nullopt),
            member("p-b", "nes", std::nullopt)},
           "2026-02-10");
  const auto order = repos->registry().first_seen("gv-1");
  ASSERT_EQ(order.size(), 3U);
  EXPECT_LT(order.at("p-b"), order.at("p-a"));  // as first listed, the change notwithstanding
  EXPECT_LT(order.at("p-a"), order.at("p-0"));  // the newcomer last
}

TEST_P(RegistryTest, MismatchesAreListedNewestFirst) {
  auto repos = open();
  in_transaction(repos->db(), [&](Transaction& tx) {
    repos->registry().note_mismatch(
        tx, {0, "s-1", "p-3", "ev-1", "nes", std::nullopt, std::nullopt, "hurdal", std::nullopt,
             "fh-2", "2026-03-27T12:00:00.000Z"});
    repos->registry().note_mismatch(
        tx, {0, "s-1", "p-2", "ev-2", "nannestad", std::nullopt, "fh-9", "nannestad", std::nullopt,
             "fh-1", "2026-03-27T12:00:01.000Z"});
  });
  const auto listed = repos->registry().mismatches(10);
  ASSERT_EQ(listed.size(), 2U);
  EXPECT_EQ(listed[0].participant, "p-2");
  EXPECT_EQ(listed[0].kiosk_foster_home, "fh-9");
  EXPECT_EQ(listed[1].kiosk_municipality, "nes");
  EXPECT_EQ(listed[1].registry_municipality, "hurdal");
  EXPECT_EQ(listed[1].registry_foster_home, "fh-2");
  EXPECT_EQ(repos->registry().mismatches(1).size(), 1U);
}

INSTANTIATE_TEST_SUITE_P(Backends, RegistryTest,
                         ::testing::Values(Backend::sqlite, Backend::postgresql),
                         testing::backend_name);

}  // namespace
}  // namespace tavla::host::storage
