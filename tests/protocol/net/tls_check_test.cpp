// tavla::protocol_tls: what diagnose_tls finds against a real mosquitto with
// a TLS listener whose certificate comes from a throwaway CA.
#include "tavla/protocol/net/tls_check.hpp"

#include <gtest/gtest.h>

#include "tavla/testing/mosquitto_broker.hpp"
#include "tavla/testing/net.hpp"
#include "tavla/testing/throwaway_ca.hpp"

namespace tavla::protocol::net {
namespace {

using namespace std::chrono_literals;
using testing::MosquittoBroker;
using testing::ThrowawayCa;

// A broker whose TLS listener on 127.0.0.1 has a certificate for "localhost" only.
class TlsCheckTest : public ::testing::Test {
 protected:
  ThrowawayCa ca_;
  ThrowawayCa other_ca_{"Someone else's CA"};
  ThrowawayCa::Issued server_ = ca_.issue("server", {"localhost"});
  int port_ = testing::free_port();
  MosquittoBroker broker_{MosquittoBroker::Options{
      .listeners = "listener " + std::to_string(port_) + " 127.0.0.1\n" + "allow_anonymous true\n" +
                   "certfile " + server_.certificate.string() + "\n" + "keyfile " +
                   server_.key.string() + "\n",
      .port = port_}};

  TlsDiagnosis check(const std::string& host, const std::filesystem::path& ca, int port = 0) {
    return diagnose_tls({true, host, port == 0 ? port_ : port}, ca, 5s);
  }
};

TEST_F(TlsCheckTest, TheRightCaAndNameVerify) {
  const auto d = check("localhost", ca_.certificate());
  EXPECT_EQ(d.verdict, TlsVerdict::verified) << d.sentence;
}

TEST_F(TlsCheckTest, ANameTheCertificateDoesNotCarryIsAWrongHostName) {
  const auto d = check("127.0.0.1", ca_.certificate());
  EXPECT_EQ(d.verdict, TlsVerdict::wrong_host) << d.sentence;
  EXPECT_NE(d.sentence.find("not valid for '127.0.0.1'"), std::string::npos) << d.sentence;
  EXPECT_NE(d.sentence.find("DNS:localhost"), std::string::npos) << d.sentence;
}

TEST_F(TlsCheckTest, AnotherCaIsAnUnknownCa) {
  const auto d = check("localhost", other_ca_.certificate());
  EXPECT_EQ(d.verdict, TlsVerdict::unknown_ca) << d.sentence;
  EXPECT_NE(d.sentence.find(other_ca_.certificate().string()), std::string::npos) << d.sentence;
}

TEST_F(TlsCheckTest, NoListenerIsUnreachable) {
  const auto d = check("localhost", ca_.certificate(), testing::free_port());
  EXPECT_EQ(d.verdict, TlsVerdict::unreachable) << d.sentence;
}

TEST(TlsCheckPlainTest, APlainPortFailsTheHandshake) {
  const MosquittoBroker plain;
  const ThrowawayCa ca;
  const auto d = diagnose_tls({true, "localhost", plain.port()}, ca.certificate(), 5s);
  EXPECT_EQ(d.verdict, TlsVerdict::handshake) << d.sentence;
}

}  // namespace
}  // namespace tavla::protocol::net
