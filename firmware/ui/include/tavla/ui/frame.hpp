// The contract between the platform loop (SDL, GL) and the kiosk UI (ImGui
// screens and the core): the loop owns input and time and calls frame()
// between ImGui::NewFrame() and ImGui::Render(); the UI builds its windows,
// applies the intents its screens return, and says when it next needs a
// frame. Neither side knows the other's library.
#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "tavla/ui/widget_registry.hpp"

namespace tavla::ui {

// Keys a hardware keyboard may send (development; the kiosk has none). The
// on-screen keyboard produces the same edits through its own buttons.
struct FrameInput {
  std::chrono::steady_clock::time_point now;
  std::chrono::system_clock::time_point wall;
  std::string text;  // typed on a hardware keyboard since the last frame
  int backspaces = 0;
  bool enter = false;
  bool escape = false;
};

struct FrameOutcome {
  bool changed = false;  // state changed: draw another frame to show it
  std::optional<std::chrono::steady_clock::time_point> redraw_at;  // a visible timer
  bool quit = false;                                               // the admin chose to quit
};

class FrameApp {
 public:
  FrameApp() = default;
  virtual ~FrameApp() = default;
  FrameApp(const FrameApp&) = delete;
  FrameApp& operator=(const FrameApp&) = delete;
  FrameApp(FrameApp&&) = delete;
  FrameApp& operator=(FrameApp&&) = delete;

  virtual FrameOutcome frame(const FrameInput& input, WidgetRegistry& registry) = 0;
  // Inside the room's scheduled hours the screen stays on.
  virtual bool within_hours(std::chrono::system_clock::time_point now) = 0;
};

}  // namespace tavla::ui
