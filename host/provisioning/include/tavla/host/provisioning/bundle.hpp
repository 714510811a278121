// The bundle `devices add` and `devices rotate` write for one appliance, to
// carry to it (a USB stick is the expected path; docs/operator.md says where
// each file goes): its kiosk.toml, its broker password (kiosk.secret), the
// CA certificate of the broker's (ca.crt), and what the secrets module adds
// (the device secret, the config-signing public key). Secrets are written
// readable by their owner only.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "tavla/host/config/site.hpp"

namespace tavla::host::provisioning {

struct BundleFile {
  std::string name;  // a plain file name, no directory
  std::string content;
};

inline constexpr const char* kPasswordFile = "kiosk.secret";
inline constexpr const char* kCaFile = "ca.crt";

// The appliance's kiosk.toml: its device id, the site, `url` (the broker as
// the appliances reach it), its account, and the files beside it.
[[nodiscard]] std::string kiosk_toml(const config::Site& site, const std::string& device,
                                     const std::string& url, bool with_ca);

// Throws std::runtime_error naming the file if `dir` already holds one of
// `names` (a bundle is never overwritten: it would orphan the secrets of the
// one before) or cannot be made.
void check_bundle_dir(const std::filesystem::path& dir, const std::vector<std::string>& names);

// Makes `dir` (mode 0700) if missing and writes each file with mode 0600.
void write_bundle(const std::filesystem::path& dir, const std::vector<BundleFile>& files);

}  // namespace tavla::host::provisioning
