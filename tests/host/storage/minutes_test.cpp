// Decisions, actions and marks, on SQLite and PostgreSQL.
#include "tavla/host/storage/minutes.hpp"

#include <gtest/gtest.h>

#include "repository_fixture.hpp"

namespace tavla::host::storage {
namespace {

class MinutesTest : public RepositoryTest {};

TEST_P(MinutesTest, OpenActionsLeaveWhenDoneOrRetracted) {
  auto repos = open();
  in_transaction(repos->db(), [&](Transaction& tx) {
    for (const char* a : {"a1", "a2", "a3"}) {
      repos->minutes().record_action(tx,
                                     {a, "nettverk", "m1", "Gjør noe", "p-leder-nes", "2026-04-01",
                                      "2026-03-27T08:00:00.000Z"},
                                     "sak-2");
    }
    repos->minutes().mark(tx, "a1", "done", "m2");
    repos->minutes().mark(tx, "a2", "retracted", "m1");
  });
  const auto open_actions = repos->minutes().open_actions({"nettverk"});
  ASSERT_EQ(open_actions.size(), 1U);
  EXPECT_EQ(open_actions[0].action, "a3");
  EXPECT_EQ(open_actions[0].due, "2026-04-01");
}

INSTANTIATE_TEST_SUITE_P(Backends, MinutesTest,
                         ::testing::Values(Backend::sqlite, Backend::postgresql),
                         testing::backend_name);

}  // namespace
}  // namespace tavla::host::storage
