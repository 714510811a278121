#include "site_sections.hpp"
#include "tavla/protocol/ids.hpp"
#include "tavla/protocol/net/broker_url.hpp"

namespace tavla::host::config {
namespace {

// A broker URL (TLS anywhere, plain TCP on loopback only: broker_url.hpp) at `key`.
std::string broker_url(const TomlReader& r, const toml::table& b, std::string_view key) {
  std::string url = r.string(b, key, "broker");
  if (auto problem = protocol::net::broker_url_problem(url)) {
    r.fail(b.get(key), "broker." + std::string(key), *problem);
  }
  return url;
}

}  // namespace

void read_site_table(const TomlReader& r, const toml::table& root, Site& site) {
  const toml::table& s = r.table(root, "site", "", true);
  r.only_keys(s, "site", {"id", "name", "locale"});
  site.id = r.string(s, "id", "site");
  if (!protocol::is_valid_name(site.id)) {
    r.fail(s.get("id"), "site.id",
           "'" + site.id + "' is not a valid site name ([a-z0-9][a-z0-9-]{0,63})");
  }
  site.name = r.text(s, "name", "site");
  const std::string locale = r.opt_string(s, "locale", "site").value_or("nb");
  if (auto l = protocol::locale_from_string(locale)) {
    site.locale = *l;
  } else {
    r.fail(s.get("locale"), "site.locale", "'" + locale + "' must be nb, nn or en");
  }
}

void read_broker(const TomlReader& r, const toml::table& root, Site& site) {
  const toml::table& b = r.table(root, "broker", "", true);
  r.only_keys(b, "broker",
              {"url", "username", "password_file", "ca_file", "device_url", "shared_group"});
  site.broker.url = broker_url(r, b, "url");
  site.broker.username = r.opt_string(b, "username", "broker");
  if (auto pw = r.opt_string(b, "password_file", "broker")) {
    site.broker.password_file = r.file().parent_path() / *pw;
  }
  if (auto ca = r.opt_string(b, "ca_file", "broker")) {
    site.broker.ca_file = r.file().parent_path() / *ca;
  }
  if (b.contains("device_url")) {
    site.broker.device_url = broker_url(r, b, "device_url");
  }
  site.broker.shared_group = r.opt_string(b, "shared_group", "broker").value_or("");
  if (!site.broker.shared_group.empty() && !protocol::is_valid_name(site.broker.shared_group)) {
    r.fail(b.get("shared_group"), "broker.shared_group",
           "must be empty or a name like [a-z0-9][a-z0-9-]{0,63}");
  }
}

void read_database(const TomlReader& r, const toml::table& root, Site& site) {
  const toml::table& d = r.table(root, "database", "", true);
  r.only_keys(d, "database", {"url"});
  site.database_url = r.string(d, "url", "database");
  if (site.database_url.starts_with("sqlite:")) {
    const std::filesystem::path db = site.database_url.substr(7);
    if (db.empty()) {
      r.fail(d.get("url"), "database.url", "sqlite: needs a file name, e.g. sqlite:host.db");
    }
    site.database_url = "sqlite:" + (db.is_absolute() ? db : r.file().parent_path() / db).string();
  } else if (!site.database_url.starts_with("postgresql://") &&
             !site.database_url.starts_with("postgres://")) {
    r.fail(d.get("url"), "database.url", "must start with sqlite: or postgresql://");
  }
}

void read_secrets(const TomlReader& r, const toml::table& root, Site& site) {
  const toml::table& s = r.table(root, "secrets", "", false);
  const std::filesystem::path dir = r.opt_string(s, "dir", "secrets").value_or("secrets");
  if (dir.empty()) {
    r.fail(s.get("dir"), "secrets.dir", "must name a directory, e.g. /var/lib/tavla/secrets");
  }
  site.secrets_dir = dir.is_absolute() ? dir : r.file().parent_path() / dir;
}

}  // namespace tavla::host::config
