// A throwaway PostgreSQL server for tests: initdb into a temporary directory
// (as the `postgres` user when we are root, since initdb refuses root),
// started with pg_ctl on a free port with its socket in that directory, and
// stopped again. One per test binary through PostgresEnvironment; each test
// takes a fresh database with create_database().
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "tavla/testing/temp_dir.hpp"

namespace tavla::testing {

class PostgresServer {
 public:
  PostgresServer();  // initdb + start; throws std::runtime_error with the log if it cannot
  ~PostgresServer();
  PostgresServer(const PostgresServer&) = delete;
  PostgresServer& operator=(const PostgresServer&) = delete;

  // postgresql://tavla@/NAME?host=DIR&port=PORT
  [[nodiscard]] std::string url(const std::string& database) const;
  // Creates an empty database with a new name and returns its url.
  std::string create_database();
  void stop();

 private:
  TempDir dir_{"tavla-postgres"};
  int port_;
  int databases_ = 0;
  bool running_ = false;
};

// Registers with ::testing::AddGlobalTestEnvironment (the gtest way to share
// one server per binary); the server starts on the first server() call, so
// a binary whose selected tests need no PostgreSQL never starts one, and
// stops in TearDown.
class PostgresEnvironment : public ::testing::Environment {
 public:
  void TearDown() override { server_.reset(); }
  PostgresServer& server();

 private:
  std::unique_ptr<PostgresServer> server_;
};

// The environment registered by the test binary (nullptr if none).
PostgresEnvironment* postgres_environment();
// Registers the environment once; call at namespace scope of a test file:
//   const auto* const kPg = tavla::testing::register_postgres_environment();
PostgresEnvironment* register_postgres_environment();

}  // namespace tavla::testing
