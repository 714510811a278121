#include "tavla/host/secrets/secrets.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include "tavla/protocol/base64.hpp"
#include "tavla/testing/temp_dir.hpp"

namespace tavla::host::secrets {
namespace {

std::string read(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

constexpr std::int64_t kNow = 1764230400;

TEST(Secrets, MakesAKeyAndAnEpochOnceAndKeepsThem) {
  testing::TempDir dir;
  const auto first = Secrets::open(dir / "secrets", kNow);
  EXPECT_EQ(first.signing_epoch(), static_cast<std::uint64_t>(kNow));
  const auto again = Secrets::open(dir / "secrets", kNow + 100);
  EXPECT_EQ(again.signing_epoch(), first.signing_epoch()) << "reopening is no new epoch";
  EXPECT_EQ(again.public_key_pem(), first.public_key_pem());
  EXPECT_EQ(read(dir / "secrets" / "signing-key.pub"), first.public_key_pem());
  const auto perms = std::filesystem::status(dir / "secrets" / "signing-key.pem").permissions();
  EXPECT_EQ(perms & (std::filesystem::perms::group_all | std::filesystem::perms::others_all),
            std::filesystem::perms::none)
      << "only the owner reads the private key";
}

TEST(Secrets, SignaturesVerifyWithItsPublicKeyOnlyAndOverTheExactBytes) {
  testing::TempDir dir;
  const auto secrets = Secrets::open(dir / "a", kNow);
  const auto other = Secrets::open(dir / "b", kNow);
  const std::string bytes = R"({"v":2,"rev":1})";
  const std::string signature = secrets.sign(bytes);
  EXPECT_EQ(signature.size(), 64U);
  EXPECT_TRUE(verify_signature(secrets.public_key_pem(), bytes, signature));
  EXPECT_FALSE(verify_signature(other.public_key_pem(), bytes, signature));
  EXPECT_FALSE(verify_signature(secrets.public_key_pem(), R"({"v":2,"rev":2})", signature));
  EXPECT_EQ(secrets.sign(bytes), signature) << "Ed25519 is deterministic: a stable retained copy";
}

// With the vectors' test key, the host signs the version 2 vector into
// exactly the signed vector's envelope (Ed25519 is deterministic).
TEST(Secrets, TheHostSignsTheVectorAsTheSignedVector) {
  testing::TempDir dir;
  const std::filesystem::path vectors(TAVLA_VECTORS_DIR);
  std::filesystem::create_directories(dir / "s");
  std::filesystem::copy_file(vectors / "keyed" / "test-signing-key.pem",
                             dir / "s" / "signing-key.pem");
  const auto secrets = Secrets::open(dir / "s", kNow);
  EXPECT_EQ(secrets.public_key_pem(), read(vectors / "keyed" / "test-signing-key.pub"));
  std::string bytes = read(vectors / "valid" / "config.v2.json");
  bytes.pop_back();  // the vector file's newline
  std::string envelope = read(vectors / "valid" / "signed_config.json");
  envelope.pop_back();
  const auto signature = protocol::from_base64(
      envelope.substr(envelope.rfind("\"sig\":\"") + 7, 88));
  ASSERT_TRUE(signature);
  EXPECT_EQ(secrets.sign(bytes), *signature);
  EXPECT_FALSE(verify_signature(read(vectors / "keyed" / "other-key.pub"), bytes, *signature));
}

TEST(Secrets, ARestoredCopyBeginsANewerEpochEachTimeItIsRestored) {
  testing::TempDir dir;
  const auto live = Secrets::open(dir / "live", kNow);
  EXPECT_FALSE(Secrets::copy_for_backup(dir / "none", dir / "nothing")) << "no key, no copy";
  EXPECT_TRUE(Secrets::copy_for_backup(dir / "live", dir / "backup"));
  EXPECT_THROW(Secrets::copy_for_backup(dir / "live", dir / "backup"), SecretsError)
      << "never overwrites";
  std::filesystem::copy(dir / "backup", dir / "restored", std::filesystem::copy_options::recursive);
  const auto restored = Secrets::open(dir / "restored", kNow + 60);
  EXPECT_EQ(restored.signing_epoch(), static_cast<std::uint64_t>(kNow + 60));
  EXPECT_EQ(restored.public_key_pem(), live.public_key_pem()) << "the kiosks keep their key";
  EXPECT_EQ(Secrets::open(dir / "restored", kNow + 120).signing_epoch(), restored.signing_epoch())
      << "the mark is spent on the first start";
  // A clock that went back still gives a newer epoch.
  std::filesystem::copy(dir / "backup", dir / "again", std::filesystem::copy_options::recursive);
  EXPECT_EQ(Secrets::open(dir / "again", kNow - 1000).signing_epoch(),
            static_cast<std::uint64_t>(kNow + 1));
}

TEST(Secrets, DeviceSecretsAreMadeKeptRotatedAndRemoved) {
  testing::TempDir dir;
  auto secrets = Secrets::open(dir / "s", kNow);
  EXPECT_FALSE(secrets.device_secret("kiosk-1"));
  const std::string first = secrets.ensure_device_secret("kiosk-1");
  EXPECT_EQ(first.size(), 32U);
  EXPECT_EQ(secrets.ensure_device_secret("kiosk-1"), first);
  EXPECT_EQ(Secrets::open(dir / "s", kNow).device_secret("kiosk-1"), first);
  EXPECT_NE(secrets.ensure_device_secret("kiosk-2"), first);
  const std::string rotated = secrets.rotate_device_secret("kiosk-1");
  EXPECT_NE(rotated, first);
  EXPECT_EQ(secrets.device_secret("kiosk-1"), rotated);
  secrets.remove_device_secret("kiosk-1");
  EXPECT_FALSE(secrets.device_secret("kiosk-1"));
  EXPECT_THROW((void)secrets.device_secret("../signing-key"), SecretsError);
}

TEST(Secrets, ABadFileIsNamed) {
  testing::TempDir dir;
  std::filesystem::create_directories(dir / "s");
  std::ofstream(dir / "s" / "signing-key.pem") << "not a key";
  try {
    (void)Secrets::open(dir / "s", kNow);
    FAIL() << "opened";
  } catch (const SecretsError& e) {
    EXPECT_NE(std::string(e.what()).find("signing-key.pem"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace tavla::host::secrets
