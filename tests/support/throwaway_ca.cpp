#include "tavla/testing/throwaway_ca.hpp"

#include <arpa/inet.h>

#include <stdexcept>

#include "tavla/testing/process.hpp"

namespace tavla::testing {
namespace {

void openssl(const std::vector<std::string>& arguments) {
  std::vector<std::string> argv{openssl_program()};
  argv.insert(argv.end(), arguments.begin(), arguments.end());
  const auto result = run(argv);
  if (result.exit_code != 0) {
    throw std::runtime_error("openssl " + arguments.front() + " failed: " + result.err);
  }
}

bool is_ip_address(const std::string& name) {
  in6_addr any{};
  return ::inet_pton(AF_INET, name.c_str(), &any) == 1 ||
         ::inet_pton(AF_INET6, name.c_str(), &any) == 1;
}

}  // namespace

std::string openssl_program() {
  return TAVLA_OPENSSL;
}

ThrowawayCa::ThrowawayCa(const std::string& common_name)
    : certificate_(dir_ / "ca.crt"), key_(dir_ / "ca.key") {
  openssl({"req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
           "-keyout", key_.string(), "-out", certificate_.string(), "-days", "2", "-subj",
           "/CN=" + common_name});
}

ThrowawayCa::Issued ThrowawayCa::issue(const std::string& stem,
                                       const std::vector<std::string>& names) const {
  const Issued issued{dir_ / (stem + ".crt"), dir_ / (stem + ".key")};
  const auto request = dir_ / (stem + ".csr");
  const auto extensions = dir_ / (stem + ".ext");
  std::string san = "subjectAltName=";
  for (std::size_t i = 0; i < names.size(); ++i) {
    san += (i == 0 ? "" : ",") + std::string(is_ip_address(names[i]) ? "IP:" : "DNS:") + names[i];
  }
  write_file(extensions, san + "\n");
  openssl({"req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout",
           issued.key.string(), "-out", request.string(), "-subj", "/CN=" + names.front()});
  openssl({"x509", "-req", "-in", request.string(), "-CA", certificate_.string(), "-CAkey",
           key_.string(), "-CAcreateserial", "-out", issued.certificate.string(), "-days", "2",
           "-extfile", extensions.string()});
  return issued;
}

}  // namespace tavla::testing
