// `tavla-host devices` as real processes: add|rotate|revoke and `check
// --broker` against a real mosquitto with TLS and the dynamic-security plugin,
// and the device-clock flags it lists.
#include <gtest/gtest.h>

#include "host_fixture.hpp"
#include "host_service.hpp"
#include "mqtt_peer.hpp"
#include "tavla/host/config/schedule.hpp"
#include "tavla/testing/mosquitto_broker.hpp"
#include "tavla/testing/process.hpp"
#include "tavla/testing/programs.hpp"
#include "tavla/testing/secure_broker.hpp"

namespace tavla::host::testing {
namespace {

using tavla::testing::MosquittoBroker;
using tavla::testing::program_argv;
using tavla::testing::read_file;
using tavla::testing::RunResult;
using tavla::testing::TempDir;

RunResult host(const std::vector<std::string>& args) {
  return tavla::testing::run(program_argv(TAVLA_HOST, args));
}

class DevicesCommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    tavla::testing::write_file(dir_ / "host.secret", broker_.admin_password() + "\n");
    site_ = write_example_site(dir_, "sqlite:" + (dir_ / "host.db").string(), broker_.tls_url());
    std::string text = read_file(site_);
    const std::string anchor = "shared_group = \"\"";
    text.replace(text.find(anchor), anchor.size(),
                 "username = \"" + broker_.admin() + "\"\npassword_file = \"host.secret\"\n" +
                     "ca_file = \"" + broker_.ca().certificate().string() + "\"\n" +
                     "device_url = \"" + broker_.tls_url() + "\"\n" + anchor);
    tavla::testing::write_file(site_, text);
  }

  std::string password_in(const std::filesystem::path& bundle) {
    std::string password = read_file(bundle / "kiosk.secret");
    password.pop_back();
    return password;
  }

  tavla::testing::SecureBroker broker_;
  tavla::testing::TempDir dir_{"tavla-devices-command"};
  std::filesystem::path site_;
};

TEST_F(DevicesCommandTest, AddWritesTheBundleRevokeRefusesItAndCheckNamesWhatTheBrokerLacks) {
  const auto bundle = dir_ / "usb" / "kiosk-1";
  const auto added =
      host({"devices", "add", "kiosk-1", "--config", site_.string(), "--output", bundle.string()});
  ASSERT_EQ(added.exit_code, 0) << added.out << added.err;
  EXPECT_NE(added.out.find("kiosk.toml kiosk.secret ca.crt"), std::string::npos) << added.out;
  const MqttPeer::Login login{"kiosk-1", password_in(bundle), bundle / "ca.crt"};
  EXPECT_EQ(MqttPeer::try_connect(broker_.tls_url(), "kiosk-1", login), "");

  const auto checked = host({"check", "--config", site_.string(), "--broker"});
  EXPECT_EQ(checked.exit_code, 0) << checked.err;
  EXPECT_NE(checked.err.find("no account for [[device]] kiosk-2"), std::string::npos)
      << checked.err;
  EXPECT_EQ(checked.err.find("[[device]] kiosk-1"), std::string::npos) << checked.err;

  const auto revoked = host({"devices", "revoke", "kiosk-1", "--config", site_.string()});
  ASSERT_EQ(revoked.exit_code, 0) << revoked.out << revoked.err;
  EXPECT_NE(MqttPeer::try_connect(broker_.tls_url(), "kiosk-1", login), "");
}

// The bundle carries the appliance's own device secret (the one the host
// keys its PIN verifiers with) and the public key the host signs room
// configs with, and its kiosk.toml names both; revoke forgets the secret.
TEST_F(DevicesCommandTest, TheBundleCarriesTheDeviceSecretAndTheKeyTheHostSignsWith) {
  const auto bundle = dir_ / "usb" / "kiosk-1";
  const auto added =
      host({"devices", "add", "kiosk-1", "--config", site_.string(), "--output", bundle.string()});
  ASSERT_EQ(added.exit_code, 0) << added.out << added.err;
  EXPECT_NE(added.out.find("device.secret config-signing.pub"), std::string::npos) << added.out;
  const auto secrets = dir_ / "secrets";  // the site file's default [secrets] dir
  const auto secret = read_file(bundle / "device.secret");
  EXPECT_EQ(secret.size(), 65U) << secret;  // 64 hex digits and a newline
  EXPECT_EQ(secret, read_file(secrets / "devices" / "kiosk-1.key"));
  EXPECT_EQ(read_file(bundle / "config-signing.pub"), read_file(secrets / "signing-key.pub"));
  const auto toml = read_file(bundle / "kiosk.toml");
  EXPECT_NE(toml.find("[security]\n"), std::string::npos) << toml;
  EXPECT_NE(toml.find("config_key = \"config-signing.pub\""), std::string::npos) << toml;
  EXPECT_NE(toml.find("device_secret_file = \"device.secret\""), std::string::npos) << toml;

  const auto rotated = dir_ / "usb" / "kiosk-1-new";
  ASSERT_EQ(host({"devices", "rotate", "kiosk-1", "--config", site_.string(), "--output",
                  rotated.string()})
                .exit_code,
            0);
  EXPECT_NE(read_file(rotated / "device.secret"), secret) << "a rotation replaces the secret";
  EXPECT_EQ(read_file(rotated / "device.secret"), read_file(secrets / "devices" / "kiosk-1.key"));

  ASSERT_EQ(host({"devices", "revoke", "kiosk-1", "--config", site_.string()}).exit_code, 0);
  EXPECT_FALSE(std::filesystem::exists(secrets / "devices" / "kiosk-1.key"));
}

TEST_F(DevicesCommandTest, AWrongAdminPasswordIsRefusedInWords) {
  tavla::testing::write_file(dir_ / "host.secret", "wrong\n");
  const auto added = host(
      {"devices", "add", "kiosk-1", "--config", site_.string(), "--output", (dir_ / "b").string()});
  EXPECT_NE(added.exit_code, 0);
  EXPECT_NE(added.err.find("not authorised"), std::string::npos) << added.err;
  EXPECT_NE(added.err.find("'" + broker_.admin() + "'"), std::string::npos) << added.err;
}

// A device's implausible clock: `serve` bills a session whose kiosk said 1970
// in the year the host received it, `devices` shows the flag and `usage` warns.
class DevicesClockTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    config_ = write_example_site(dir_, database_url(GetParam(), dir_), broker_.url());
  }

  MosquittoBroker broker_;
  TempDir dir_;
  std::filesystem::path config_;
};

TEST_P(DevicesClockTest, A1970TimestampBillsTheHostsYearAndIsFlagged) {
  const auto before = std::chrono::system_clock::now();
  {
    HostService host(TAVLA_HOST, config_, dir_ / "host.log");
    KioskPeer kiosk(broker_.url(), "kiosk-1");
    EventMaker unsynced("kiosk-1", "epoch-0001", "1970-01-01");  // booted without time sync
    const std::vector<protocol::Event> day = {unsynced.opened("s-1", "gv-1"),
                                              unsynced.checked_in("s-1", "p-3", "hurdal", "fh-2")};
    for (const auto& e : day) {
      kiosk.send(e);
    }
    ASSERT_TRUE(kiosk.all_acked(day)) << host.log();
    EXPECT_EQ(host.stop(), 0);
  }
  const auto year = std::to_string(static_cast<int>(
      config::oslo_date(std::chrono::time_point_cast<std::chrono::milliseconds>(before)).year()));

  const auto usage = run_host(TAVLA_HOST, config_, {"usage", "--year", year, "--format", "csv"});
  ASSERT_EQ(usage.exit_code, 0) << usage.err;
  const auto rows = parse_report(usage.out);
  const auto hurdal = std::find_if(
      rows.begin(), rows.end(), [](const Record& r) { return r.at("municipality") == "hurdal"; });
  ASSERT_NE(hurdal, rows.end());
  EXPECT_EQ(hurdal->at("attendance_units"), "1");
  EXPECT_NE(usage.err.find("warning: device kiosk-1: 1 session(s) of " + year +
                           " dated by the host's receive time"),
            std::string::npos)
      << usage.err;
  const auto old = run_host(TAVLA_HOST, config_, {"usage", "--year", "1970", "--format", "csv"});
  EXPECT_EQ(old.err.find("dated by the host's receive time"), std::string::npos) << old.err;

  const auto devices = run_host(TAVLA_HOST, config_, {"devices", "--format", "csv"});
  ASSERT_EQ(devices.exit_code, 0) << devices.err;
  std::map<std::string, std::string> flags;
  for (const auto& r : parse_report(devices.out)) {
    flags[r.at("device")] = r.at("clock_flags");
  }
  EXPECT_EQ(flags, (std::map<std::string, std::string>{{"kiosk-1", "1"}, {"kiosk-2", "0"}}));
}

INSTANTIATE_TEST_SUITE_P(Backends, DevicesClockTest,
                         ::testing::Values(Backend::sqlite, Backend::postgresql), backend_name);

}  // namespace
}  // namespace tavla::host::testing
