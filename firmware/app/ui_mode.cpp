#include "ui_mode.hpp"

#include <imgui.h>

#include <fstream>
#include <iostream>
#include <sstream>

#include "stderr_log.hpp"
#include "tavla/kiosk/kiosk.hpp"
#include "tavla/kiosk/paho_broker_link.hpp"
#include "tavla/ui/fonts.hpp"
#include "tavla/ui/keyboard.hpp"
#include "tavla/ui/kiosk_ui.hpp"
#include "tavla/ui/metrics.hpp"
#include "tavla/ui/offset_clock.hpp"
#include "tavla/ui/platform/display.hpp"
#include "tavla/ui/platform/kiosk_loop.hpp"
#include "tavla/ui/theme.hpp"

namespace tavla::app {
namespace {

using ui::platform::GraphicsApi;

// ImGui's one global context, owned here for the program's lifetime; no
// imgui.ini is read or written (the kiosk has no settings to remember).
class ImGuiContextGuard {
 public:
  ImGuiContextGuard() {
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;
    ImGui::GetIO().LogFilename = nullptr;
  }
  ~ImGuiContextGuard() { ImGui::DestroyContext(); }
  ImGuiContextGuard(const ImGuiContextGuard&) = delete;
  ImGuiContextGuard& operator=(const ImGuiContextGuard&) = delete;
  ImGuiContextGuard(ImGuiContextGuard&&) = delete;
  ImGuiContextGuard& operator=(ImGuiContextGuard&&) = delete;
};

std::optional<ui::touch_script::Script> load_script(const std::string& path) {
  std::ifstream in(path);
  if (!in) {
    std::cerr << "tavla-kiosk: cannot open the script " << path << "\n";
    return std::nullopt;
  }
  std::stringstream text;
  text << in.rdbuf();
  auto parsed = ui::touch_script::parse(text.str());
  if (const auto* error = std::get_if<ui::touch_script::ParseError>(&parsed)) {
    std::cerr << "tavla-kiosk: " << path << ":" << error->line << ": " << error->message << "\n";
    return std::nullopt;
  }
  return std::get<ui::touch_script::Script>(std::move(parsed));
}

// The kernel's VmRSS and VmHWM lines for this process, for the exit log
// (the memory benchmark reads them; an operator can too).
std::string memory_summary() {
  std::ifstream status("/proc/self/status");
  std::string line;
  std::string out;
  while (std::getline(status, line)) {
    if (line.starts_with("VmRSS:") || line.starts_with("VmHWM:")) {
      out += (out.empty() ? "" : ", ") + line;
    }
  }
  return out;
}

}  // namespace

int run_ui(const kiosk::KioskConfig& config, const UiArgs& args) {
  const auto started = args.started;
  ui::platform::DisplayOptions display_options;
  if (!args.windowed.empty()) {
    display_options.windowed = ui::parse_size(args.windowed);
    if (!display_options.windowed) {
      std::cerr << "tavla-kiosk: --windowed takes WIDTHxHEIGHT, e.g. 800x480\n";
      return 2;
    }
  }
  if (args.api == "gles") {
    display_options.api = GraphicsApi::gles3;
  } else if (args.api == "gl") {
    display_options.api = GraphicsApi::opengl3;
  }
  ui::platform::LoopOptions loop;
  loop.started = started;
  loop.continuous = args.continuous;
  loop.shots_dir = args.shots;
  loop.frame_log = args.frame_log;
  loop.log = stderr_log();
  loop.power.dim_after = std::chrono::seconds(args.dim_after);
  loop.power.blank_after = std::chrono::seconds(args.blank_after);
  if (!args.script.empty()) {
    loop.script = load_script(args.script);
    if (!loop.script) {
      return 2;
    }
    loop.keyboard = [layout = ui::norwegian_layout(true)](char32_t c) {
      return ui::key_ids_for(layout, c);
    };
  }
  std::unique_ptr<kiosk::Clock> clock = std::make_unique<kiosk::SystemClock>();
  if (!args.start_time.empty()) {
    const auto start = protocol::parse_timestamp(args.start_time);
    if (!start) {
      std::cerr << "tavla-kiosk: --start-time must be like 2026-11-27T09:00:00.000Z\n";
      return 2;
    }
    clock = std::make_unique<ui::OffsetClock>(*start);
  }

  ImGuiContextGuard imgui;
  const auto display = ui::platform::Display::open(display_options);
  const auto metrics = ui::metrics_for(display->size());
  const auto fonts = ui::load_fonts(*ImGui::GetIO().Fonts, ui::default_font_dir(), metrics);
  ui::theme::apply_style(ImGui::GetStyle(), metrics);

  kiosk::SystemRandom random;
  kiosk::Kiosk core(config,
                    kiosk::Kiosk::Dependencies{*clock, random,
                                               std::make_unique<kiosk::PahoBrokerLink>(
                                                   config.broker, config.device, stderr_log()),
                                               display->waker(), stderr_log()});
  core.start();
  ui::KioskUi app(core, *clock, fonts, metrics,
                  ui::KioskUiOptions{.timezone = config.timezone, .display = display->describe()});
  const auto result = ui::platform::KioskLoop(*display, app, std::move(loop)).run();
  // The core's threads call the display's waker: stop them before it goes.
  core.stop();
  std::cerr << "tavla-kiosk: " << result.frames << " frames; memory at exit: " << memory_summary()
            << "\n";
  return result.exit_code;
}

}  // namespace tavla::app
