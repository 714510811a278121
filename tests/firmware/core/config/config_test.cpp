#include "tavla/kiosk/config.hpp"

#include <gtest/gtest.h>

#include "tavla/testing/temp_dir.hpp"

namespace tavla::kiosk {
namespace {

constexpr const char* kGood = R"toml([device]
id = "kiosk-1"
site = "stottepilar"
data_dir = "/var/lib/tavla-kiosk"

[broker]
url = "tcp://127.0.0.1:1883"
username = "kiosk-1"

[ui]
locale = "nn"
)toml";

ConfigError error_of(std::string_view text) {
  auto result = parse_kiosk_config(text, "/etc/tavla/kiosk.toml");
  if (!std::holds_alternative<ConfigError>(result)) {
    ADD_FAILURE() << "accepted:\n" << text;
    return {};
  }
  return std::get<ConfigError>(result);
}

TEST(KioskConfig, ReadsTheExample) {
  auto result = parse_kiosk_config(kGood, "/etc/tavla/kiosk.toml");
  ASSERT_TRUE(std::holds_alternative<KioskConfig>(result))
      << std::get<ConfigError>(result).message();
  const auto& c = std::get<KioskConfig>(result);
  EXPECT_EQ(c.device, "kiosk-1");
  EXPECT_EQ(c.site, "stottepilar");
  EXPECT_EQ(c.data_dir, "/var/lib/tavla-kiosk");
  EXPECT_EQ(c.broker.url, "tcp://127.0.0.1:1883");
  EXPECT_EQ(c.broker.username, "kiosk-1");
  EXPECT_EQ(c.locale, protocol::Locale::nn);
  EXPECT_EQ(c.timezone, "Europe/Oslo");
  EXPECT_EQ(c.tuning.undo_window, std::chrono::seconds(60));
}

TEST(KioskConfig, AMissingRequiredKeyNamesTheSectionLineAndKey) {
  const auto e = error_of(
      "[device]\nid = \"kiosk-1\"\ndata_dir = \"/x\"\n[broker]\nurl = \"tcp://localhost:1\"\n");
  EXPECT_EQ(e.file, "/etc/tavla/kiosk.toml");
  EXPECT_EQ(e.key, "device.site");
  EXPECT_EQ(e.line, 1);
  EXPECT_NE(e.message().find("/etc/tavla/kiosk.toml:1:1: device.site: required"), std::string::npos)
      << e.message();
}

TEST(KioskConfig, AMissingBrokerSectionIsNamed) {
  const auto e = error_of("[device]\nid = \"k\"\nsite = \"s\"\ndata_dir = \"/x\"\n");
  EXPECT_EQ(e.key, "broker");
}

TEST(KioskConfig, AWrongTypeNamesItsLine) {
  const auto e = error_of(
      "[device]\nid = \"kiosk-1\"\nsite = 7\ndata_dir = \"/x\"\n[broker]\nurl = "
      "\"tcp://localhost:1\"\n");
  EXPECT_EQ(e.key, "device.site");
  EXPECT_EQ(e.line, 3);
}

TEST(KioskConfig, AnUnknownKeyIsAnError) {
  const auto e = error_of(std::string(kGood) + "[tuning]\nundo_secs = 5\n");
  EXPECT_EQ(e.key, "tuning.undo_secs");
  EXPECT_EQ(e.line, 13);
}

TEST(KioskConfig, BadValuesAreNamed) {
  EXPECT_EQ(error_of("[device]\nid = \"Kiosk 1\"\nsite = \"s\"\ndata_dir = \"/x\"\n[broker]\nurl = "
                     "\"tcp://localhost:1\"\n")
                .key,
            "device.id");
  EXPECT_EQ(
      error_of(
          "[device]\nid = \"k\"\nsite = \"s\"\ndata_dir = \"/x\"\n[broker]\nurl = \"http://h:1\"\n")
          .key,
      "broker.url");
  EXPECT_EQ(error_of(std::string(kGood) + "[tuning]\nmax_in_flight = 0\n").key,
            "tuning.max_in_flight");
  const auto locale = error_of(
      "[device]\nid = \"k\"\nsite = \"s\"\ndata_dir = \"/x\"\n[broker]\nurl = "
      "\"tcp://localhost:1\"\n[ui]\nlocale = \"de\"\n");
  EXPECT_EQ(locale.key, "ui.locale");
  EXPECT_EQ(locale.line, 8);
  EXPECT_EQ(error_of("[device]\nid = \"k\"\nsite = \"s\"\ndata_dir = \"/x\"\n[broker]\nurl = "
                     "\"tcp://localhost:1\"\n[ui]\nadmin_pin_hash = \"1234\"\n")
                .key,
            "ui.admin_pin_hash");
}

TEST(KioskConfig, AnUnknownTimeZoneIsNamed) {
  const auto e = error_of(
      "[device]\nid = \"k\"\nsite = \"s\"\ndata_dir = \"/x\"\ntimezone = \"Mars/Olympus\"\n"
      "[broker]\nurl = \"tcp://localhost:1\"\n");
  EXPECT_EQ(e.key, "device.timezone");
  EXPECT_EQ(e.line, 5);
  auto ok = parse_kiosk_config(
      "[device]\nid = \"k\"\nsite = \"s\"\ndata_dir = \"/x\"\ntimezone = \"Europe/Oslo\"\n"
      "[broker]\nurl = \"tcp://localhost:1\"\n",
      "k.toml");
  EXPECT_TRUE(std::holds_alternative<KioskConfig>(ok));
}

TEST(KioskConfig, ASyntaxErrorNamesItsLine) {
  const auto e = error_of("[device]\nid = \"kiosk-1\nsite = \"s\"\n");
  EXPECT_EQ(e.line, 2);
  EXPECT_FALSE(e.reason.empty());
}

TEST(KioskConfig, ReadsThePasswordFileNextToTheConfig) {
  testing::TempDir dir;
  testing::write_file(dir / "kiosk-1.secret", "s3cret\n");
  testing::write_file(dir / "kiosk.toml",
                      "[device]\nid = \"k\"\nsite = \"s\"\ndata_dir = \"data\"\n[broker]\nurl = "
                      "\"tcp://localhost:1\"\npassword_file = \"kiosk-1.secret\"\n");
  auto result = load_kiosk_config(dir / "kiosk.toml");
  ASSERT_TRUE(std::holds_alternative<KioskConfig>(result))
      << std::get<ConfigError>(result).message();
  const auto& c = std::get<KioskConfig>(result);
  EXPECT_EQ(c.broker.password, "s3cret");
  EXPECT_EQ(c.data_dir, dir.path() / "data");
}

TEST(KioskConfig, PlainTcpIsRefusedUnlessItStaysOnLoopback) {
  const auto e = error_of(
      "[device]\nid = \"k\"\nsite = \"s\"\ndata_dir = \"/x\"\n[broker]\nurl = "
      "\"tcp://mqtt.example.no:1883\"\n");
  EXPECT_EQ(e.key, "broker.url");
  EXPECT_EQ(e.line, 6);
  EXPECT_NE(e.reason.find("use ssl://"), std::string::npos) << e.reason;
}

TEST(KioskConfig, TheCaFileIsReadNextToTheConfig) {
  auto result = parse_kiosk_config(
      "[device]\nid = \"k\"\nsite = \"s\"\ndata_dir = \"/x\"\n[broker]\nurl = "
      "\"ssl://mqtt.example.no\"\nca_file = \"ca.crt\"\n",
      "/etc/tavla/kiosk.toml");
  ASSERT_TRUE(std::holds_alternative<KioskConfig>(result))
      << std::get<ConfigError>(result).message();
  EXPECT_EQ(std::get<KioskConfig>(result).broker.ca_file, "/etc/tavla/ca.crt");
}

TEST(KioskConfig, AMissingPasswordFileIsNamed) {
  const auto e = error_of(
      "[device]\nid = \"k\"\nsite = \"s\"\ndata_dir = \"/x\"\n[broker]\nurl = "
      "\"tcp://localhost:1\"\npassword_file = \"/nonexistent/secret\"\n");
  EXPECT_EQ(e.key, "broker.password_file");
  EXPECT_EQ(e.line, 7);
}

TEST(KioskConfig, ReadsTheHostsKeyAndTheDeviceSecretNextToTheConfig) {
  testing::TempDir dir;
  const std::string pem =
      "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAHPLrp77+0ITUqM8SuyauRyX4JeRSCdqoInN3VPNVMXQ=\n"
      "-----END PUBLIC KEY-----\n";
  testing::write_file(dir / "config-signing.pub", pem);
  testing::write_file(dir / "device.secret", std::string(62, '0') + "ff\n");
  testing::write_file(dir / "kiosk.toml",
                      "[device]\nid = \"k\"\nsite = \"s\"\ndata_dir = \"data\"\n[broker]\nurl = "
                      "\"tcp://127.0.0.1:1\"\n[security]\nconfig_key = \"config-signing.pub\"\n"
                      "device_secret_file = \"device.secret\"\n");
  auto result = load_kiosk_config(dir / "kiosk.toml");
  ASSERT_TRUE(std::holds_alternative<KioskConfig>(result))
      << std::get<ConfigError>(result).message();
  const auto& c = std::get<KioskConfig>(result);
  EXPECT_EQ(c.config_key_pem, pem.substr(0, pem.size() - 1));
  ASSERT_TRUE(c.device_secret);
  EXPECT_EQ(c.device_secret->size(), 32U);
  EXPECT_EQ(c.device_secret->back(), '\xff');
}

TEST(KioskConfig, ABadKeyOrSecretIsNamed) {
  testing::TempDir dir;
  testing::write_file(dir / "not-a-key", "hello\n");
  testing::write_file(dir / "short.secret", "abcd\n");
  const std::string head =
      "[device]\nid = \"k\"\nsite = \"s\"\ndata_dir = \"/x\"\n[broker]\nurl = "
      "\"tcp://127.0.0.1:1\"\n[security]\n";
  auto e = error_of(head + "config_key = \"" + (dir / "not-a-key").string() + "\"\n");
  EXPECT_EQ(e.key, "security.config_key");
  e = error_of(head + "config_key = \"/nonexistent/key.pub\"\n");
  EXPECT_EQ(e.key, "security.config_key");
  e = error_of(head + "device_secret_file = \"" + (dir / "short.secret").string() + "\"\n");
  EXPECT_EQ(e.key, "security.device_secret_file");
  EXPECT_EQ(e.line, 8);
}

TEST(KioskConfig, AMissingFileIsNamed) {
  auto result = load_kiosk_config("/nonexistent/kiosk.toml");
  ASSERT_TRUE(std::holds_alternative<ConfigError>(result));
  EXPECT_EQ(std::get<ConfigError>(result).file, "/nonexistent/kiosk.toml");
}

}  // namespace
}  // namespace tavla::kiosk
