// A kiosk provisioned with the host's config-signing key takes only room
// configs signed by it (protocol/README.md, "Signed room configuration"):
// unsigned, foreign-signed and tampered ones are refused, counted in the
// store and the status, and the config in force is kept; a newer signing
// epoch replaces a higher rev. SyncEngine with a fake broker link and a
// real store; the test signs with the vectors' test key (OpenSSL).
#include <openssl/evp.h>
#include <openssl/pem.h>

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <memory>

#include "tavla/kiosk/sync_engine.hpp"
#include "tavla/protocol/codec.hpp"
#include "tavla/protocol/limits.hpp"
#include "tavla/protocol/signed_config.hpp"
#include "tavla/testing/kiosk_fixtures.hpp"
#include "tavla/testing/temp_dir.hpp"

namespace tavla::kiosk {
namespace {

using namespace std::chrono_literals;

std::string keyed_file(const std::string& name) {
  std::ifstream in(std::filesystem::path(TAVLA_VECTORS_DIR) / "keyed" / name, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

using Pkey = std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>;

Pkey test_key() {
  const std::string pem = keyed_file("test-signing-key.pem");
  std::unique_ptr<BIO, decltype(&BIO_free)> bio(
      BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())), &BIO_free);
  return {PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr), &EVP_PKEY_free};
}

Pkey fresh_key() {
  return {EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519"), &EVP_PKEY_free};
}

std::string sign(EVP_PKEY* key, const std::string& bytes) {
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
  std::string signature(64, '\0');
  std::size_t size = signature.size();
  EVP_DigestSignInit(ctx.get(), nullptr, nullptr, nullptr, key);
  EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(signature.data()), &size,
                 reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  return signature;
}

class FakeLink final : public BrokerLink {
 public:
  void set_handlers(BrokerLinkHandlers) override {}
  void connect(const Will&) override {}
  void disconnect() override {}
  bool publish(const std::string& topic, const std::string& payload, bool) override {
    if (topic.ends_with("/status")) {
      last_status = payload;
    }
    return true;
  }
  bool subscribe(const std::string&) override { return true; }
  std::string last_status;
};

class SignedConfigSyncTest : public ::testing::Test {
 protected:
  SignedConfigSyncTest()
      : clock_(protocol::parse_timestamp("2026-11-27T09:00:00.000Z").value()),
        store_(dir_ / "kiosk.db", testing::kDevice, "EPOCH-0000000001") {
    options_.site = testing::kSite;
    options_.device = testing::kDevice;
    options_.firmware = "0.3.0";
    options_.build_date = "2026-01-01";
    options_.config_key_pem = keyed_file("test-signing-key.pub");
    engine_ = std::make_unique<SyncEngine>(
        options_, store_, link_, clock_, 0,
        SyncEngine::Callbacks{[this](protocol::RoomConfig c) { accepted_.push_back(c.rev); }, {}},
        [this](const std::string& line) { log_.push_back(line); });
    engine_->process(t0_);
    engine_->post_connected(false);
    engine_->process(t0_);
  }

  static std::string signed_config(EVP_PKEY* key, std::uint64_t epoch, std::uint64_t rev) {
    auto config = testing::room_config(rev);
    config.signing_epoch = epoch;
    const std::string bytes = protocol::encode(config, protocol::kSignedConfigVersion);
    return protocol::encode(protocol::SignedConfig{bytes, sign(key, bytes)});
  }

  void post(const std::string& payload) {
    engine_->post_message(
        protocol::topic_for(testing::kSite, testing::kDevice, protocol::Channel::config), payload);
    now_ += 2s;
    engine_->process(now_);
  }

  testing::TempDir dir_;
  ManualClock clock_;
  LocalStore store_;
  FakeLink link_;
  SyncOptions options_;
  std::unique_ptr<SyncEngine> engine_;
  std::vector<std::uint64_t> accepted_;
  std::vector<std::string> log_;
  const SyncEngine::SteadyTime t0_{std::chrono::seconds(1000)};
  SyncEngine::SteadyTime now_ = t0_;
  Pkey key_ = test_key();
};

TEST_F(SignedConfigSyncTest, TheSignedVectorIsAcceptedAndPersistedAsItsSignedBytes) {
  std::string vector = [] {
    std::ifstream in(std::filesystem::path(TAVLA_VECTORS_DIR) / "valid" / "signed_config.json");
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }();
  vector.pop_back();
  post(vector);
  EXPECT_EQ(accepted_, (std::vector<std::uint64_t>{7}));
  ASSERT_TRUE(store_.load_config());
  EXPECT_EQ(store_.load_config()->payload, protocol::decode_signed_config(vector).value().payload);
}

TEST_F(SignedConfigSyncTest, OnlyConfigsSignedByItsKeyAreTakenAndTheOthersAreCounted) {
  post(signed_config(key_.get(), 5, 3));
  ASSERT_EQ(accepted_, (std::vector<std::uint64_t>{3}));

  const auto foreign = fresh_key();
  post(signed_config(foreign.get(), 9, 50));
  EXPECT_EQ(engine_->status().config_rejected, "bad_signature");

  auto unsigned_config = testing::room_config(60);
  post(protocol::encode(unsigned_config));
  EXPECT_EQ(engine_->status().config_rejected, "unsigned");

  // The signed bytes changed after signing (a higher rev spliced in).
  auto tampered = signed_config(key_.get(), 5, 4);
  tampered.replace(tampered.find(R"(\"rev\":4)"), 9, R"(\"rev\":9)");
  post(tampered);
  EXPECT_EQ(engine_->status().config_rejected, "bad_signature");

  EXPECT_EQ(accepted_, (std::vector<std::uint64_t>{3})) << "the signed config stays in force";
  EXPECT_EQ(store_.load_config()->rev, 3U);
  EXPECT_EQ(store_.configs_refused(), 3U);
  now_ += 5s;
  engine_->process(now_);
  const auto status = protocol::decode_status(link_.last_status);
  ASSERT_TRUE(status) << link_.last_status;
  EXPECT_EQ(status.value().configs_refused, 3U);
  EXPECT_EQ(status.value().versions, (std::vector<std::uint64_t>{2})) << "signed configs only";
}

TEST_F(SignedConfigSyncTest, ANewerSigningEpochReplacesAHigherRevAndAnOlderOneNever) {
  post(signed_config(key_.get(), 5, 40));
  post(signed_config(key_.get(), 6, 2));  // a restored host: its revs went back
  EXPECT_EQ(accepted_, (std::vector<std::uint64_t>{40, 2}));
  post(signed_config(key_.get(), 5, 41));  // what an old retained copy might carry
  EXPECT_EQ(engine_->status().config_rejected, "older_epoch");
  post(signed_config(key_.get(), 6, 1));
  EXPECT_EQ(engine_->status().config_rejected, "older_rev");
  post(signed_config(key_.get(), 6, 3));
  EXPECT_EQ(accepted_, (std::vector<std::uint64_t>{40, 2, 3}));
  EXPECT_FALSE(engine_->status().config_rejected);
  EXPECT_EQ(store_.configs_refused(), 0U) << "well signed, only old: not counted as refused";
}

TEST_F(SignedConfigSyncTest, SignedVersionOneBytesAreNotTaken) {
  const std::string bytes = protocol::encode(testing::room_config(8));
  post(protocol::encode(protocol::SignedConfig{bytes, sign(key_.get(), bytes)}));
  EXPECT_EQ(engine_->status().config_rejected, "unsupported_version");
  EXPECT_TRUE(accepted_.empty());
}

}  // namespace
}  // namespace tavla::kiosk
