// A throwaway PostgreSQL server with production durability, for the ingest
// benchmark. The tests' PostgresServer turns fsync, synchronous_commit and
// full_page_writes off for speed (and its -c options outrank ALTER SYSTEM),
// so a benchmark of durable ingest cannot use it: this one keeps
// PostgreSQL 15's defaults (fsync on, synchronous_commit on, WAL flushed at
// every commit). Same layout otherwise: initdb into a temporary directory (as
// the `postgres` user when we are root), a unix socket in it, a free port.
#pragma once

#include <string>

#include "tavla/testing/temp_dir.hpp"

namespace tavla::bench {

class DurablePostgres {
 public:
  DurablePostgres();  // initdb + start + CREATE DATABASE tavla; throws with the log if it cannot
  ~DurablePostgres();
  DurablePostgres(const DurablePostgres&) = delete;
  DurablePostgres& operator=(const DurablePostgres&) = delete;
  DurablePostgres(DurablePostgres&&) = delete;
  DurablePostgres& operator=(DurablePostgres&&) = delete;

  // postgresql://tavla@/tavla?host=DIR&port=PORT
  [[nodiscard]] std::string url() const;
  // The settings that make a commit durable, as the server reports them.
  [[nodiscard]] std::string durability() const;

 private:
  [[nodiscard]] std::string url_of(const std::string& database) const;
  void stop();

  testing::TempDir dir_{"tavla-bench-postgres"};
  int port_;
  bool running_ = false;
};

}  // namespace tavla::bench
