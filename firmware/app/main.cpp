// tavla-kiosk: the meeting-room touchscreen appliance. main() only wires:
// the kiosk file, a clock, randomness and the MQTT client into the core, then
// hands it to the touch UI (ui_mode.cpp) or to the headless runner.
#include <CLI/CLI.hpp>
#include <chrono>
#include <fstream>
#include <iostream>
#include <memory>

#include "stderr_log.hpp"
#include "tavla/build_info.hpp"
#include "tavla/kiosk/config.hpp"
#include "tavla/kiosk/headless.hpp"
#include "tavla/kiosk/kiosk.hpp"
#include "tavla/kiosk/paho_broker_link.hpp"
#include "tavla/protocol/limits.hpp"
#include "ui_mode.hpp"

namespace {

int run_headless(const tavla::kiosk::KioskConfig& config, const std::string& script_path,
                 const std::string& start_time, bool mark_begin) {
  using namespace tavla::kiosk;
  std::ifstream script(script_path);
  if (!script) {
    std::cerr << "tavla-kiosk: cannot open the script " << script_path << '\n';
    return 2;
  }
  std::unique_ptr<ManualClock> manual;
  SystemClock system_clock;
  if (!start_time.empty()) {
    const auto start = tavla::protocol::parse_timestamp(start_time);
    if (!start) {
      std::cerr << "tavla-kiosk: --start-time must be like 2026-11-27T09:00:00.000Z\n";
      return 2;
    }
    manual = std::make_unique<ManualClock>(*start);
  }
  const Clock& clock = manual ? static_cast<const Clock&>(*manual) : system_clock;
  SystemRandom random;
  Kiosk kiosk(config,
              Kiosk::Dependencies{clock,
                                  random,
                                  std::make_unique<PahoBrokerLink>(config.broker, config.device,
                                                                   tavla::app::stderr_log()),
                                  {},
                                  tavla::app::stderr_log()});
  kiosk.start();
  const auto status =
      run_command_script(kiosk, script, std::cout, HeadlessOptions{manual.get(), mark_begin});
  kiosk.stop();
  return static_cast<int>(status);
}

}  // namespace

int main(int argc, char** argv) {
  const auto started = std::chrono::steady_clock::now();
  CLI::App app{"Tavla kiosk: check-in and meeting agenda on the room's touchscreen"};
  app.set_version_flag("--version", std::string("tavla-kiosk ") + tavla::build_info::kVersion +
                                        " (protocol v" + std::to_string(tavla::protocol::kVersion) +
                                        ")");
  std::string config_path;
  std::string script_path;
  std::string start_time;
  bool headless = false;
  bool mark_begin = false;
  tavla::app::UiArgs ui;
  app.add_option("--config", config_path, "the kiosk's TOML file")->check(CLI::ExistingFile);
  app.add_flag("--headless", headless, "no screen: run --script against the core");
  app.add_option("--script", script_path,
                 "with --headless: actions, one JSON object a line (firmware/README.md); "
                 "otherwise: touches, text, waits and screenshots for the UI (README.md)");
  app.add_option("--start-time", start_time,
                 "the clock starts here (RFC 3339 UTC, e.g. 2026-11-27T07:50:00.000Z); "
                 "headless: a manual clock, UI: then runs in real time");
  app.add_flag("--mark-begin", mark_begin, "print a line before each command (crash tests)");
  app.add_option("--windowed", ui.windowed, "UI: a window of WIDTHxHEIGHT (development)");
  app.add_option("--graphics", ui.api, "UI: gl or gles (default: gles on KMS/DRM, else gl)")
      ->check(CLI::IsMember({"gl", "gles"}));
  app.add_option("--shots", ui.shots, "UI: the directory for the script's screenshots");
  app.add_option("--frame-log", ui.frame_log, "UI: write each frame's time (µs) here at exit");
  app.add_flag("--continuous", ui.continuous,
               "UI: draw every turn instead of idling (benchmark baseline only)");
  app.add_option("--dim-after", ui.dim_after,
                 "UI: seconds without a touch outside the room's hours before dimming")
      ->check(CLI::PositiveNumber);
  app.add_option("--blank-after", ui.blank_after, "UI: … and before blanking")
      ->check(CLI::PositiveNumber);
  CLI11_PARSE(app, argc, argv);

  if (config_path.empty()) {
    std::cerr << "tavla-kiosk: --config FILE is required\n" << app.help();
    return 2;
  }
  auto loaded = tavla::kiosk::load_kiosk_config(config_path);
  if (const auto* error = std::get_if<tavla::kiosk::ConfigError>(&loaded)) {
    std::cerr << "tavla-kiosk: " << error->message() << '\n';
    return 2;
  }
  const auto& config = std::get<tavla::kiosk::KioskConfig>(loaded);
  if (!headless) {
    ui.script = script_path;
    ui.start_time = start_time;
    ui.started = started;
    try {
      return tavla::app::run_ui(config, ui);
    } catch (const std::exception& e) {
      std::cerr << "tavla-kiosk: " << e.what() << '\n';
      return 1;
    }
  }
  if (script_path.empty()) {
    std::cerr << "tavla-kiosk: --headless needs --script FILE\n";
    return 2;
  }
  try {
    return run_headless(config, script_path, start_time, mark_begin);
  } catch (const std::exception& e) {
    std::cerr << "tavla-kiosk: " << e.what() << '\n';
    return 1;
  }
}
