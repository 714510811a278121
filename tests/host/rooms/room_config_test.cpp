// The room configs the host publishes, in version 2: signed with the host's
// key in its signing epoch, with PIN verifiers keyed by the device secret,
// made once and kept, so a reload republishes the same bytes under the
// same rev. Both database backends.
#include "tavla/host/rooms/room_config.hpp"

#include <gtest/gtest.h>

#include <map>

#include "host_fixture.hpp"
#include "tavla/host/config/load.hpp"
#include "tavla/host/secrets/pin_verifiers.hpp"
#include "tavla/host/secrets/secrets.hpp"
#include "tavla/protocol/codec.hpp"
#include "tavla/protocol/signed_config.hpp"

namespace tavla::host::testing {
namespace {

constexpr std::int64_t kNow = 1764230400;

class Recorder final : public ingest::Publisher {
 public:
  void publish(const std::string& topic, const std::string& payload, bool retained) override {
    EXPECT_TRUE(retained);
    last[topic] = payload;
  }
  std::map<std::string, std::string> last;
};

class RoomConfigTest : public ::testing::TestWithParam<Backend> {
 protected:
  RoomConfigTest()
      : config_(write_example_site(dir_, database_url(GetParam(), dir_))),
        site_(config::load_site(config_)),
        repos_(site_.database_url) {
    storage::in_transaction(repos_.db(), [this](storage::Transaction& tx) {
      storage::DeviceStatus status;
      status.device = "kiosk-1";
      status.online = true;
      status.updated_at = "2026-03-27T12:00:00.000Z";
      status.versions = std::vector<std::uint64_t>{2};
      repos_.devices().update_status(tx, status);
    });
  }

  // Publishes kiosk-1's config and returns the signed envelope as published.
  protocol::SignedConfig publish(const secrets::Secrets& secrets) {
    Recorder recorder;
    std::vector<std::string> lines;
    const auto published =
        rooms::publish_room_configs(site_, repos_, &secrets, recorder, {"kiosk-1"},
                                    [&lines](const std::string& line) { lines.push_back(line); });
    EXPECT_EQ(published, 1U) << (lines.empty() ? "" : lines.front());
    const auto envelope =
        protocol::decode_signed_config(recorder.last.at("tavla/v1/stottepilar/kiosk-1/config"));
    EXPECT_TRUE(envelope) << envelope.error().message();
    return envelope.value();
  }

  tavla::testing::TempDir dir_;
  std::filesystem::path config_;
  config::Site site_;
  storage::Repositories repos_;
};

TEST_P(RoomConfigTest, ADeviceThatReadsVersionTwoGetsItSignedWithVerifiersOfItsSecret) {
  auto secrets = secrets::Secrets::open(dir_ / "secrets", kNow);
  const std::string secret = secrets.ensure_device_secret("kiosk-1");
  const auto envelope = publish(secrets);
  EXPECT_TRUE(
      secrets::verify_signature(secrets.public_key_pem(), envelope.payload, envelope.signature));
  const auto config =
      protocol::decode_config("tavla/v1/stottepilar/kiosk-1/config", envelope.payload);
  ASSERT_TRUE(config) << config.error().message();
  EXPECT_EQ(config.value().signing_epoch, static_cast<std::uint64_t>(kNow));
  std::map<std::string, std::string> verifiers;
  for (const auto& member : config.value().groups.at(0).members) {
    EXPECT_FALSE(member.pin_hash) << "no weak hash travels in version 2";
    if (member.pin_verifier) {
      verifiers[member.participant] = *member.pin_verifier;
    }
  }
  ASSERT_EQ(verifiers.size(), 2U) << "p-1 and p-v have PINs in the example";
  EXPECT_TRUE(secrets::check_pin(secret, "p-1", "1234", verifiers.at("p-1")));
  EXPECT_TRUE(secrets::check_pin(secret, "p-v", "4321", verifiers.at("p-v")));
  EXPECT_FALSE(secrets::check_pin(secret, "p-v", "1234", verifiers.at("p-v")));
}

TEST_P(RoomConfigTest, AReloadKeepsTheVerifiersTheBytesAndTheRev) {
  auto secrets = secrets::Secrets::open(dir_ / "secrets", kNow);
  (void)secrets.ensure_device_secret("kiosk-1");
  const auto first = publish(secrets);
  site_ = config::load_site(config_);  // what SIGHUP does
  const auto second = publish(secrets);
  EXPECT_EQ(second, first) << "the same bytes and signature: no new rev, no hashing";
  const auto rev = protocol::decode_config(first.payload).value().rev;

  // A member's new PIN makes a new verifier (and a new rev); the others stay.
  auto text = tavla::testing::read_file(dir_ / "gv.csv");
  text.replace(text.find("Kari Nordmann,1234"), 18, "Kari Nordmann,9876");
  tavla::testing::write_file(dir_ / "gv.csv", text);
  site_ = config::load_site(config_);
  const auto changed = protocol::decode_config(publish(secrets).payload).value();
  EXPECT_EQ(changed.rev, rev + 1);
  const auto before = protocol::decode_config(first.payload).value();
  const auto& members = changed.groups.at(0).members;
  const auto& old_members = before.groups.at(0).members;
  EXPECT_NE(members.front().pin_verifier, old_members.front().pin_verifier);  // p-1
  EXPECT_EQ(members.back().pin_verifier, old_members.back().pin_verifier);    // p-v
}

TEST_P(RoomConfigTest, ARestoredHostPublishesInANewerEpoch) {
  {
    auto live = secrets::Secrets::open(dir_ / "secrets", kNow);
    (void)live.ensure_device_secret("kiosk-1");
    ASSERT_EQ(protocol::decode_config(publish(live).payload).value().signing_epoch,
              static_cast<std::uint64_t>(kNow));
  }
  ASSERT_TRUE(secrets::Secrets::copy_for_backup(dir_ / "secrets", dir_ / "backup"));
  const auto restored = secrets::Secrets::open(dir_ / "backup", kNow + 3600);
  const auto config = protocol::decode_config(publish(restored).payload).value();
  EXPECT_EQ(config.signing_epoch, static_cast<std::uint64_t>(kNow + 3600));
}

TEST_P(RoomConfigTest, ADeviceWithoutASecretGetsNoConfigAndTheLogSaysHowToProvisionIt) {
  const auto secrets = secrets::Secrets::open(dir_ / "secrets", kNow);
  Recorder recorder;
  std::vector<std::string> lines;
  EXPECT_EQ(rooms::publish_room_configs(site_, repos_, &secrets, recorder, {"kiosk-1"},
                                        [&lines](const std::string& l) { lines.push_back(l); }),
            0U);
  EXPECT_TRUE(recorder.last.empty());
  ASSERT_EQ(lines.size(), 1U);
  EXPECT_NE(lines[0].find("devices add kiosk-1"), std::string::npos) << lines[0];
}

TEST_P(RoomConfigTest, ADeviceThatReadsVersionOneStillGetsItUnsigned) {
  const auto secrets = secrets::Secrets::open(dir_ / "secrets", kNow);
  Recorder recorder;
  EXPECT_EQ(rooms::publish_room_configs(site_, repos_, &secrets, recorder, {"kiosk-2"},
                                        [](const std::string&) {}),
            1U);
  const auto config =
      protocol::decode_config(recorder.last.at("tavla/v1/stottepilar/kiosk-2/config"));
  ASSERT_TRUE(config) << config.error().message();
  EXPECT_EQ(config.value().signing_epoch, 0U);
}

TEST_P(RoomConfigTest, WithoutSecretsOnlyUnsignedConfigsArePublished) {
  Recorder recorder;
  std::vector<std::string> lines;
  EXPECT_EQ(rooms::publish_room_configs(site_, repos_, nullptr, recorder, {},
                                        [&lines](const std::string& l) { lines.push_back(l); }),
            1U);
  EXPECT_TRUE(recorder.last.contains("tavla/v1/stottepilar/kiosk-2/config"));
  ASSERT_EQ(lines.size(), 1U);
  EXPECT_NE(lines[0].find("kiosk-1"), std::string::npos) << lines[0];
}

INSTANTIATE_TEST_SUITE_P(Backends, RoomConfigTest,
                         ::testing::Values(Backend::sqlite, Backend::postgresql), backend_name);

}  // namespace
}  // namespace tavla::host::testing
