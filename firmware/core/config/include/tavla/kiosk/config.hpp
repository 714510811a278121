// The kiosk's own configuration file (TOML), written by the operator when the
// appliance is provisioned. The room config (rosters, schedule) is not here:
// it arrives from the host over MQTT.
//
//   [device]
//   id = "kiosk-1"                        # MQTT client id and topic <device>
//   site = "stottepilar"                  # topic <site>
//   data_dir = "/var/lib/tavla-kiosk"     # the local database lives here
//   timezone = "Europe/Oslo"              # optional (default Europe/Oslo)
//   [broker]
//   url = "ssl://mqtt.example.no:8883"    # tcp:// only to loopback
//   username = "kiosk-1"                  # optional
//   password_file = "kiosk-1.secret"      # optional; relative to this file
//   ca_file = "ca.crt"                    # optional, for ssl://; relative to this file
//   [security]                            # from the host's `devices add` bundle
//   config_key = "config-signing.pub"     # the host's config-signing public key
//                                         # (PEM); set: only signed configs (v2)
//   device_secret_file = "device.secret"  # 64 hex digits; keys the PIN verifiers
//   [ui]
//   locale = "nb"                         # nb | nn | en
//   admin_pin_hash = "sha256:…"           # optional
//   [tuning]                              # optional; defaults shown
//   undo_seconds = 60
//   open_before_minutes = 15
//   close_grace_minutes = 30
//   pin_max_failures = 5                 # free tries per person on this kiosk
//   pin_lockout_seconds = 60             # then locked this long, 5x, 15x
//   meeting_lock_minutes = 15            # a meeting nobody runs locks again
//   ack_timeout_seconds = 10
//   max_in_flight = 256
//   retention_days = 30
//
// Unknown keys are errors (a typo must not silently fall back to a default).
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "tavla/protocol/room_config.hpp"

namespace tavla::kiosk {

struct BrokerConfig {
  std::string url;
  std::optional<std::string> username;
  std::optional<std::string> password;  // read from password_file (trailing newline dropped)
  std::optional<std::filesystem::path> ca_file;
};

struct Tuning {
  std::chrono::seconds undo_window{60};
  std::chrono::minutes open_before{15};
  std::chrono::minutes close_grace{30};
  // PIN lockout, per person and per device (pin_lockout.hpp): this many
  // wrong tries, then a lockout of pin_lockout, 5 and 15 times as long.
  int pin_max_failures = 5;
  std::chrono::seconds pin_lockout{60};
  // A meeting that nobody has run for this long needs its leader again.
  std::chrono::minutes meeting_lock{15};
  std::chrono::seconds ack_timeout{10};
  int max_in_flight = 256;
  std::chrono::hours retention{24 * 30};
  // Reconnect backoff: doubles from min to max after each failed attempt.
  std::chrono::milliseconds reconnect_min{500};
  std::chrono::milliseconds reconnect_max{30000};
};

struct KioskConfig {
  std::filesystem::path source;  // the file it was read from
  std::string device;
  std::string site;
  std::filesystem::path data_dir;
  std::string timezone = "Europe/Oslo";
  BrokerConfig broker;
  protocol::Locale locale = protocol::Locale::nb;
  std::optional<std::string> admin_pin_hash;
  // [security]: the host's config-signing public key (PEM text) and the
  // device secret (32 bytes). Without a key the kiosk reads only unsigned
  // version 1 configs (a development setup); with one, only signed ones.
  std::optional<std::string> config_key_pem;
  std::optional<std::string> device_secret;
  Tuning tuning;
};

// A bad configuration: the file, the line and column (0 when the file as a
// whole is at fault), the key ("device.id") and why.
struct ConfigError {
  std::string file;
  int line = 0;
  int column = 0;
  std::string key;
  std::string reason;
  // "FILE:LINE:COLUMN: KEY: REASON" (the form compilers use; editors jump to it).
  [[nodiscard]] std::string message() const;
};

using ConfigResult = std::variant<KioskConfig, ConfigError>;

// Reads and checks the file. Never throws.
[[nodiscard]] ConfigResult load_kiosk_config(const std::filesystem::path& path);
// The same for text already in memory; `source` names it in errors and
// anchors a relative password_file and ca_file.
[[nodiscard]] ConfigResult parse_kiosk_config(std::string_view text,
                                              const std::filesystem::path& source);

}  // namespace tavla::kiosk
