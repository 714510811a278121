// `tavla-host devices add|rotate|revoke` and `check --broker` as real
// processes against a real mosquitto with TLS and the dynamic-security
// plugin: what an operator runs, and that the bundle's account works.
#include <gtest/gtest.h>

#include "host_fixture.hpp"
#include "mqtt_peer.hpp"
#include "tavla/testing/process.hpp"
#include "tavla/testing/programs.hpp"
#include "tavla/testing/secure_broker.hpp"

namespace tavla::host::testing {
namespace {

using tavla::testing::program_argv;
using tavla::testing::read_file;
using tavla::testing::RunResult;

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

TEST_F(DevicesCommandTest, AWrongAdminPasswordIsRefusedInWords) {
  tavla::testing::write_file(dir_ / "host.secret", "wrong\n");
  const auto added = host(
      {"devices", "add", "kiosk-1", "--config", site_.string(), "--output", (dir_ / "b").string()});
  EXPECT_NE(added.exit_code, 0);
  EXPECT_NE(added.err.find("not authorised"), std::string::npos) << added.err;
  EXPECT_NE(added.err.find("'" + broker_.admin() + "'"), std::string::npos) << added.err;
}

}  // namespace
}  // namespace tavla::host::testing
