#include "tavla/testing/postgres_server.hpp"

#include <gtest/gtest.h>

#include "tavla/testing/process.hpp"

namespace tavla::testing {
namespace {

auto* const kPostgres = register_postgres_environment();

TEST(PostgresServer, AcceptsQueriesOnAFreshDatabase) {
  const std::string url = kPostgres->server().create_database();
  const auto result = run({TAVLA_PSQL_FOR_TEST, url, "-At", "-c", "select 40 + 2"});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out, "42\n");
}

}  // namespace
}  // namespace tavla::testing
