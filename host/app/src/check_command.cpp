// `tavla-host check`: the site file and its member lists, loaded and
// counted, and every validation of the commands that use it (site_checks.hpp).
#include "commands.hpp"
#include "device_provisioning.hpp"
#include "site_checks.hpp"
#include "tavla/host/config/display_names.hpp"
#include "tavla/host/config/load.hpp"
#include "tavla/host/config/schedule.hpp"

namespace tavla::host::app {
namespace {

class CheckCommand final : public Command {
 public:
  explicit CheckCommand(CLI::App& app)
      : command_(app.add_subcommand("check", "validate the site file and its member lists")) {
    add_config_option(command_, options_);
    command_->add_flag("--broker", check_broker_,
                       "also ask the broker (dynamic-security plugin) for each [[device]]'s "
                       "account, and warn about one it does not know");
  }
  [[nodiscard]] bool parsed() const override { return command_->parsed(); }

  int run(const CommandContext& context) override {
    const auto site = config::load_site(options_.config);
    std::size_t errors = 0;
    for (const auto& finding : check_site(site, config::oslo_date(context.now()))) {
      context.err << site.file.string() << ": " << (finding.error ? "error: " : "warning: ")
                  << finding.text << "\n";
      errors += finding.error ? 1 : 0;
    }
    if (errors > 0) {
      throw std::runtime_error("check: " + std::to_string(errors) +
                               " error(s): allocate, settle or serve would refuse this site file");
    }
    std::size_t members = 0;
    for (const auto& g : site.groups) {
      members += g.members.size();
    }
    context.out << "ok: site " << site.id << ": " << site.municipalities.size()
                << " municipalities, " << site.orgs.size() << " orgs, " << site.devices.size()
                << " devices, " << site.groups.size() << " groups (" << members << " members), "
                << site.schedule.size() << " scheduled sessions, " << site.plans.size()
                << " plans\n";
    for (const auto& warning : config::display_name_warnings(site)) {
      context.log("warning: " + warning);
    }
    if (!site.broker.username) {
      context.log("note: no broker username: the connection to the broker is anonymous");
    }
    if (check_broker_) {
      warn_about_unprovisioned(site, context);
    }
    return 0;
  }

 private:
  CLI::App* command_;
  SiteOptions options_;
  bool check_broker_ = false;
};

}  // namespace

std::unique_ptr<Command> add_check_command(CLI::App& app) {
  return std::make_unique<CheckCommand>(app);
}

}  // namespace tavla::host::app
