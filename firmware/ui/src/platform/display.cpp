#include "tavla/ui/platform/display.hpp"

#include <SDL.h>
#include <backends/imgui_impl_opengl3.h>
#include <backends/imgui_impl_sdl.h>
#include <imgui.h>

#include <cstring>
#include <string_view>

#include "gl_functions.hpp"

namespace tavla::ui::platform {
namespace {

struct ApiSettings {
  int profile;
  int major;
  int minor;
  const char* glsl;
};

ApiSettings settings_for(GraphicsApi api) {
  if (api == GraphicsApi::gles3) {
    return {SDL_GL_CONTEXT_PROFILE_ES, 3, 0, "#version 300 es"};
  }
  return {SDL_GL_CONTEXT_PROFILE_CORE, 3, 0, "#version 130"};
}

void request_context(GraphicsApi api) {
  const auto s = settings_for(api);
  SDL_GL_ResetAttributes();
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_FLAGS, 0);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, s.profile);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, s.major);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, s.minor);
  SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
  // ImGui needs neither depth nor stencil; asking for none saves memory on a Pi.
  SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 0);
  SDL_GL_SetAttribute(SDL_GL_STENCIL_SIZE, 0);
}

std::string sdl_error(const std::string& what) {
  return what + ": " + SDL_GetError();
}

}  // namespace

const char* to_string(GraphicsApi api) {
  return api == GraphicsApi::gles3 ? "gles3" : "opengl3";
}

struct Display::Impl {
  SDL_Window* window = nullptr;
  SDL_GLContext context = nullptr;
  GlFunctions gl;
  bool imgui_sdl = false;
  bool imgui_gl = false;

  Impl() = default;
  Impl(const Impl&) = delete;
  Impl& operator=(const Impl&) = delete;
  Impl(Impl&&) = delete;
  Impl& operator=(Impl&&) = delete;
  ~Impl() {
    if (imgui_gl) {
      ImGui_ImplOpenGL3_Shutdown();
    }
    if (imgui_sdl) {
      ImGui_ImplSDL2_Shutdown();
    }
    if (context != nullptr) {
      SDL_GL_DeleteContext(context);
    }
    if (window != nullptr) {
      SDL_DestroyWindow(window);
    }
    SDL_Quit();
  }

  // Creates the window and context for `api`; false (with SDL's error kept)
  // when the driver cannot, so the caller may try the other API.
  bool create(GraphicsApi api, const DisplayOptions& options) {
    if (api == GraphicsApi::gles3) {
      // Under X11 SDL asks GLX for contexts unless told to use EGL, and GLX
      // gives no ES profile on Mesa; EGL does (and is all KMS/DRM has).
      SDL_SetHint(SDL_HINT_VIDEO_X11_FORCE_EGL, "1");
    }
    request_context(api);
    Uint32 flags = SDL_WINDOW_OPENGL | SDL_WINDOW_SHOWN;
    int width = 0;
    int height = 0;
    if (options.windowed) {
      width = options.windowed->width;
      height = options.windowed->height;
    } else {
      flags |= SDL_WINDOW_FULLSCREEN_DESKTOP | SDL_WINDOW_BORDERLESS;
    }
    window = SDL_CreateWindow(options.title.c_str(), SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED,
                              width, height, flags);
    if (window == nullptr) {
      return false;
    }
    context = SDL_GL_CreateContext(window);
    if (context == nullptr || SDL_GL_MakeCurrent(window, context) != 0 || !gl.load()) {
      if (context != nullptr) {
        SDL_GL_DeleteContext(context);
        context = nullptr;
      }
      SDL_DestroyWindow(window);
      window = nullptr;
      return false;
    }
    return true;
  }
};

std::unique_ptr<Display> Display::open(const DisplayOptions& options) {
  // The kiosk keeps its own screen on; dimming is ours (ScreenPower).
  SDL_SetHint(SDL_HINT_VIDEO_ALLOW_SCREENSAVER, "0");
  // A touch produces finger events, which we handle; SDL's synthesized
  // mouse events from them are recognisable (SDL_TOUCH_MOUSEID) and ignored.
  SDL_SetHint(SDL_HINT_MOUSE_TOUCH_EVENTS, "0");
  // Closing the window never quits the kiosk by itself: in kiosk mode
  // nothing may close it, in windowed mode the loop decides. SIGTERM and
  // SIGINT still arrive as SDL_QUIT (systemd stops the service that way).
  SDL_SetHint(SDL_HINT_QUIT_ON_LAST_WINDOW_CLOSE, "0");
  SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
  if (SDL_InitSubSystem(SDL_INIT_VIDEO) != 0) {
    throw DisplayError(sdl_error("cannot start SDL video"));
  }
  auto impl = std::make_unique<Impl>();
  const char* driver = SDL_GetCurrentVideoDriver();
  const bool kms = driver != nullptr && std::string_view(driver) == "kmsdrm";

  GraphicsApi api = options.api.value_or(kms ? GraphicsApi::gles3 : GraphicsApi::opengl3);
  if (!impl->create(api, options)) {
    const std::string first = SDL_GetError();
    // No explicit choice and no OpenGL 3 (an older Pi under X11): try GLES.
    if (options.api || api == GraphicsApi::gles3 || !impl->create(GraphicsApi::gles3, options)) {
      throw DisplayError(std::string("cannot create a ") + to_string(api) + " window on " +
                         (driver != nullptr ? driver : "?") + ": " + first);
    }
    api = GraphicsApi::gles3;
  }
  // Vsync where the driver has it; the idle loop, not vsync, keeps the CPU
  // quiet (Xvfb has no vsync at all).
  SDL_GL_SetSwapInterval(1);
  const bool kiosk = !options.windowed.has_value();
  if (kiosk) {
    SDL_ShowCursor(SDL_DISABLE);
  }
  impl->imgui_sdl = ImGui_ImplSDL2_InitForOpenGL(impl->window, impl->context);
  impl->imgui_gl = impl->imgui_sdl && ImGui_ImplOpenGL3_Init(settings_for(api).glsl);
  if (!impl->imgui_gl) {
    throw DisplayError("cannot start the ImGui backends");
  }
  return std::unique_ptr<Display>(new Display(std::move(impl), api, kiosk));
}

Display::Display(std::unique_ptr<Impl> impl, GraphicsApi api, bool kiosk)
    : impl_(std::move(impl)), api_(api), kiosk_(kiosk), wake_event_(SDL_RegisterEvents(1)) {}

std::function<void()> Display::waker() const {
  return [type = wake_event_] {
    SDL_Event e{};
    e.type = type;
    SDL_PushEvent(&e);  // a full queue only loses a redundant wake-up
  };
}

Display::~Display() = default;

Size Display::size() const {
  Size s;
  SDL_GL_GetDrawableSize(impl_->window, &s.width, &s.height);
  return s;
}

std::uint32_t Display::window_id() const {
  return SDL_GetWindowID(impl_->window);
}

std::string Display::describe() const {
  const auto text = [this](GLenum name) {
    const auto* value = impl_->gl.get_string(name);
    return value != nullptr ? std::string(reinterpret_cast<const char*>(value))  // NOLINT
                            : std::string("?");
  };
  const char* driver = SDL_GetCurrentVideoDriver();
  return std::string(driver != nullptr ? driver : "?") + ", " + text(GL_VERSION) + " (" +
         text(GL_RENDERER) + ")";
}

void Display::new_frame() {
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplSDL2_NewFrame();
}

void Display::present(std::vector<std::uint8_t>* capture) {
  const auto s = size();
  const auto& gl = impl_->gl;
  gl.viewport(0, 0, s.width, s.height);
  gl.clear_color(0.F, 0.F, 0.F, 1.F);
  gl.clear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  if (capture != nullptr) {
    const auto row = static_cast<std::size_t>(s.width) * 4;
    std::vector<std::uint8_t> bottom_up(row * static_cast<std::size_t>(s.height));
    gl.pixel_store(GL_PACK_ALIGNMENT, 1);
    gl.read_pixels(0, 0, s.width, s.height, GL_RGBA, GL_UNSIGNED_BYTE, bottom_up.data());
    // GL's origin is bottom-left; images are written top-down.
    capture->resize(bottom_up.size());
    for (int y = 0; y < s.height; ++y) {
      std::memcpy(capture->data() + static_cast<std::size_t>(y) * row,
                  bottom_up.data() + static_cast<std::size_t>(s.height - 1 - y) * row, row);
    }
  }
  SDL_GL_SwapWindow(impl_->window);
}

}  // namespace tavla::ui::platform
