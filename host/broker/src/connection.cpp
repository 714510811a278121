#include "tavla/host/broker/connection.hpp"

#include <fstream>

#include "tavla/protocol/net/broker_url.hpp"
#include "tavla/protocol/net/connect_refusal.hpp"
#include "tavla/protocol/net/tls_check.hpp"

namespace tavla::host::broker {
namespace {

constexpr auto kTlsCheckTimeout = std::chrono::seconds(3);
constexpr int kFirstFailureReason = 0x80;  // MQTT 5 reason codes from here on are failures

}  // namespace

std::string read_secret(const std::filesystem::path& file) {
  std::ifstream in(file);
  std::string secret;
  std::getline(in, secret);
  if (!in && secret.empty()) {
    throw BrokerError("cannot read the broker password file " + file.string());
  }
  return secret;
}

void apply_login(mqtt::connect_options_builder& builder, const config::Broker& broker,
                 const std::string& url) {
  if (broker.username) {
    builder.user_name(*broker.username);
  }
  if (broker.password_file) {
    builder.password(read_secret(*broker.password_file));
  }
  const auto address = protocol::net::parse_broker_url(url);
  if (address && address->tls) {
    auto ssl = mqtt::ssl_options_builder().enable_server_cert_auth(true).verify(true);
    if (broker.ca_file) {
      ssl.trust_store(broker.ca_file->string());
    }
    builder.ssl(ssl.finalize());
  }
}

std::string describe_connect_failure(const mqtt::exception& e, const config::Broker& broker,
                                     const std::string& url) {
  // MQTT 5 puts a refusal in the reason code, MQTT 3.1.1 in the return code.
  const int reason = e.get_reason_code();
  const int code = reason >= kFirstFailureReason ? reason : e.get_return_code();
  if (code > 0) {
    return protocol::net::describe_connect_refusal(code, broker.username);
  }
  const auto address = protocol::net::parse_broker_url(url);
  if (!address || !address->tls) {
    return e.what();
  }
  return protocol::net::diagnose_tls(*address, broker.ca_file, kTlsCheckTimeout).sentence;
}

}  // namespace tavla::host::broker
