// parse_site: the site file's sections in order (site_sections.hpp), each
// read through one TomlReader so every error names file, line and key.
#include "tavla/host/config/load.hpp"

#include <toml++/toml.h>

#include "site_sections.hpp"
#include "toml_reader.hpp"

namespace tavla::host::config {

Site parse_site(const std::string& text, const std::filesystem::path& file) {
  toml::table root;
  try {
    root = toml::parse(text, file.string());
  } catch (const toml::parse_error& e) {
    throw SiteConfigError(file, static_cast<int>(e.source().begin.line), "",
                          std::string(e.description()));
  }
  const TomlReader r(file);
  Site site;
  site.file = file;
  r.only_keys(root, "",
              {"site", "broker", "database", "municipality", "org", "device", "group", "agenda",
               "session", "plan", "secrets"});
  read_site_table(r, root, site);
  read_broker(r, root, site);
  read_database(r, root, site);
  read_secrets(r, root, site);
  read_municipalities(r, root, site);
  read_orgs(r, root, site);
  read_devices(r, root, site);
  read_groups(r, root, site);
  read_agendas(r, root, site);
  read_schedule(r, root, site);
  read_plans(r, root, site);
  return site;
}

Site load_site(const std::filesystem::path& file) {
  return parse_site(read_text(file, {}, 0, ""), file);
}

}  // namespace tavla::host::config
