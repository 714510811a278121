// `tavla-host devices`: per device and epoch, online, last seen, seqs and
// gaps, and how many sessions were dated by the host's clock instead of the
// device's; `devices add|rotate|revoke ID` provision (device_provisioning.hpp).
#include <algorithm>
#include <map>

#include "commands.hpp"
#include "device_provisioning.hpp"

namespace tavla::host::app {
namespace {

// The devices of the site file, then any other the store has heard from.
std::vector<std::string> devices_of(const config::Site& site,
                                    const std::vector<storage::DeviceEpoch>& epochs) {
  std::vector<std::string> devices;
  for (const auto& d : site.devices) {
    devices.push_back(d.id);
  }
  for (const auto& e : epochs) {
    if (std::find(devices.begin(), devices.end(), e.device) == devices.end()) {
      devices.push_back(e.device);
    }
  }
  return devices;
}

// "4-5 9", the first five gaps; "?" if seqs are missing but none is found.
std::string gaps_text(storage::Repositories& repos, const storage::DeviceEpoch& e) {
  std::string gaps;
  for (const auto& g : repos.devices().gaps(e.device, e.epoch, 5)) {
    gaps += (gaps.empty() ? "" : " ") + std::to_string(g.first) +
            (g.last != g.first ? "-" + std::to_string(g.last) : "");
  }
  return e.missing() > 0 && gaps.empty() ? "?" : gaps;
}

report::Table devices_table(const config::Site& site, storage::Repositories& repos) {
  report::Table t;
  t.columns = {"device", "room",        "online",  "last_seen", "fw",         "outbox",
               "epoch",  "highest_seq", "missing", "gaps",      "clock_flags"};
  // Sessions the host dated by its receive time (ingest/device_clock.hpp).
  std::map<std::string, std::int64_t> clock_flags;
  for (const auto& f : repos.devices().clock_flags()) {
    ++clock_flags[f.device];
  }
  const auto statuses = repos.devices().statuses();
  const auto epochs = repos.devices().device_epochs();
  for (const auto& device : devices_of(site, epochs)) {
    const config::Device* configured = site.device(device);
    const auto status = std::find_if(statuses.begin(), statuses.end(),
                                     [&](const auto& s) { return s.device == device; });
    const bool heard = status != statuses.end();
    const std::string online = heard ? (status->online ? "yes" : "no") : "unknown";
    const std::string last_seen = heard ? status->updated_at : "";
    const std::string fw = heard ? status->fw.value_or("") : "";
    const std::int64_t outbox = heard ? status->outbox.value_or(0) : 0;
    const std::string room = configured ? configured->room : "(not in the site file)";
    bool any = false;
    for (const auto& e : epochs) {
      if (e.device == device) {
        any = true;
        t.rows.push_back({device, room, online, std::max(last_seen, e.last_seen), fw, outbox,
                          e.epoch, e.max_seq, e.missing(), gaps_text(repos, e),
                          clock_flags[device]});
      }
    }
    if (!any) {
      t.rows.push_back({device, room, online, last_seen, fw, outbox, std::string(), std::int64_t{0},
                        std::int64_t{0}, std::string(), clock_flags[device]});
    }
  }
  return t;
}

class DevicesCommand final : public Command {
 public:
  explicit DevicesCommand(CLI::App& app)
      : command_(app.add_subcommand("devices",
                                    "devices: last seen, online, seq and gaps; "
                                    "add, rotate or revoke an appliance")) {
    add_config_option(command_, options_);
    add_format_option(command_, options_);
    add_action(DeviceAction::add, "add", "create an appliance's broker account and its bundle");
    add_action(DeviceAction::rotate, "rotate", "give an appliance new secrets in a new bundle");
    add_action(DeviceAction::revoke, "revoke",
               "remove an appliance's broker account and clear its retained config");
  }
  [[nodiscard]] bool parsed() const override { return command_->parsed(); }

  int run(const CommandContext& context) override {
    for (const auto& [action, sub] : actions_) {
      if (sub->parsed()) {
        const std::filesystem::path output = output_.empty()
                                                 ? std::filesystem::path("tavla-bundle-" + device_)
                                                 : std::filesystem::path(output_);
        return run_device_provisioning(action, options_.config, device_, output, context);
      }
    }
    SiteData data(options_.config);
    print(devices_table(data.site, data.repos), options_, data.site, context.out);
    return 0;
  }

 private:
  void add_action(DeviceAction action, const std::string& name, const std::string& help) {
    CLI::App* sub = command_->add_subcommand(name, help);
    sub->fallthrough();  // --config may follow the device id
    sub->add_option("ID", device_, "the device id, a [[device]] of the site file")->required();
    if (action != DeviceAction::revoke) {
      sub->add_option("--output", output_,
                      "the bundle's directory (default: ./tavla-bundle-<ID>; never overwritten)");
    }
    actions_.emplace_back(action, sub);
  }

  CLI::App* command_;
  SiteOptions options_;
  std::string device_;
  std::string output_;
  std::vector<std::pair<DeviceAction, CLI::App*>> actions_;
};

}  // namespace

std::unique_ptr<Command> add_devices_command(CLI::App& app) {
  return std::make_unique<DevicesCommand>(app);
}

}  // namespace tavla::host::app
