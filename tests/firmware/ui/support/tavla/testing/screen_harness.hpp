// Screens without a window: an ImGui context with the kiosk's fonts and
// style, frames driven by hand, and taps on widgets by id (found in the
// widget registry, pressed and released over three frames as a finger
// would). What a screen returns is checked directly: input → intents.
#pragma once

#include <functional>
#include <string>

#include "tavla/ui/catalogue.hpp"
#include "tavla/ui/fonts.hpp"
#include "tavla/ui/intents.hpp"
#include "tavla/ui/local_time.hpp"
#include "tavla/ui/metrics.hpp"
#include "tavla/ui/ui.hpp"
#include "tavla/ui/widget_registry.hpp"

struct ImGuiContext;

namespace tavla::testing {

class ScreenHarness {
 public:
  using Draw = std::function<void(ui::Ui&, ui::Intents&)>;

  explicit ScreenHarness(ui::Size display = {800, 480}, ui::Language language = ui::Language::nb);
  ~ScreenHarness();
  ScreenHarness(const ScreenHarness&) = delete;
  ScreenHarness& operator=(const ScreenHarness&) = delete;

  // One frame with the pointer as it is; returns the screen's intents.
  ui::Intents frame(const Draw& draw);
  // Taps the widget `id` (it must be on screen); returns the intents of
  // the frames of the tap.
  ui::Intents tap(const std::string& id, const Draw& draw);
  // Taps the on-screen keyboard's keys for `text`.
  void type(const std::string& text, const Draw& draw);

  [[nodiscard]] const ui::WidgetRegistry& widgets() const { return widgets_; }
  [[nodiscard]] bool shows(const std::string& id) const { return widgets_.find(id) != nullptr; }
  [[nodiscard]] std::string label(const std::string& id) const;
  [[nodiscard]] const ui::Catalogue& text() const { return text_; }

  kiosk::Timestamp now;  // the core's clock as the screens see it

 private:
  ImGuiContext* context_;
  ui::Metrics metrics_;
  ui::Fonts fonts_;
  ui::Catalogue text_;
  ui::LocalTime zone_{"Europe/Oslo"};
  ui::WidgetRegistry widgets_;
  ui::Point pointer_{-1, -1};
  bool down_ = false;
  std::chrono::steady_clock::time_point tick_{std::chrono::hours(1)};
};

}  // namespace tavla::testing
