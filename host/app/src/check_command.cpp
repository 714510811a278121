// `tavla-host check`: the site file and its member lists, loaded and counted.
#include "commands.hpp"
#include "tavla/host/config/display_names.hpp"
#include "tavla/host/config/load.hpp"

namespace tavla::host::app {
namespace {

class CheckCommand final : public Command {
 public:
  explicit CheckCommand(CLI::App& app)
      : command_(app.add_subcommand("check", "validate the site file and its member lists")) {
    add_config_option(command_, options_);
  }
  [[nodiscard]] bool parsed() const override { return command_->parsed(); }

  int run(const CommandContext& context) override {
    const auto site = config::load_site(options_.config);
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
    return 0;
  }

 private:
  CLI::App* command_;
  SiteOptions options_;
};

}  // namespace

std::unique_ptr<Command> add_check_command(CLI::App& app) {
  return std::make_unique<CheckCommand>(app);
}

}  // namespace tavla::host::app
