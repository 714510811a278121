#include "tavla/host/provisioning/provisioning.hpp"

#include <openssl/rand.h>

#include <algorithm>
#include <array>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "tavla/host/provisioning/device_access.hpp"
#include "tavla/protocol/ids.hpp"
#include "tavla/protocol/pin_hash.hpp"
#include "tavla/protocol/topic.hpp"

namespace tavla::host::provisioning {
namespace {

using broker::BrokerError;
using broker::DynsecResponse;

constexpr std::string_view kClientNotFound = "Client not found";
constexpr std::string_view kRoleNotFound = "Role not found";

// Throws unless the plugin answered without an error (or with `fine`).
void expect_ok(const DynsecResponse& response, const std::string& what,
               std::string_view fine = {}) {
  if (response.error && (fine.empty() || *response.error != fine)) {
    throw BrokerError(what + ": the broker answered \"" + *response.error + "\"");
  }
}

void check_device_name(const std::string& device) {
  if (!protocol::is_valid_name(device)) {
    throw std::runtime_error("'" + device + "' is not a valid device id ([a-z0-9][a-z0-9-]{0,63})");
  }
}

std::string read_whole(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (!in) {
    throw std::runtime_error("cannot read the CA certificate " + file.string() +
                             " ([broker] ca_file)");
  }
  return text.str();
}

}  // namespace

std::string random_password() {
  std::array<unsigned char, 24> bytes{};
  if (RAND_bytes(bytes.data(), static_cast<int>(bytes.size())) != 1) {
    throw std::runtime_error("no randomness for a broker password");
  }
  return protocol::to_hex(std::string(bytes.begin(), bytes.end()));
}

Provisioning::Provisioning(const config::Site& site, broker::DynsecClient& broker,
                           BundleSecrets* secrets, PasswordSource passwords)
    : site_(site), broker_(broker), secrets_(secrets), passwords_(std::move(passwords)) {}

void Provisioning::ensure_host_role() {
  if (!site_.broker.username) {
    throw std::runtime_error("[broker] username is not set in " + site_.file.string() +
                             ": provisioning acts as the host's broker account");
  }
  const std::string role = host_role(site_.id);
  const auto found =
      broker_.execute({broker::get_role(role), broker::get_client(*site_.broker.username)});
  if (found[0].error) {
    expect_ok(broker_.execute({broker::create_role(role, host_acls(site_.id))})[0],
              "creating the host's role " + role);
  }
  expect_ok(found[1], "reading the host's account " + *site_.broker.username);
  if (std::find(found[1].names.begin(), found[1].names.end(), role) != found[1].names.end()) {
    return;
  }
  // The plugin disconnects the host's account (a running serve reconnects
  // on its own): once, at the first provisioning.
  broker_.execute_on_own_account(broker::add_client_role(*site_.broker.username, role));
  const auto after = broker_.execute({broker::get_client(*site_.broker.username)})[0];
  expect_ok(after, "reading the host's account " + *site_.broker.username);
  if (std::find(after.names.begin(), after.names.end(), role) == after.names.end()) {
    throw BrokerError("the broker did not give the host's account " + *site_.broker.username +
                      " the role " + role);
  }
}

bool Provisioning::has_account(const std::string& device) {
  const auto answer = broker_.execute({broker::get_client(device)})[0];
  expect_ok(answer, "looking up " + device, kClientNotFound);
  return !answer.error;
}

std::vector<std::string> Provisioning::bundle_names(bool with_ca) const {
  std::vector<std::string> names{"kiosk.toml", kPasswordFile};
  if (with_ca) {
    names.emplace_back(kCaFile);
  }
  if (secrets_ != nullptr) {
    for (auto& name : secrets_->file_names()) {
      names.push_back(std::move(name));
    }
  }
  return names;
}

Provisioned Provisioning::add(const std::string& device, const std::filesystem::path& dir) {
  check_device_name(device);
  if (site_.device(device) == nullptr) {
    throw std::runtime_error("'" + device + "' is not a [[device]] of " + site_.file.string() +
                             ": add it there first");
  }
  check_bundle_dir(dir, bundle_names(site_.broker.ca_file.has_value()));
  ensure_host_role();
  if (has_account(device)) {
    throw std::runtime_error("the broker has an account for " + device +
                             " already: `tavla-host devices rotate " + device +
                             "` gives it new secrets");
  }
  const std::string role = device_role(device);
  const std::string password = passwords_();
  // A role left by an add that failed halfway is replaced, so its rules are
  // this build's.
  const auto answers = broker_.execute({broker::delete_role(role),
                                        broker::create_role(role, device_acls(site_.id, device)),
                                        broker::create_client(device, password, device, {role})});
  expect_ok(answers[0], "replacing the role " + role, kRoleNotFound);
  expect_ok(answers[1], "creating the role " + role);
  expect_ok(answers[2], "creating the account " + device);
  return write(device, password, dir);
}

Provisioned Provisioning::rotate(const std::string& device, const std::filesystem::path& dir) {
  check_device_name(device);
  check_bundle_dir(dir, bundle_names(site_.broker.ca_file.has_value()));
  if (!has_account(device)) {
    throw std::runtime_error("the broker has no account for " + device +
                             ": `tavla-host devices add " + device + "` makes one");
  }
  const std::string password = passwords_();
  expect_ok(broker_.execute({broker::set_client_password(device, password)})[0],
            "setting a new password for " + device);
  return write(device, password, dir);
}

std::vector<std::string> Provisioning::revoke(const std::string& device) {
  check_device_name(device);
  ensure_host_role();  // its role lets the host's account clear the config
  std::vector<std::string> notes;
  const auto answers =
      broker_.execute({broker::delete_client(device), broker::delete_role(device_role(device))});
  expect_ok(answers[0], "removing the account " + device, kClientNotFound);
  expect_ok(answers[1], "removing the role " + device_role(device), kRoleNotFound);
  if (answers[0].error) {
    notes.push_back("the broker had no account for " + device);
  }
  broker_.publish_retained(protocol::topic_for(site_.id, device, protocol::Channel::config), "");
  if (secrets_ != nullptr) {
    secrets_->forget(device);
  }
  if (site_.device(device) != nullptr) {
    notes.push_back(device + " is still a [[device]] of " + site_.file.string() +
                    ": remove it (and its groups' device) and reload, or `serve` publishes its "
                    "room config again");
  }
  return notes;
}

std::vector<std::string> Provisioning::devices_unknown_to_broker() {
  const auto answer = broker_.execute({broker::list_clients()})[0];
  expect_ok(answer, "listing the broker's accounts");
  std::vector<std::string> unknown;
  for (const auto& d : site_.devices) {
    if (std::find(answer.names.begin(), answer.names.end(), d.id) == answer.names.end()) {
      unknown.push_back(d.id);
    }
  }
  return unknown;
}

Provisioned Provisioning::write(const std::string& device, const std::string& password,
                                const std::filesystem::path& dir) {
  Provisioned result{dir, {}, {}};
  const bool with_ca = site_.broker.ca_file.has_value();
  const std::string url = site_.broker.device_url.value_or(site_.broker.url);
  if (!site_.broker.device_url) {
    result.notes.push_back("[broker] device_url is not set: the appliance gets the host's url, " +
                           url);
  }
  std::vector<BundleFile> files{{"kiosk.toml", kiosk_toml(site_, device, url, with_ca)},
                                {kPasswordFile, password + "\n"}};
  if (with_ca) {
    files.push_back({kCaFile, read_whole(*site_.broker.ca_file)});
  } else {
    result.notes.emplace_back(
        "[broker] ca_file is not set: the appliance verifies the broker "
        "against the system's CAs");
  }
  if (secrets_ != nullptr) {
    for (auto& file : secrets_->issue(device)) {
      files.push_back(std::move(file));
    }
    files.front().content += secrets_->kiosk_settings();
  } else {
    result.notes.emplace_back(
        "this build has no device secrets or config-signing key yet: the bundle holds the "
        "broker credentials and the CA only");
  }
  write_bundle(dir, files);
  for (const auto& file : files) {
    result.files.push_back(file.name);
  }
  return result;
}

}  // namespace tavla::host::provisioning
