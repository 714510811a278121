#include "tavla/testing/screen_harness.hpp"

#include <gtest/gtest.h>
#include <imgui.h>

#include <cfloat>

#include "tavla/protocol/timestamp.hpp"
#include "tavla/ui/keyboard.hpp"
#include "tavla/ui/theme.hpp"
#include "tavla/ui/utf8.hpp"
#include "tavla/ui/widgets.hpp"

namespace tavla::testing {

ScreenHarness::ScreenHarness(ui::Size display, ui::Language language)
    : now(*protocol::parse_timestamp("2026-11-27T09:00:00.000Z")),
      context_(ImGui::CreateContext()),
      metrics_(ui::metrics_for(display)),
      text_(language) {
  auto& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.DisplaySize = {static_cast<float>(display.width), static_cast<float>(display.height)};
  fonts_ = ui::load_fonts(*io.Fonts, ui::default_font_dir(), metrics_);
  unsigned char* pixels = nullptr;
  int width = 0;
  int height = 0;
  io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);  // built, as a renderer would
  ui::theme::apply_style(ImGui::GetStyle(), metrics_);
}

ScreenHarness::~ScreenHarness() {
  ImGui::DestroyContext(context_);
}

ui::Intents ScreenHarness::frame(const Draw& draw) {
  auto& io = ImGui::GetIO();
  io.DeltaTime = 1.F / 60.F;
  io.MousePos = pointer_.x < 0 ? ImVec2(-FLT_MAX, -FLT_MAX) : ImVec2(pointer_.x, pointer_.y);
  io.MouseDown[0] = down_;
  widgets_.begin_frame();
  tick_ += std::chrono::milliseconds(16);
  ImGui::NewFrame();
  ImGui::SetNextWindowPos({0, 0});
  ImGui::SetNextWindowSize(io.DisplaySize);
  ImGui::Begin("##screen", nullptr, ui::kRootWindowFlags);
  const ui::FrameInput input{.now = tick_};
  ui::Ui u{metrics_, fonts_, text_, zone_, widgets_, input, now, {}};
  ui::Intents out;
  draw(u, out);
  ImGui::End();
  ImGui::Render();
  return out;
}

ui::Intents ScreenHarness::tap(const std::string& id, const Draw& draw) {
  ui::Intents all;
  const auto keep = [&](ui::Intents intents) {
    all.insert(all.end(), intents.begin(), intents.end());
  };
  keep(frame(draw));
  const auto* widget = widgets_.find(id);
  if (widget == nullptr) {
    ADD_FAILURE() << "no widget '" << id << "' on screen";
    return all;
  }
  pointer_ = widget->rect.centre();
  down_ = true;
  keep(frame(draw));
  down_ = false;
  keep(frame(draw));
  pointer_ = {-1, -1};  // the finger lifts
  return all;
}

void ScreenHarness::type(const std::string& text, const Draw& draw) {
  const auto layout = ui::norwegian_layout(true);
  for (const char32_t c : ui::utf8::decode(text)) {
    const auto ids = ui::key_ids_for(layout, c);
    ASSERT_TRUE(ids.has_value()) << "no key for " << ui::utf8::encode(c);
    for (const auto& id : *ids) {
      tap(id, draw);
    }
  }
}

std::string ScreenHarness::label(const std::string& id) const {
  const auto* widget = widgets_.find(id);
  return widget == nullptr ? std::string("(none)") : widget->label;
}

}  // namespace tavla::testing
