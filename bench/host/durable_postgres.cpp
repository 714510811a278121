#include "durable_postgres.hpp"

#include <pwd.h>
#include <unistd.h>

#include <stdexcept>

#include "tavla/testing/net.hpp"
#include "tavla/testing/process.hpp"

namespace tavla::bench {
namespace {

std::string tool(const char* name) {
  return std::string(TAVLA_POSTGRES_BIN) + "/" + name;
}

std::vector<std::string> as_owner(std::vector<std::string> argv) {
  if (::geteuid() == 0) {  // initdb refuses to run as root
    argv.insert(argv.begin(), {"/usr/sbin/runuser", "-u", "postgres", "--"});
  }
  return argv;
}

std::string psql(const std::string& url, const std::string& sql) {
  const auto r = testing::run({TAVLA_PSQL, url, "-v", "ON_ERROR_STOP=1", "-qAt", "-c", sql});
  if (r.exit_code != 0) {
    throw std::runtime_error("psql '" + sql + "' failed: " + r.err);
  }
  return r.out;
}

}  // namespace

DurablePostgres::DurablePostgres() : port_(testing::free_port()) {
  if (::geteuid() == 0) {
    const passwd* pg = ::getpwnam("postgres");  // NOLINT(concurrency-mt-unsafe): before any thread
    if (pg == nullptr || ::chown(dir_.path().c_str(), pg->pw_uid, pg->pw_gid) != 0) {
      throw std::runtime_error("cannot give " + dir_.path().string() + " to the postgres user");
    }
  }
  const auto data = (dir_ / "data").string();
  const auto init = testing::run(as_owner(
      {tool("initdb"), "-D", data, "-A", "trust", "-U", "tavla", "-E", "UTF8", "--locale=C"}));
  if (init.exit_code != 0) {
    throw std::runtime_error("initdb failed: " + init.err + init.out);
  }
  const auto start = testing::run(
      as_owner({tool("pg_ctl"), "-D", data, "-o",
                "-k " + dir_.path().string() + " -c listen_addresses= -p " + std::to_string(port_),
                "-l", (dir_ / "log").string(), "-w", "start"}));
  if (start.exit_code != 0) {
    throw std::runtime_error("pg_ctl start failed: " + start.err + start.out +
                             testing::read_file(dir_ / "log"));
  }
  running_ = true;
  psql(url_of("postgres"), "CREATE DATABASE tavla");
}

DurablePostgres::~DurablePostgres() {
  stop();
}

void DurablePostgres::stop() {
  if (running_) {
    (void)testing::run(
        as_owner({tool("pg_ctl"), "-D", (dir_ / "data").string(), "-m", "fast", "-w", "stop"}));
    running_ = false;
  }
}

std::string DurablePostgres::url_of(const std::string& database) const {
  return "postgresql://tavla@/" + database + "?host=" + dir_.path().string() +
         "&port=" + std::to_string(port_);
}

std::string DurablePostgres::url() const {
  return url_of("tavla");
}

std::string DurablePostgres::durability() const {
  std::string out = psql(url(),
                         "SELECT string_agg(name || '=' || setting, ' ' ORDER BY name) FROM "
                         "pg_settings WHERE name IN ('fsync', 'synchronous_commit', "
                         "'full_page_writes', 'wal_sync_method')");
  while (!out.empty() && out.back() == '\n') {
    out.pop_back();
  }
  return out;
}

}  // namespace tavla::bench
