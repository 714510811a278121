#include "tavla/ui/input_views.hpp"

#include <algorithm>
#include <array>

#include "tavla/ui/theme.hpp"

namespace tavla::ui {
namespace {

constexpr int kKeyboardRows = 5;

float row_units(const std::vector<KeyDef>& row) {
  float units = 0;
  for (const auto& key : row) {
    units += key.width;
  }
  return units;
}

// A hardware keyboard types into the field as the on-screen one does.
bool apply_hardware_input(const Ui& ui, TextField& field) {
  bool changed = field.insert(ui.input.text);
  for (int i = 0; i < ui.input.backspaces; ++i) {
    changed = !field.text.empty() || changed;
    field.backspace();
  }
  return changed;
}

}  // namespace

float keyboard_height(const Ui& ui) {
  return kKeyboardRows * ui.metrics.px(44) + (kKeyboardRows - 1) * ui.metrics.px(6);
}

void text_field_view(Ui& ui, const std::string& id, const TextField& field, std::string_view hint,
                     ImVec2 size) {
  const ImVec2 min = ImGui::GetCursorScreenPos();
  const ImVec2 max{min.x + size.x, min.y + size.y};
  ImDrawList* draw = ImGui::GetWindowDrawList();
  draw->AddRectFilled(min, max, theme::kSurface, ui.metrics.rounding());
  draw->AddRect(min, max, theme::kAccent, ui.metrics.rounding(), 0, ui.metrics.px(2));
  const float pad = ui.metrics.px(10);
  ImFont* font = ui.fonts.large;
  const ImVec4 clip{min.x + pad, min.y + pad / 2, max.x - pad, max.y - pad / 2};
  if (field.text.empty()) {
    if (hint.empty()) {
      // A caret only (AddText with an empty view would read a null string).
      draw->AddText(font, font->FontSize, {min.x + pad, min.y + pad / 2}, theme::kText, "|");
    } else {
      draw->AddText(font, font->FontSize, {min.x + pad, min.y + (size.y - font->FontSize) / 2},
                    theme::kTextDim, hint.data(), hint.data() + hint.size(), 0, &clip);
    }
  } else {
    // Shown with a caret at the end; long text keeps its end in sight.
    const std::string shown = field.text + "|";
    const float wrap = field.multiline ? size.x - 2 * pad : 0;
    const ImVec2 extent =
        font->CalcTextSizeA(font->FontSize, FLT_MAX, wrap, shown.c_str(), nullptr);
    float y = min.y + (field.multiline ? pad / 2 : (size.y - font->FontSize) / 2);
    float x = min.x + pad;
    if (field.multiline && extent.y > size.y - pad) {
      y -= extent.y - (size.y - pad);
    } else if (!field.multiline && extent.x > size.x - 2 * pad) {
      x -= extent.x - (size.x - 2 * pad);
    }
    draw->AddText(font, font->FontSize, {x, y}, theme::kText, shown.c_str(), nullptr, wrap, &clip);
  }
  ImGui::Dummy(size);
  register_item(ui, id, field.text);
}

bool keyboard_view(Ui& ui, const KeyboardLayout& layout, KeyboardState& state, TextField& field,
                   ImVec2 size) {
  bool changed = apply_hardware_input(ui, field);
  const float gap = ui.metrics.px(6);
  const float row_height = (size.y - (kKeyboardRows - 1) * gap) / kKeyboardRows;
  float max_units = 0;
  for (const auto& row : layout.rows) {
    max_units = std::max(max_units, row_units(row));
  }
  const float unit = (size.x - gap * (max_units - 1)) / max_units;
  const ImVec2 origin = ImGui::GetCursorPos();
  for (std::size_t r = 0; r < layout.rows.size(); ++r) {
    const auto& row = layout.rows[r];
    const float units = row_units(row);
    const float width = units * unit + (units - 1) * gap;
    float x = origin.x + (size.x - width) / 2;
    const float y = origin.y + static_cast<float>(r) * (row_height + gap);
    for (const auto& key : row) {
      const float key_width = key.width * unit + (key.width - 1) * gap;
      ImGui::SetCursorPos({x, y});
      const std::string label = key.kind == KeyKind::space ? std::string(ui.text(T::keyboard_space))
                                                           : key_label(key, state);
      ButtonOptions options;
      options.font = key.kind == KeyKind::character ? ui.fonts.large : ui.fonts.bold;
      if (key.kind == KeyKind::shift && state.shift) {
        options.tone = Tone::accent;
      }
      if (button(ui, key.id(), label, {key_width, row_height}, options)) {
        changed = press_key(key, state, field) || changed;
      }
      x += key_width + gap;
    }
  }
  ImGui::SetCursorPos({origin.x, origin.y + size.y});
  ImGui::Dummy({0, 0});
  return changed;
}

PinPadResult pin_pad_view(Ui& ui, PinEntry& pin, ImVec2 size) {
  PinPadResult result = PinPadResult::none;
  // A hardware keyboard: digits, backspace, enter.
  for (const char c : ui.input.text) {
    pin.press_digit(c);
    result = PinPadResult::changed;
  }
  for (int i = 0; i < ui.input.backspaces; ++i) {
    pin.backspace();
    result = PinPadResult::changed;
  }
  if (ui.input.enter && pin.ready()) {
    result = PinPadResult::submit;
  }

  const ImVec2 origin = ImGui::GetCursorPos();
  const float dots_height = ui.metrics.px(44);
  // One dot per digit typed, and empty rings up to four: never the digits.
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 screen = ImGui::GetCursorScreenPos();
  const float radius = ui.metrics.px(9);
  const std::size_t shown = std::max<std::size_t>(4, pin.digits.size());
  const float spacing = radius * 3.2F;
  const float start = screen.x + (size.x - spacing * static_cast<float>(shown - 1)) / 2;
  for (std::size_t i = 0; i < shown; ++i) {
    const ImVec2 centre{start + spacing * static_cast<float>(i), screen.y + dots_height / 2};
    if (i < pin.digits.size()) {
      draw->AddCircleFilled(centre, radius, theme::kText);
    } else {
      draw->AddCircle(centre, radius, theme::kTextDim, 0, ui.metrics.px(2));
    }
  }
  ImGui::Dummy({size.x, dots_height});
  ui.widgets.add("pin.dots", Rect{screen.x, screen.y, size.x, dots_height},
                 std::to_string(pin.digits.size()));

  const float gap = ui.metrics.gap();
  const float pad_height = size.y - dots_height - gap;
  const float key_h = (pad_height - 3 * gap) / 4;
  const float key_w = std::min((size.x - 2 * gap) / 3, key_h * 2.2F);
  const float left = origin.x + (size.x - (3 * key_w + 2 * gap)) / 2;
  constexpr std::array<const char*, 12> keys{"1", "2", "3", "4",    "5", "6",
                                             "7", "8", "9", "back", "0", "ok"};
  for (int i = 0; i < 12; ++i) {
    const int row = i / 3;
    const int col = i % 3;
    ImGui::SetCursorPos({left + static_cast<float>(col) * (key_w + gap),
                         origin.y + dots_height + gap + static_cast<float>(row) * (key_h + gap)});
    const std::string key = keys[i];
    const std::string id = "pin." + key;
    if (key == "back") {
      if (button(ui, id, "\u232B", {key_w, key_h}, {.font = ui.fonts.large})) {
        pin.backspace();
        result = PinPadResult::changed;
      }
    } else if (key == "ok") {
      if (button(ui, id, ui.text(T::pin_ok), {key_w, key_h},
                 {.tone = Tone::primary, .font = ui.fonts.large, .enabled = pin.ready()})) {
        result = PinPadResult::submit;
      }
    } else if (button(ui, id, key, {key_w, key_h}, {.font = ui.fonts.large})) {
      pin.press_digit(key[0]);
      result = PinPadResult::changed;
    }
  }
  ImGui::SetCursorPos({origin.x, origin.y + size.y});
  ImGui::Dummy({0, 0});
  return result;
}

}  // namespace tavla::ui
