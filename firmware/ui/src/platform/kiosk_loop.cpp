#include "tavla/ui/platform/kiosk_loop.hpp"

#include <SDL.h>
#include <backends/imgui_impl_sdl.h>
#include <imgui.h>

#include <cfloat>
#include <fstream>
#include <string>

#include "sdl_script_actions.hpp"
#include "tavla/protocol/overloaded.hpp"
#include "tavla/ui/frame_scheduler.hpp"
#include "tavla/ui/platform/screenshot.hpp"
#include "tavla/ui/pointer.hpp"
#include "tavla/ui/theme.hpp"

namespace tavla::ui::platform {
namespace {

using Clock = std::chrono::steady_clock;

// The state of one run of the loop, so that run() reads as its steps.
struct LoopState {
  Display& display;
  FrameApp& app;
  const LoopOptions& options;
  std::uint32_t wake_event;
  kiosk::Log log;

  FrameScheduler scheduler;
  ScreenPower power;
  PointerTracker pointer;
  WidgetRegistry registry;
  FrameInput input;
  std::optional<touch_script::Player> player;
  std::optional<Clock::time_point> script_wake;
  std::optional<std::string> shot;
  std::vector<std::uint32_t> frame_micros;
  std::uint64_t frames = 0;
  PowerLevel level = PowerLevel::on;
  bool within_hours = true;
  std::optional<SDL_FingerID> finger;  // the one finger we follow
  bool swallowing = false;             // the touch that woke the screen
  bool quit = false;
  int exit_code = 0;

  LoopState(Display& d, FrameApp& a, const LoopOptions& o, std::uint32_t wake)
      : display(d),
        app(a),
        options(o),
        wake_event(wake),
        log(kiosk::or_silent(o.log)),
        power(o.power, Clock::now()) {
    scheduler.set_continuous(o.continuous);
    if (o.script) {
      player.emplace(*o.script, o.keyboard);
    }
  }

  void pointer_event(PointerEvent event) {
    const auto now = Clock::now();
    scheduler.input_arrived();
    if (event.kind == PointerEvent::Kind::press) {
      swallowing = !power.touch_reaches_ui(now, within_hours);
      if (swallowing) {
        scheduler.state_changed();  // redraw at full brightness
        return;
      }
    }
    if (swallowing) {
      if (event.kind == PointerEvent::Kind::release) {
        swallowing = false;
      }
      return;
    }
    pointer.push(event);
  }

  Point finger_point(const SDL_TouchFingerEvent& f) const {
    const auto s = display.size();
    return {f.x * static_cast<float>(s.width), f.y * static_cast<float>(s.height)};
  }

  void handle(const SDL_Event& e) {
    switch (e.type) {
      case SDL_QUIT:
        quit = true;  // SIGTERM or SIGINT (the service manager)
        return;
      case SDL_WINDOWEVENT:
        if (e.window.event == SDL_WINDOWEVENT_CLOSE && !display.is_kiosk()) {
          quit = true;
        }
        ImGui_ImplSDL2_ProcessEvent(&e);
        scheduler.state_changed();
        return;
      case SDL_MOUSEBUTTONDOWN:
      case SDL_MOUSEBUTTONUP:
        if (e.button.which != SDL_TOUCH_MOUSEID && e.button.button == SDL_BUTTON_LEFT) {
          pointer_event({e.type == SDL_MOUSEBUTTONDOWN ? PointerEvent::Kind::press
                                                       : PointerEvent::Kind::release,
                         {static_cast<float>(e.button.x), static_cast<float>(e.button.y)},
                         false});
        }
        return;
      case SDL_MOUSEMOTION:
        if (e.motion.which != SDL_TOUCH_MOUSEID && !display.is_kiosk()) {
          pointer_event({PointerEvent::Kind::move,
                         {static_cast<float>(e.motion.x), static_cast<float>(e.motion.y)},
                         false});
        }
        return;
      case SDL_FINGERDOWN:
        if (!finger) {
          finger = e.tfinger.fingerId;
          pointer_event({PointerEvent::Kind::press, finger_point(e.tfinger), true});
        }
        return;
      case SDL_FINGERMOTION:
        if (finger == e.tfinger.fingerId) {
          pointer_event({PointerEvent::Kind::move, finger_point(e.tfinger), true});
        }
        return;
      case SDL_FINGERUP:
        if (finger == e.tfinger.fingerId) {
          finger.reset();
          pointer_event({PointerEvent::Kind::release, finger_point(e.tfinger), true});
        }
        return;
      case SDL_TEXTINPUT:
        input.text += e.text.text;
        scheduler.input_arrived();
        return;
      case SDL_KEYDOWN:
        switch (e.key.keysym.sym) {
          case SDLK_BACKSPACE:
            ++input.backspaces;
            break;
          case SDLK_RETURN:
          case SDLK_KP_ENTER:
            input.enter = true;
            break;
          case SDLK_ESCAPE:
            input.escape = true;
            break;
          default:
            break;
        }
        scheduler.input_arrived();
        return;
      default:
        if (e.type == wake_event) {
          scheduler.state_changed();
        }
        return;
    }
  }

  void play_script(Clock::time_point now) {
    script_wake.reset();
    const auto step = player->step(now, registry, frames);
    for (const auto& action : step.actions) {
      std::visit(protocol::Overloaded{
                     [&](const touch_script::ShotAction& s) { shot = s.file; },
                     // Input: one push_script_action overload per kind.
                     [&](const auto& script_input) {
                       push_script_action(script_input, display.window_id(), display.size());
                     },
                 },
                 action);
    }
    if (step.need_frame) {
      scheduler.state_changed();
    }
    script_wake = step.wake_at;
    if (step.error) {
      log("script failed at " + *step.error);
      exit_code = 3;
    }
    if (step.finished) {
      quit = true;
    }
  }

  void wait_for_events(Clock::time_point now) {
    auto wait = scheduler.wait_time(now);
    if (script_wake) {
      wait = std::min(wait,
                      std::max(std::chrono::milliseconds{0},
                               std::chrono::ceil<std::chrono::milliseconds>(*script_wake - now)));
    }
    if (pointer.pending()) {
      wait = std::chrono::milliseconds{0};
    }
    SDL_Event e;
    if (SDL_WaitEventTimeout(&e, static_cast<int>(wait.count())) != 0) {
      handle(e);
      while (SDL_PollEvent(&e) != 0) {
        handle(e);
      }
    }
  }

  void render(Clock::time_point now) {
    const auto begin = Clock::now();
    registry.begin_frame();
    display.new_frame();
    // Our pointer, not the backend's: the backend reads SDL's global mouse
    // state, which neither touches nor scripted events move.
    const auto p = pointer.next_frame();
    auto& io = ImGui::GetIO();
    io.MousePos = p.present ? ImVec2(p.position.x, p.position.y) : ImVec2(-FLT_MAX, -FLT_MAX);
    for (bool& down : io.MouseDown) {
      down = false;
    }
    io.MouseDown[0] = p.down;
    ImGui::NewFrame();

    FrameOutcome outcome;
    input.now = now;
    input.wall = std::chrono::system_clock::now();
    if (level == PowerLevel::blank) {
      ImGui::GetForegroundDrawList()->AddRectFilled({0, 0}, io.DisplaySize, theme::kBlank);
    } else {
      outcome = app.frame(input, registry);
      if (level == PowerLevel::dim) {
        ImGui::GetForegroundDrawList()->AddRectFilled({0, 0}, io.DisplaySize, theme::kDimOverlay);
      }
    }
    input = FrameInput{};
    ImGui::Render();
    std::vector<std::uint8_t> pixels;
    display.present(shot ? &pixels : nullptr);
    if (shot) {
      const auto file = options.shots_dir / *shot;
      if (write_png(file, display.size(), pixels)) {
        log("screenshot " + std::filesystem::absolute(file).string());
      } else {
        log("cannot write screenshot " + file.string());
        exit_code = 3;
        quit = true;
      }
      shot.reset();
    }
    ++frames;
    scheduler.rendered(now);
    if (outcome.changed || pointer.pending()) {
      scheduler.state_changed();
    }
    if (outcome.redraw_at) {
      scheduler.request_at(*outcome.redraw_at);
    }
    if (outcome.quit) {
      quit = true;
    }
    const auto end = Clock::now();
    if (frames == 1) {
      const auto ms =
          std::chrono::duration_cast<std::chrono::milliseconds>(end - options.started).count();
      log("first frame after " + std::to_string(ms) + " ms (" + display.describe() + ", " +
          std::to_string(display.size().width) + "x" + std::to_string(display.size().height) + ")");
    }
    if (!options.frame_log.empty()) {
      frame_micros.push_back(static_cast<std::uint32_t>(
          std::chrono::duration_cast<std::chrono::microseconds>(end - begin).count()));
    }
  }

  void write_frame_log() const {
    if (options.frame_log.empty()) {
      return;
    }
    std::ofstream out(options.frame_log);
    for (const auto us : frame_micros) {
      out << us << "\n";
    }
  }
};

}  // namespace

KioskLoop::KioskLoop(Display& display, FrameApp& app, LoopOptions options)
    : display_(display), app_(app), options_(std::move(options)) {}

LoopResult KioskLoop::run() {
  LoopState s(display_, app_, options_, display_.wake_event());
  while (!s.quit) {
    auto now = Clock::now();
    if (s.player) {
      s.play_script(now);
      if (s.quit) {
        break;
      }
    }
    s.wait_for_events(now);
    now = Clock::now();
    s.within_hours = s.app.within_hours(std::chrono::system_clock::now());
    const auto level = s.power.level(now, s.within_hours);
    if (level != s.level) {
      s.level = level;
      s.scheduler.state_changed();
    }
    if (const auto change = s.power.next_change(now, s.within_hours)) {
      s.scheduler.request_at(*change);
    }
    if (!s.quit && (s.scheduler.due(now) || s.pointer.pending())) {
      s.render(now);
    }
  }
  s.write_frame_log();
  return {s.exit_code, s.frames};
}

}  // namespace tavla::ui::platform
