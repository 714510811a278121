// The one place that knows about windows and graphics APIs: an SDL2 window
// with an OpenGL 3 or OpenGL ES 3 context and Dear ImGui's SDL2 + OpenGL3
// backends on it. Everything platform-specific is decided here at run time
// (kiosk or windowed, GL or GLES, X11 or KMS/DRM) so main() has no #if.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "tavla/ui/geometry.hpp"

namespace tavla::ui::platform {

enum class GraphicsApi {
  opengl3,  // desktop OpenGL 3.0, GLSL 130 (X11 development machines)
  gles3,    // OpenGL ES 3.0, GLSL 300 es (KMS/DRM on a Raspberry Pi; EGL under X11)
};

struct DisplayOptions {
  // nullopt: the kiosk: fullscreen, no decorations, no cursor, no way to
  // close the window. A size: a decorated window for development.
  std::optional<Size> windowed;
  // nullopt: GLES on KMS/DRM (the only API there), else OpenGL 3 with a
  // fallback to GLES when the driver has no OpenGL 3.
  std::optional<GraphicsApi> api;
  std::string title = "Tavla";
};

class DisplayError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Owns SDL's video subsystem, the window, the GL context and the ImGui
// backends (the caller owns the ImGui context and must create it first).
class Display {
 public:
  static std::unique_ptr<Display> open(const DisplayOptions& options);  // throws DisplayError
  ~Display();
  Display(const Display&) = delete;
  Display& operator=(const Display&) = delete;
  Display(Display&&) = delete;
  Display& operator=(Display&&) = delete;

  [[nodiscard]] Size size() const;  // drawable pixels
  [[nodiscard]] GraphicsApi api() const { return api_; }
  [[nodiscard]] bool is_kiosk() const { return kiosk_; }
  [[nodiscard]] std::uint32_t window_id() const;
  // "x11, OpenGL ES 3.2 Mesa 22.3.6 (llvmpipe …)": for the log and Admin.
  [[nodiscard]] std::string describe() const;

  // Wakes the loop from any thread (SDL_PushEvent is thread-safe): the
  // core calls it after every change so the screen redraws at once. Valid
  // while the Display lives; stop the caller (the core) before destroying it.
  [[nodiscard]] std::function<void()> waker() const;
  [[nodiscard]] std::uint32_t wake_event() const { return wake_event_; }

  // The backends' per-frame work; call before ImGui::NewFrame().
  void new_frame();
  // Draws ImGui's draw data and, when `capture` is given, reads the frame
  // back into it as top-down RGBA rows before presenting it.
  void present(std::vector<std::uint8_t>* capture = nullptr);

 private:
  struct Impl;
  explicit Display(std::unique_ptr<Impl> impl, GraphicsApi api, bool kiosk);
  std::unique_ptr<Impl> impl_;
  GraphicsApi api_;
  bool kiosk_;
  std::uint32_t wake_event_;
};

[[nodiscard]] const char* to_string(GraphicsApi api);

}  // namespace tavla::ui::platform
