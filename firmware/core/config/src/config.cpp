#include "tavla/kiosk/config.hpp"

#include <toml++/toml.h>
#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "tavla/protocol/ids.hpp"
#include "tavla/protocol/net/broker_url.hpp"
#include "tavla/protocol/pin_hash.hpp"

namespace tavla::kiosk {

std::string ConfigError::message() const {
  std::string out = file;
  if (line > 0) {
    out += ":" + std::to_string(line) + ":" + std::to_string(column);
  }
  out += ": ";
  if (!key.empty()) {
    out += key + ": ";
  }
  return out + reason;
}

namespace {

// Thrown inside the parser only; parse_kiosk_config turns it into a result.
struct Bad {
  ConfigError error;
};

class Reader {
 public:
  Reader(const toml::table& root, std::string file) : root_(root), file_(std::move(file)) {}

  [[noreturn]] void fail(const toml::source_region& where, std::string key,
                         std::string reason) const {
    throw Bad{ConfigError{file_, static_cast<int>(where.begin.line),
                          static_cast<int>(where.begin.column), std::move(key), std::move(reason)}};
  }
  [[noreturn]] void fail_file(std::string key, std::string reason) const {
    throw Bad{ConfigError{file_, 0, 0, std::move(key), std::move(reason)}};
  }

  // The table `name`; nullptr when absent and optional.
  const toml::table* table(std::string_view name, bool required) const {
    const auto* node = root_.get(name);
    if (node == nullptr) {
      if (required) {
        fail_file(std::string(name), "missing section [" + std::string(name) + "]");
      }
      return nullptr;
    }
    const auto* t = node->as_table();
    if (t == nullptr) {
      fail(node->source(), std::string(name), "must be a table");
    }
    return t;
  }

  // Every key of `t` must be one of `known`.
  void only(const toml::table& t, std::string_view section,
            std::initializer_list<std::string_view> known) const {
    for (const auto& [key, node] : t) {
      const std::string_view k = key.str();
      if (std::find(known.begin(), known.end(), k) == known.end()) {
        fail(key.source(),
             section.empty() ? std::string(k) : std::string(section) + "." + std::string(k),
             "unknown key");
      }
    }
  }

  std::optional<std::string> string(const toml::table* t, std::string_view section,
                                    std::string_view name, bool required,
                                    const toml::source_region& section_at) const {
    const std::string key = std::string(section) + "." + std::string(name);
    const toml::node* node = t == nullptr ? nullptr : t->get(name);
    if (node == nullptr) {
      if (required) {
        if (t == nullptr) {
          fail_file(key, "required");
        }
        fail(section_at, key, "required");
      }
      return std::nullopt;
    }
    const auto value = node->value<std::string>();
    if (!value || !node->is_string()) {
      fail(node->source(), key, "must be a string");
    }
    return value;
  }

  std::optional<std::int64_t> integer(const toml::table* t, std::string_view section,
                                      std::string_view name, std::int64_t min,
                                      std::int64_t max) const {
    const toml::node* node = t == nullptr ? nullptr : t->get(name);
    if (node == nullptr) {
      return std::nullopt;
    }
    const std::string key = std::string(section) + "." + std::string(name);
    if (!node->is_integer()) {
      fail(node->source(), key, "must be an integer");
    }
    const auto value = *node->value<std::int64_t>();
    if (value < min || value > max) {
      fail(node->source(), key,
           "must be between " + std::to_string(min) + " and " + std::to_string(max));
    }
    return value;
  }

  const toml::node* node(const toml::table* t, std::string_view name) const {
    return t == nullptr ? nullptr : t->get(name);
  }

 private:
  const toml::table& root_;
  std::string file_;
};

std::string read_secret(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw std::runtime_error("cannot read " + path.string());
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::string secret = buffer.str();
  while (!secret.empty() && (secret.back() == '\n' || secret.back() == '\r')) {
    secret.pop_back();
  }
  return secret;
}

void read_device(const Reader& r, const std::filesystem::path& source, KioskConfig& config) {
  const auto* device = r.table("device", true);
  r.only(*device, "device", {"id", "site", "data_dir", "timezone"});
  config.device = *r.string(device, "device", "id", true, device->source());
  if (!protocol::is_valid_name(config.device)) {
    r.fail(r.node(device, "id")->source(), "device.id", "must match [a-z0-9][a-z0-9-]{0,63}");
  }
  config.site = *r.string(device, "device", "site", true, device->source());
  if (!protocol::is_valid_name(config.site)) {
    r.fail(r.node(device, "site")->source(), "device.site", "must match [a-z0-9][a-z0-9-]{0,63}");
  }
  const auto data_dir = *r.string(device, "device", "data_dir", true, device->source());
  if (data_dir.empty()) {
    r.fail(r.node(device, "data_dir")->source(), "device.data_dir", "must not be empty");
  }
  config.data_dir = std::filesystem::path(data_dir);
  if (config.data_dir.is_relative()) {
    config.data_dir = source.parent_path() / config.data_dir;
  }
  if (auto tz = r.string(device, "device", "timezone", false, device->source())) {
    // The system tz database (tzdata) is what the kiosk reads the zone from.
    const auto zone_file = std::filesystem::path("/usr/share/zoneinfo") / *tz;
    if (tz->empty() || tz->find("..") != std::string::npos ||
        !std::filesystem::is_regular_file(zone_file)) {
      r.fail(r.node(device, "timezone")->source(), "device.timezone",
             "not a time zone of the system's tz database (e.g. Europe/Oslo)");
    }
    config.timezone = *tz;
  }
}

void read_broker(const Reader& r, const std::filesystem::path& source, KioskConfig& config) {
  const auto* broker = r.table("broker", true);
  r.only(*broker, "broker", {"url", "username", "password_file", "ca_file"});
  config.broker.url = *r.string(broker, "broker", "url", true, broker->source());
  // TLS to anywhere, plain TCP only to loopback (broker_url.hpp).
  if (auto problem = protocol::net::broker_url_problem(config.broker.url)) {
    r.fail(r.node(broker, "url")->source(), "broker.url", *problem);
  }
  config.broker.username = r.string(broker, "broker", "username", false, broker->source());
  if (auto file = r.string(broker, "broker", "password_file", false, broker->source())) {
    std::filesystem::path path(*file);
    if (path.is_relative()) {
      path = source.parent_path() / path;
    }
    try {
      config.broker.password = read_secret(path);
    } catch (const std::exception& e) {
      r.fail(r.node(broker, "password_file")->source(), "broker.password_file", e.what());
    }
  }
  if (auto ca = r.string(broker, "broker", "ca_file", false, broker->source())) {
    std::filesystem::path path(*ca);
    config.broker.ca_file = path.is_relative() ? source.parent_path() / path : path;
  }
}

std::filesystem::path beside(const std::filesystem::path& source, const std::string& file) {
  const std::filesystem::path path(file);
  return path.is_relative() ? source.parent_path() / path : path;
}

void read_security(const Reader& r, const std::filesystem::path& source, KioskConfig& config) {
  const auto* security = r.table("security", false);
  if (security == nullptr) {
    return;
  }
  r.only(*security, "security", {"config_key", "device_secret_file"});
  if (auto file = r.string(security, "security", "config_key", false, security->source())) {
    try {
      config.config_key_pem = read_secret(beside(source, *file));
    } catch (const std::exception& e) {
      r.fail(r.node(security, "config_key")->source(), "security.config_key", e.what());
    }
    if (!config.config_key_pem->starts_with("-----BEGIN PUBLIC KEY-----")) {
      r.fail(r.node(security, "config_key")->source(), "security.config_key",
             "not a public key in PEM (-----BEGIN PUBLIC KEY-----)");
    }
  }
  if (auto file = r.string(security, "security", "device_secret_file", false, security->source())) {
    std::string hex;
    try {
      hex = read_secret(beside(source, *file));
    } catch (const std::exception& e) {
      r.fail(r.node(security, "device_secret_file")->source(), "security.device_secret_file",
             e.what());
    }
    config.device_secret = protocol::from_hex(hex);
    if (!config.device_secret || config.device_secret->size() != 32) {
      r.fail(r.node(security, "device_secret_file")->source(), "security.device_secret_file",
             "not a device secret (64 hex digits)");
    }
  }
}

void read_ui(const Reader& r, KioskConfig& config) {
  const auto* ui = r.table("ui", false);
  if (ui == nullptr) {
    return;
  }
  r.only(*ui, "ui", {"locale", "admin_pin_hash"});
  if (auto locale = r.string(ui, "ui", "locale", false, ui->source())) {
    const auto parsed = protocol::locale_from_string(*locale);
    if (!parsed) {
      r.fail(r.node(ui, "locale")->source(), "ui.locale", "must be nb, nn or en");
    }
    config.locale = *parsed;
  }
  if (auto hash = r.string(ui, "ui", "admin_pin_hash", false, ui->source())) {
    if (!protocol::is_valid_pin_hash(*hash)) {
      r.fail(r.node(ui, "admin_pin_hash")->source(), "ui.admin_pin_hash",
             "must be sha256:<salt hex>:<64 hex digits>");
    }
    config.admin_pin_hash = *hash;
  }
}

void read_tuning(const Reader& r, Tuning& t) {
  const auto* tuning = r.table("tuning", false);
  if (tuning == nullptr) {
    return;
  }
  r.only(*tuning, "tuning",
         {"undo_seconds", "open_before_minutes", "close_grace_minutes", "pin_max_failures",
          "pin_lockout_seconds", "ack_timeout_seconds", "max_in_flight", "retention_days",
          "reconnect_min_ms", "reconnect_max_ms", "meeting_lock_minutes"});
  if (auto v = r.integer(tuning, "tuning", "undo_seconds", 0, 3600)) {
    t.undo_window = std::chrono::seconds(*v);
  }
  if (auto v = r.integer(tuning, "tuning", "open_before_minutes", 0, 720)) {
    t.open_before = std::chrono::minutes(*v);
  }
  if (auto v = r.integer(tuning, "tuning", "close_grace_minutes", 0, 720)) {
    t.close_grace = std::chrono::minutes(*v);
  }
  if (auto v = r.integer(tuning, "tuning", "pin_max_failures", 1, 100)) {
    t.pin_max_failures = static_cast<int>(*v);
  }
  if (auto v = r.integer(tuning, "tuning", "pin_lockout_seconds", 0, 86400)) {
    t.pin_lockout = std::chrono::seconds(*v);
  }
  if (auto v = r.integer(tuning, "tuning", "meeting_lock_minutes", 1, 720)) {
    t.meeting_lock = std::chrono::minutes(*v);
  }
  if (auto v = r.integer(tuning, "tuning", "ack_timeout_seconds", 1, 3600)) {
    t.ack_timeout = std::chrono::seconds(*v);
  }
  if (auto v = r.integer(tuning, "tuning", "max_in_flight", 1, 65535)) {
    t.max_in_flight = static_cast<int>(*v);
  }
  if (auto v = r.integer(tuning, "tuning", "retention_days", 0, 3650)) {
    t.retention = std::chrono::hours(24 * *v);
  }
  if (auto v = r.integer(tuning, "tuning", "reconnect_min_ms", 10, 600000)) {
    t.reconnect_min = std::chrono::milliseconds(*v);
  }
  if (auto v = r.integer(tuning, "tuning", "reconnect_max_ms", 10, 3600000)) {
    t.reconnect_max = std::chrono::milliseconds(*v);
  }
  if (t.reconnect_max < t.reconnect_min) {
    r.fail(tuning->source(), "tuning.reconnect_max_ms", "must not be below reconnect_min_ms");
  }
}

// The sections in the file's order of importance: the first bad key stops.
KioskConfig read(const toml::table& root, const std::filesystem::path& source) {
  const Reader r(root, source.string());
  r.only(root, "", {"device", "broker", "security", "ui", "tuning"});
  KioskConfig config;
  config.source = source;
  read_device(r, source, config);
  read_broker(r, source, config);
  read_security(r, source, config);
  read_ui(r, config);
  read_tuning(r, config.tuning);
  return config;
}

}  // namespace

ConfigResult parse_kiosk_config(std::string_view text, const std::filesystem::path& source) {
  try {
    const auto root = toml::parse(text, source.string());
    return read(root, source);
  } catch (const toml::parse_error& e) {
    return ConfigError{source.string(), static_cast<int>(e.source().begin.line),
                       static_cast<int>(e.source().begin.column), "", std::string(e.description())};
  } catch (const Bad& bad) {
    return bad.error;
  }
}

ConfigResult load_kiosk_config(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return ConfigError{path.string(), 0, 0, "", "cannot open the file"};
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  return parse_kiosk_config(buffer.str(), path);
}

}  // namespace tavla::kiosk
