// A certificate authority made with openssl for one test (the recipe of
// docs/operator.md, "A throwaway CA for a first install"): its certificate,
// and server certificates it signs for the names given.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "tavla/testing/temp_dir.hpp"

namespace tavla::testing {

class ThrowawayCa {
 public:
  struct Issued {
    std::filesystem::path certificate;
    std::filesystem::path key;
  };

  explicit ThrowawayCa(const std::string& common_name = "Tavla test CA");
  [[nodiscard]] const std::filesystem::path& certificate() const { return certificate_; }
  // A server certificate for `names` (host names and IP addresses, each a
  // subjectAltName), in files named after `stem`.
  [[nodiscard]] Issued issue(const std::string& stem, const std::vector<std::string>& names) const;

 private:
  TempDir dir_{"tavla-ca"};
  std::filesystem::path certificate_;
  std::filesystem::path key_;
};

[[nodiscard]] std::string openssl_program();

}  // namespace tavla::testing
