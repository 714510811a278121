#include "tavla/protocol/net/broker_url.hpp"

#include <arpa/inet.h>

#include <array>
#include <charconv>

namespace tavla::protocol::net {
namespace {

struct Scheme {
  std::string_view prefix;
  bool tls;
};
constexpr std::array<Scheme, 4> kSchemes{
    {{"tcp://", false}, {"mqtt://", false}, {"ssl://", true}, {"mqtts://", true}}};

constexpr int kPlainPort = 1883;
constexpr int kTlsPort = 8883;
constexpr int kMaxPort = 65535;

// Splits "host:port" or "[v6]:port" (the port optional); false if malformed.
bool split_host_port(std::string_view rest, std::string& host, std::string_view& port) {
  if (rest.starts_with('[')) {
    const auto close = rest.find(']');
    if (close == std::string_view::npos) {
      return false;
    }
    host = std::string(rest.substr(1, close - 1));
    const std::string_view after = rest.substr(close + 1);
    if (!after.empty() && !after.starts_with(':')) {
      return false;
    }
    port = after.empty() ? after : after.substr(1);
    return true;
  }
  const auto colon = rest.rfind(':');
  host = std::string(rest.substr(0, colon));
  port = colon == std::string_view::npos ? std::string_view{} : rest.substr(colon + 1);
  return host.find(':') == std::string::npos;  // an IPv6 address needs brackets
}

}  // namespace

std::optional<BrokerAddress> parse_broker_url(std::string_view url) {
  BrokerAddress address;
  bool known = false;
  for (const auto& scheme : kSchemes) {
    if (url.starts_with(scheme.prefix)) {
      url.remove_prefix(scheme.prefix.size());
      address.tls = scheme.tls;
      known = true;
      break;
    }
  }
  std::string_view port;
  if (!known || !split_host_port(url, address.host, port) || address.host.empty()) {
    return std::nullopt;
  }
  address.port = address.tls ? kTlsPort : kPlainPort;
  if (!port.empty()) {
    const auto* end = port.data() + port.size();
    const auto parsed = std::from_chars(port.data(), end, address.port);
    if (parsed.ec != std::errc{} || parsed.ptr != end || address.port < 1 ||
        address.port > kMaxPort) {
      return std::nullopt;
    }
  }
  return address;
}

bool is_loopback_host(std::string_view host) {
  if (host == "localhost") {
    return true;
  }
  const std::string text(host);
  in_addr v4{};
  if (::inet_pton(AF_INET, text.c_str(), &v4) == 1) {
    constexpr unsigned kLoopbackNet = 127;
    constexpr unsigned kNetShift = 24;
    return (ntohl(v4.s_addr) >> kNetShift) == kLoopbackNet;
  }
  in6_addr v6{};
  return ::inet_pton(AF_INET6, text.c_str(), &v6) == 1 && IN6_IS_ADDR_LOOPBACK(&v6);
}

std::optional<std::string> broker_url_problem(std::string_view url) {
  const auto address = parse_broker_url(url);
  if (!address) {
    return "'" + std::string(url) +
           "' is not a broker URL (ssl://HOST[:PORT], or tcp://HOST[:PORT] on loopback)";
  }
  if (!address->tls && !is_loopback_host(address->host)) {
    return "plain TCP to " + address->host +
           " would cross the network unencrypted: use ssl:// (plain tcp:// is allowed only to "
           "localhost, 127.0.0.1 or ::1)";
  }
  return std::nullopt;
}

std::string describe_transport(const BrokerAddress& address) {
  const std::string where = address.host + ":" + std::to_string(address.port);
  return address.tls ? "TLS to " + where + " (certificate chain and host name verified)"
                     : "plain TCP to " + where + " (allowed on loopback only)";
}

}  // namespace tavla::protocol::net
