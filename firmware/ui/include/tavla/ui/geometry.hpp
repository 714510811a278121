// Plain sizes and rectangles in pixels, free of ImGui and SDL so that logic
// (layout, script taps, the widget registry) is testable without either.
#pragma once

#include <optional>
#include <string_view>

namespace tavla::ui {

struct Size {
  int width = 0;
  int height = 0;
  bool operator==(const Size&) const = default;
};

struct Point {
  float x = 0;
  float y = 0;
  bool operator==(const Point&) const = default;
};

struct Rect {
  float x = 0;
  float y = 0;
  float width = 0;
  float height = 0;
  [[nodiscard]] Point centre() const { return {x + width / 2, y + height / 2}; }
  [[nodiscard]] bool contains(Point p) const {
    return p.x >= x && p.y >= y && p.x < x + width && p.y < y + height;
  }
  bool operator==(const Rect&) const = default;
};

// "800x480" → {800, 480}; nullopt unless both are positive integers.
[[nodiscard]] std::optional<Size> parse_size(std::string_view text);

}  // namespace tavla::ui
