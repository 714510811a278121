#include "tavla/protocol/net/tls_check.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netdb.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <memory>

namespace tavla::protocol::net {
namespace {

struct FdCloser {
  int fd = -1;
  FdCloser() = default;
  explicit FdCloser(int f) : fd(f) {}
  ~FdCloser() {
    if (fd >= 0) {
      ::close(fd);
    }
  }
  FdCloser(const FdCloser&) = delete;
  FdCloser& operator=(const FdCloser&) = delete;
  FdCloser(FdCloser&& other) noexcept : fd(other.fd) { other.fd = -1; }
  FdCloser& operator=(FdCloser&&) = delete;
};

using CtxPtr = std::unique_ptr<SSL_CTX, decltype(&SSL_CTX_free)>;
using SslPtr = std::unique_ptr<SSL, decltype(&SSL_free)>;
using CertPtr = std::unique_ptr<X509, decltype(&X509_free)>;

std::string where(const BrokerAddress& a) {
  return a.host + ":" + std::to_string(a.port);
}

// The first OpenSSL error queued, as text ("" if none).
std::string openssl_error() {
  const unsigned long code = ERR_get_error();
  if (code == 0) {
    return {};
  }
  constexpr std::size_t kLength = 256;
  std::string text(kLength, '\0');
  ERR_error_string_n(code, text.data(), text.size());
  text.resize(std::strlen(text.c_str()));
  ERR_clear_error();
  return text;
}

// One connected TCP socket with send/receive timeouts, or the reason there is none.
FdCloser connect_tcp(const BrokerAddress& a, std::chrono::milliseconds timeout,
                     std::string& error) {
  addrinfo hints{};
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* found = nullptr;
  const std::string port = std::to_string(a.port);
  if (const int rc = ::getaddrinfo(a.host.c_str(), port.c_str(), &hints, &found); rc != 0) {
    error = ::gai_strerror(rc);
    return FdCloser{};
  }
  const std::unique_ptr<addrinfo, decltype(&::freeaddrinfo)> list(found, ::freeaddrinfo);
  for (const addrinfo* ai = found; ai != nullptr; ai = ai->ai_next) {
    FdCloser s(::socket(ai->ai_family, ai->ai_socktype | SOCK_NONBLOCK, ai->ai_protocol));
    if (s.fd < 0) {
      continue;
    }
    if (::connect(s.fd, ai->ai_addr, ai->ai_addrlen) != 0 && errno != EINPROGRESS) {
      error = std::strerror(errno);  // NOLINT(concurrency-mt-unsafe): glibc's is thread-safe
      continue;
    }
    pollfd p{s.fd, POLLOUT, 0};
    int so_error = 0;
    socklen_t length = sizeof so_error;
    if (::poll(&p, 1, static_cast<int>(timeout.count())) != 1 ||
        ::getsockopt(s.fd, SOL_SOCKET, SO_ERROR, &so_error, &length) != 0 || so_error != 0) {
      // NOLINTNEXTLINE(concurrency-mt-unsafe): glibc's strerror is thread-safe
      error = so_error != 0 ? std::strerror(so_error) : "no answer within the timeout";
      continue;
    }
    ::fcntl(s.fd, F_SETFL, ::fcntl(s.fd, F_GETFL) & ~O_NONBLOCK);  // NOLINT(*-vararg)
    timeval tv{static_cast<time_t>(timeout.count() / 1000),
               static_cast<suseconds_t>((timeout.count() % 1000) * 1000)};
    ::setsockopt(s.fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    ::setsockopt(s.fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
    return s;
  }
  return FdCloser{};
}

// "DNS:mqtt.example.no, IP:127.0.0.1": the names the certificate carries.
std::string names_of(X509* cert) {
  std::string names;
  auto* sans =
      static_cast<GENERAL_NAMES*>(X509_get_ext_d2i(cert, NID_subject_alt_name, nullptr, nullptr));
  for (int i = 0; sans != nullptr && i < sk_GENERAL_NAME_num(sans); ++i) {
    const GENERAL_NAME* name = sk_GENERAL_NAME_value(sans, i);
    std::string one;
    if (name->type == GEN_DNS) {
      const auto* s = name->d.dNSName;  // NOLINT(*-union-access): OpenSSL's GENERAL_NAME
      // NOLINTNEXTLINE(*-reinterpret-cast): ASN1 bytes as the characters they are
      one = "DNS:" + std::string(reinterpret_cast<const char*>(ASN1_STRING_get0_data(s)),
                                 static_cast<std::size_t>(ASN1_STRING_length(s)));
    } else if (name->type == GEN_IPADD) {
      const auto* s = name->d.iPAddress;  // NOLINT(*-union-access): OpenSSL's GENERAL_NAME
      std::array<char, INET6_ADDRSTRLEN> text{};
      const int family = ASN1_STRING_length(s) == 4 ? AF_INET : AF_INET6;
      if (::inet_ntop(family, ASN1_STRING_get0_data(s), text.data(), text.size()) != nullptr) {
        one = "IP:" + std::string(text.data());
      }
    }
    if (!one.empty()) {
      names += (names.empty() ? "" : ", ") + one;
    }
  }
  GENERAL_NAMES_free(sans);
  return names.empty() ? "no subjectAltName" : names;
}

// The chain's verdict from OpenSSL's verify result.
TlsDiagnosis chain_verdict(long result, const std::string& ca) {
  const std::string why = X509_verify_cert_error_string(result);
  switch (result) {
    case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY:
    case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT:
    case X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN:
    case X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT:
    case X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE:
    case X509_V_ERR_CERT_SIGNATURE_FAILURE:
      return {TlsVerdict::unknown_ca,
              "unknown CA: the broker's certificate is not signed by the CA in " + ca + " (" + why +
                  ")"};
    default:
      return {TlsVerdict::bad_certificate,
              "the broker's certificate does not verify against " + ca + ": " + why};
  }
}

// After a handshake: Paho's checks, in Paho's order (chain, then name).
TlsDiagnosis verdict_of(SSL* ssl, const BrokerAddress& a, const std::string& ca) {
  if (const long result = SSL_get_verify_result(ssl); result != X509_V_OK) {
    return chain_verdict(result, ca);
  }
  const CertPtr cert(SSL_get1_peer_certificate(ssl), X509_free);
  if (!cert) {
    return {TlsVerdict::bad_certificate, "the broker at " + where(a) + " sent no certificate"};
  }
  const bool name_ok =
      X509_check_host(cert.get(), a.host.c_str(), a.host.size(), 0, nullptr) == 1 ||
      X509_check_ip_asc(cert.get(), a.host.c_str(), 0) == 1;
  if (!name_ok) {
    return {TlsVerdict::wrong_host, "wrong host name: the broker's certificate is not valid for '" +
                                        a.host + "' (it names " + names_of(cert.get()) + ")"};
  }
  return {TlsVerdict::verified, "the broker's certificate verifies for '" + a.host + "' against " +
                                    ca + "; the TLS connection failed for another reason"};
}

}  // namespace

TlsDiagnosis diagnose_tls(const BrokerAddress& address,
                          const std::optional<std::filesystem::path>& ca_file,
                          std::chrono::milliseconds timeout) {
  const std::string ca = ca_file ? ca_file->string() : std::string("the system's CAs");
  std::string error;
  const FdCloser socket = connect_tcp(address, timeout, error);
  if (socket.fd < 0) {
    return {TlsVerdict::unreachable, "cannot reach the broker at " + where(address) + ": " + error};
  }
  const CtxPtr ctx(SSL_CTX_new(TLS_client_method()), SSL_CTX_free);
  const bool loaded = ca_file
                          ? SSL_CTX_load_verify_locations(ctx.get(), ca_file->c_str(), nullptr) == 1
                          : SSL_CTX_set_default_verify_paths(ctx.get()) == 1;
  if (!loaded) {
    return {TlsVerdict::handshake, "cannot read the CA certificate " + ca + ": " + openssl_error()};
  }
  // Verify after the handshake, not during it, to tell the reasons apart.
  SSL_CTX_set_verify(ctx.get(), SSL_VERIFY_NONE, nullptr);
  const SslPtr ssl(SSL_new(ctx.get()), SSL_free);
  SSL_set_fd(ssl.get(), socket.fd);
  // SNI, as Paho sends it (SSL_set_tlsext_host_name is a macro with a C cast).
  SSL_ctrl(
      ssl.get(), SSL_CTRL_SET_TLSEXT_HOSTNAME, TLSEXT_NAMETYPE_host_name,
      const_cast<char*>(address.host.c_str()));  // NOLINT(cppcoreguidelines-pro-type-const-cast)
  if (SSL_connect(ssl.get()) != 1) {
    const std::string why = openssl_error();
    return {TlsVerdict::handshake, "the TLS handshake with " + where(address) + " failed" +
                                       (why.empty() ? "" : ": " + why) +
                                       " (is it the broker's TLS port?)"};
  }
  TlsDiagnosis verdict = verdict_of(ssl.get(), address, ca);
  SSL_shutdown(ssl.get());
  return verdict;
}

}  // namespace tavla::protocol::net
