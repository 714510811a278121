#include "tavla/testing/postgres_server.hpp"

#include <pwd.h>
#include <unistd.h>

#include <filesystem>
#include <stdexcept>

#include "tavla/testing/net.hpp"
#include "tavla/testing/process.hpp"

namespace tavla::testing {
namespace {

const std::string kBin = TAVLA_POSTGRES_BIN;

// As root, run PostgreSQL's tools as the `postgres` user; otherwise as us.
std::vector<std::string> as_owner(std::vector<std::string> argv) {
  if (::geteuid() == 0) {
    argv.insert(argv.begin(), {"/usr/sbin/runuser", "-u", "postgres", "--"});
  }
  return argv;
}

void give_to_postgres(const std::filesystem::path& dir) {
  if (::geteuid() != 0) {
    return;
  }
  const passwd* pg = ::getpwnam("postgres");
  if (pg == nullptr || ::chown(dir.c_str(), pg->pw_uid, pg->pw_gid) != 0) {
    throw std::runtime_error("cannot give " + dir.string() + " to the postgres user");
  }
}

PostgresEnvironment* g_environment = nullptr;  // set once by register_postgres_environment()

}  // namespace

PostgresServer::PostgresServer() : port_(free_port()) {
  give_to_postgres(dir_.path());
  const auto data = (dir_ / "data").string();
  const auto init = run(as_owner({kBin + "/initdb", "-D", data, "-A", "trust", "-U", "tavla", "-E",
                                  "UTF8", "--locale=C", "-N"}));
  if (init.exit_code != 0) {
    throw std::runtime_error("initdb failed: " + init.err + init.out);
  }
  // fsync off: a test server's durability is not under test; speed is.
  const auto start = run(
      as_owner({kBin + "/pg_ctl", "-D", data, "-o",
                "-k " + dir_.path().string() + " -c listen_addresses= -p " + std::to_string(port_) +
                    " -c fsync=off -c synchronous_commit=off -c full_page_writes=off",
                "-l", (dir_ / "log").string(), "-w", "start"}));
  if (start.exit_code != 0) {
    throw std::runtime_error("pg_ctl start failed: " + start.err + start.out +
                             read_file(dir_ / "log"));
  }
  running_ = true;
}

PostgresServer::~PostgresServer() {
  stop();
}

void PostgresServer::stop() {
  if (running_) {
    (void)run(as_owner(
        {kBin + "/pg_ctl", "-D", (dir_ / "data").string(), "-m", "immediate", "-w", "stop"}));
    running_ = false;
  }
}

std::string PostgresServer::url(const std::string& database) const {
  return "postgresql://tavla@/" + database + "?host=" + dir_.path().string() +
         "&port=" + std::to_string(port_);
}

std::string PostgresServer::create_database() {
  const std::string name = "t" + std::to_string(++databases_);
  const auto result = run({TAVLA_PSQL, url("postgres"), "-v", "ON_ERROR_STOP=1", "-q", "-c",
                           "CREATE DATABASE " + name});
  if (result.exit_code != 0) {
    throw std::runtime_error("CREATE DATABASE failed: " + result.err);
  }
  return url(name);
}

PostgresServer& PostgresEnvironment::server() {
  if (!server_) {
    server_ = std::make_unique<PostgresServer>();
  }
  return *server_;
}

PostgresEnvironment* postgres_environment() {
  return g_environment;
}

PostgresEnvironment* register_postgres_environment() {
  if (g_environment == nullptr) {
    g_environment = new PostgresEnvironment;  // NOLINT: gtest owns environments
    ::testing::AddGlobalTestEnvironment(g_environment);
  }
  return g_environment;
}

}  // namespace tavla::testing
