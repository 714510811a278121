// Why a TLS connection to the broker fails, in a sentence an operator can
// act on. Paho verifies the chain and the host name (kiosk and host turn
// both on) but reports a wrong host name, an unknown CA and an unreachable
// broker alike as "TCP/TLS connect failure"; after such a failure, kiosk and
// host run this check once, with OpenSSL and the same rules (chain against
// the CA file, then the name as Paho's X509_check_host/X509_check_ip_asc),
// and log what it finds.
//
// Its own library, tavla::protocol_tls (OpenSSL), beside tavla::protocol_net.
#pragma once

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>

#include "tavla/protocol/net/broker_url.hpp"

namespace tavla::protocol::net {

enum class TlsVerdict {
  unreachable,      // no TCP connection (refused, no route, timeout, unknown host)
  handshake,        // TLS itself failed (not a TLS port, no common protocol, bad CA file)
  unknown_ca,       // the chain does not lead to the CA file's certificate
  bad_certificate,  // expired, not yet valid, or otherwise invalid
  wrong_host,       // the certificate is valid but not for this host name
  verified,         // chain and name verify: the failure lies elsewhere
};

struct TlsDiagnosis {
  TlsVerdict verdict{};
  std::string sentence;  // for the log: what failed, with the names involved
};

// Connects to `address` (which must be a TLS one) within `timeout`, makes one
// handshake, and checks what Paho checks. `ca_file` nullopt: the system's CAs.
[[nodiscard]] TlsDiagnosis diagnose_tls(const BrokerAddress& address,
                                        const std::optional<std::filesystem::path>& ca_file,
                                        std::chrono::milliseconds timeout);

}  // namespace tavla::protocol::net
