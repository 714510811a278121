// The Debian packages on a real machine: built with cpack from this build
// tree, installed with dpkg (as root, on a machine where systemd is not
// PID 1, so the maintainer scripts take their offline path), the programs
// and the example configs checked, the units verified by systemd itself,
// then purged, leaving the machine as it was.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/file.h>
#include <unistd.h>

#include <array>
#include <sstream>
#include <thread>

#include "tavla/host/config/load.hpp"
#include "tavla/kiosk/config.hpp"
#include "tavla/testing/process.hpp"
#include "tavla/testing/temp_dir.hpp"

namespace tavla::testing {
namespace {

using namespace std::chrono_literals;
namespace fs = std::filesystem;

constexpr std::array<const char*, 2> kPackages = {"tavla-kiosk", "tavla-host"};
constexpr const char* kUnits = "/lib/systemd/system";
constexpr const char* kHostExamples = "/usr/share/doc/tavla-host/examples";
constexpr const char* kKioskExamples = "/usr/share/doc/tavla-kiosk/examples";

// Serialises this test across build trees on one machine (dpkg has one
// database); waits up to ten minutes for another run to finish.
class MachineLock {
 public:
  MachineLock()
      : fd_(::open("/tmp/tavla-packaging-test.lock", O_RDWR | O_CREAT | O_CLOEXEC, 0600)) {
    for (int i = 0; fd_ >= 0 && i < 6000; ++i) {
      if (::flock(fd_, LOCK_EX | LOCK_NB) == 0) {
        locked_ = true;
        return;
      }
      std::this_thread::sleep_for(100ms);
    }
  }
  ~MachineLock() {
    if (fd_ >= 0) {
      ::close(fd_);  // releases the lock
    }
  }
  MachineLock(const MachineLock&) = delete;
  MachineLock& operator=(const MachineLock&) = delete;
  MachineLock(MachineLock&&) = delete;
  MachineLock& operator=(MachineLock&&) = delete;
  [[nodiscard]] bool locked() const { return locked_; }

 private:
  int fd_;
  bool locked_ = false;
};

bool known_to_dpkg(const std::string& package) {
  return run({TAVLA_DPKG, "-s", package}).exit_code == 0;
}

// Purges the packages if the test ends before it does so itself.
class PurgeOnExit {
 public:
  PurgeOnExit() = default;
  ~PurgeOnExit() {
    if (armed) {
      auto argv = std::vector<std::string>{TAVLA_DPKG, "--purge"};
      argv.insert(argv.end(), kPackages.begin(), kPackages.end());
      (void)run(argv);
    }
  }
  PurgeOnExit(const PurgeOnExit&) = delete;
  PurgeOnExit& operator=(const PurgeOnExit&) = delete;
  PurgeOnExit(PurgeOnExit&&) = delete;
  PurgeOnExit& operator=(PurgeOnExit&&) = delete;
  bool armed = true;
};

// Everything the packages and their scripts may create, as text.
std::string machine_state() {
  std::ostringstream out;
  for (const fs::path p :
       {"/etc/tavla", "/var/lib/tavla", "/var/lib/tavla-kiosk", "/usr/bin/tavla-host",
        "/usr/bin/tavla-kiosk", "/lib/systemd/system/tavla-host.service",
        "/lib/systemd/system/tavla-kiosk.service",
        "/usr/lib/systemd/timesyncd.conf.d/tavla-kiosk.conf", "/usr/share/doc/tavla-host",
        "/usr/share/doc/tavla-kiosk"}) {
    out << p.string() << (fs::exists(fs::symlink_status(p)) ? " present\n" : " absent\n");
  }
  for (const std::string db : {"passwd", "group"}) {
    for (const std::string name : {"tavla", "tavla-kiosk"}) {
      out << db << " " << name << " " << run({"getent", db, name}).out << "\n";
    }
  }
  // Enablement links and deb-systemd-helper's records.
  for (const fs::path root : {"/etc/systemd/system", "/var/lib/systemd"}) {
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(root, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (it->path().filename().string().find("tavla") != std::string::npos) {
        out << it->path().string() << "\n";
      }
    }
  }
  return out.str();
}

fs::path package_file(const fs::path& dir, const std::string& name) {
  for (const auto& entry : fs::directory_iterator(dir)) {
    const auto file = entry.path().filename().string();
    if (file.starts_with(name + "_") && file.ends_with(".deb")) {
      return entry.path();
    }
  }
  return {};
}

std::string control_field(const fs::path& deb, const std::string& field) {
  auto value = run({"dpkg-deb", "--field", deb.string(), field}).out;
  while (!value.empty() && value.back() == '\n') {
    value.pop_back();
  }
  return value;
}

// stderr of dpkg without the lines deb-systemd-helper always prints when it
// enables or disables a unit (as on every Debian package with a service).
std::string unexpected_lines(const std::string& err) {
  std::istringstream in(err);
  std::string line;
  std::string rest;
  while (std::getline(in, line)) {
    if (!line.starts_with("Created symlink ") && !line.starts_with("Removed ")) {
      rest += line + "\n";
    }
  }
  return rest;
}

void expect_contains(const std::string& text, const std::string& part) {
  EXPECT_NE(text.find(part), std::string::npos) << "'" << part << "' not in:\n" << text;
}

TEST(Packages, InstallRunVerifyAndPurgeOnThisMachine) {
  if (::geteuid() != 0) {
    GTEST_SKIP() << "installs packages with dpkg, which needs root (CI runs the tests as root)";
  }
  const MachineLock lock;
  ASSERT_TRUE(lock.locked()) << "another run of this test held the lock for ten minutes";
  for (const auto& package : kPackages) {
    if (known_to_dpkg(package)) {
      GTEST_SKIP() << package << " is installed on this machine; the test would purge it";
    }
  }
  // Where systemd is not PID 1 (here, and in CI's container) the maintainer
  // scripts must take their offline path; with systemd running they only
  // reload it (the services start once /etc/tavla has their config).
  RecordProperty("systemd_running", fs::exists("/run/systemd/system") ? "yes" : "no");
  const auto before = machine_state();

  // Build the packages from this build tree.
  const TempDir dir("tavla-packages");
  const auto packed =
      run({TAVLA_CPACK, "--config", TAVLA_CPACK_CONFIG, "-B", (dir / "out").string()}, "", 10min);
  ASSERT_EQ(packed.exit_code, 0) << packed.out << packed.err;
  const auto kiosk_deb = package_file(dir / "out", "tavla-kiosk");
  const auto host_deb = package_file(dir / "out", "tavla-host");
  ASSERT_FALSE(kiosk_deb.empty()) << packed.out;
  ASSERT_FALSE(host_deb.empty()) << packed.out;

  // Depends: the shared libraries (dpkg-shlibdeps) and what the scripts use.
  const auto arch = run({TAVLA_DPKG, "--print-architecture"}).out;
  for (const auto& deb : {kiosk_deb, host_deb}) {
    EXPECT_EQ(control_field(deb, "Architecture") + "\n", arch);
    EXPECT_EQ(control_field(deb, "Version"), TAVLA_VERSION);
    const auto depends = control_field(deb, "Depends");
    for (const char* part : {"libc6", "libstdc++6", "libpaho-mqttpp3", "libssl3", "adduser",
                             "init-system-helpers", "tzdata"}) {
      expect_contains(depends, part);
    }
  }
  for (const char* part : {"libsdl2", "libsqlite3", "fonts-dejavu-core", "systemd"}) {
    expect_contains(control_field(kiosk_deb, "Depends"), part);
  }
  for (const char* part : {"libsqlite3", "libpqxx"}) {
    expect_contains(control_field(host_deb, "Depends"), part);
  }
  EXPECT_EQ(control_field(host_deb, "Depends").find("libSDL"), std::string::npos);

  // Install: the maintainer scripts run without systemd as PID 1.
  PurgeOnExit purge;
  const auto installed = run({TAVLA_DPKG, "-i", kiosk_deb.string(), host_deb.string()}, "", 5min);
  ASSERT_EQ(installed.exit_code, 0) << installed.out << installed.err;
  EXPECT_EQ(unexpected_lines(installed.err), "");

  for (const auto& program : kPackages) {
    const auto version = run({std::string("/usr/bin/") + program, "--version"});
    EXPECT_EQ(version.exit_code, 0) << version.err;
    expect_contains(version.out, std::string(program) + " " + TAVLA_VERSION);
  }

  // The example host config works as installed (its member lists beside it)
  // once the broker password it names exists, as an operator copies it.
  const auto host_dir = dir / "host";
  fs::copy(kHostExamples, host_dir, fs::copy_options::recursive);
  write_file(host_dir / "host.secret", "s3cret\n");
  const auto check =
      run({"/usr/bin/tavla-host", "check", "--config", (host_dir / "host.toml").string()});
  EXPECT_EQ(check.exit_code, 0) << check.out << check.err;
  expect_contains(check.out, "ok: site ");

  // The example kiosk config loads once its secret exists beside it, and
  // names a device and the site of the example host config.
  fs::copy_file(fs::path(kKioskExamples) / "kiosk.toml", dir / "kiosk.toml");
  write_file(dir / "kiosk.secret", "s3cret\n");
  const auto loaded = kiosk::load_kiosk_config(dir / "kiosk.toml");
  ASSERT_TRUE(std::holds_alternative<kiosk::KioskConfig>(loaded))
      << std::get<kiosk::ConfigError>(loaded).message();
  const auto& kiosk_config = std::get<kiosk::KioskConfig>(loaded);
  EXPECT_EQ(kiosk_config.data_dir, "/var/lib/tavla-kiosk");  // the unit's StateDirectory
  const auto site = host::config::load_site(fs::path(kHostExamples) / "host.toml");
  EXPECT_EQ(kiosk_config.site, site.id);
  EXPECT_NE(site.device(kiosk_config.device), nullptr) << kiosk_config.device;
  EXPECT_EQ(site.database_url, "sqlite:/var/lib/tavla/host.db");
  for (const char* file : {"mosquitto-tavla.conf"}) {
    EXPECT_TRUE(fs::exists(fs::path(kHostExamples) / file)) << file;
  }
  for (const char* doc :
       {"/usr/share/doc/tavla-host/operator.md", "/usr/share/doc/tavla-kiosk/operator.md"}) {
    EXPECT_TRUE(fs::exists(doc)) << doc;
  }

  // What postinst made: the users, their state directories, the enablement.
  EXPECT_EQ(run({"getent", "passwd", "tavla"}).exit_code, 0);
  EXPECT_EQ(run({"getent", "passwd", "tavla-kiosk"}).exit_code, 0);
  if (run({"getent", "group", "video"}).exit_code == 0) {
    expect_contains(run({"id", "-nG", "tavla-kiosk"}).out, "video");
  }
  EXPECT_EQ(fs::status("/var/lib/tavla").permissions() & fs::perms::all,
            fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec);
  EXPECT_EQ(fs::status("/var/lib/tavla-kiosk").permissions() & fs::perms::all,
            fs::perms::owner_all);
  for (const auto& package : kPackages) {
    EXPECT_TRUE(fs::is_symlink(fs::path("/etc/systemd/system/multi-user.target.wants") /
                               (std::string(package) + ".service")))
        << package << " is not enabled";
  }

  // systemd's own checks of the units, and its view of the time settings.
  const auto verify =
      run({TAVLA_SYSTEMD_ANALYZE, "verify", (fs::path(kUnits) / "tavla-host.service").string(),
           (fs::path(kUnits) / "tavla-kiosk.service").string()});
  EXPECT_EQ(verify.exit_code, 0) << verify.out << verify.err;
  EXPECT_EQ(verify.err.find("tavla"), std::string::npos) << verify.err;
  const auto timesync = run({TAVLA_SYSTEMD_ANALYZE, "cat-config", "systemd/timesyncd.conf"});
  EXPECT_EQ(timesync.exit_code, 0) << timesync.err;
  expect_contains(timesync.out, "timesyncd.conf.d/tavla-kiosk.conf");
  expect_contains(timesync.out, "NTP=");

  // Purge: nothing of ours is left.
  purge.armed = false;
  auto argv = std::vector<std::string>{TAVLA_DPKG, "--purge"};
  argv.insert(argv.end(), kPackages.begin(), kPackages.end());
  const auto purged = run(argv, "", 5min);
  EXPECT_EQ(purged.exit_code, 0) << purged.out << purged.err;
  EXPECT_EQ(unexpected_lines(purged.err), "");
  EXPECT_EQ(machine_state(), before);
}

}  // namespace
}  // namespace tavla::testing
