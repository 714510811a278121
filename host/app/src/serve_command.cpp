// `tavla-host serve`: the ingest service (serve.hpp) under the signal thread.
#include "commands.hpp"
#include "signals.hpp"
#include "tavla/host/app/serve.hpp"

namespace tavla::host::app {
namespace {

class ServeCommand final : public Command {
 public:
  explicit ServeCommand(CLI::App& app)
      : command_(app.add_subcommand("serve", "ingest events from the broker until stopped")) {
    add_config_option(command_, site_);
    command_->add_option("--instance", options_.instance,
                         "a name that makes this instance's MQTT client id unique");
  }
  [[nodiscard]] bool parsed() const override { return command_->parsed(); }

  int run(const CommandContext& context) override {
    ServeControl control;
    handle_signals(control);
    options_.config = site_.config;
    return serve(options_, control, context.log);
  }

 private:
  CLI::App* command_;
  SiteOptions site_;
  ServeOptions options_;
};

}  // namespace

std::unique_ptr<Command> add_serve_command(CLI::App& app) {
  return std::make_unique<ServeCommand>(app);
}

}  // namespace tavla::host::app
