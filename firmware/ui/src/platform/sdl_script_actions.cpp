#include "sdl_script_actions.hpp"

#include <SDL.h>

#include <cstring>

namespace tavla::ui::platform {
namespace {

// A touch device id of our own; real touchscreens get theirs from SDL.
constexpr SDL_TouchID kScriptTouch = 0x7461766C61;  // "tavla"
constexpr SDL_FingerID kScriptFinger = 1;

void push_finger(const PointerEvent& event, std::uint32_t window_id, Size display) {
  SDL_Event e{};
  switch (event.kind) {
    case PointerEvent::Kind::press:
      e.type = SDL_FINGERDOWN;
      break;
    case PointerEvent::Kind::release:
      e.type = SDL_FINGERUP;
      break;
    case PointerEvent::Kind::move:
      e.type = SDL_FINGERMOTION;
      break;
  }
  e.tfinger.timestamp = SDL_GetTicks();
  e.tfinger.touchId = kScriptTouch;
  e.tfinger.fingerId = kScriptFinger;
  // Finger coordinates are normalised to the screen, as a touchscreen's are.
  e.tfinger.x = event.at.x / static_cast<float>(display.width);
  e.tfinger.y = event.at.y / static_cast<float>(display.height);
  e.tfinger.pressure = event.kind == PointerEvent::Kind::release ? 0.F : 1.F;
  e.tfinger.windowID = window_id;
  SDL_PushEvent(&e);
}

void push_text(const std::string& text, std::uint32_t window_id) {
  // SDL_TEXTINPUT carries at most 31 bytes; split on character boundaries.
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t n = std::min<std::size_t>(text.size() - i, SDL_TEXTINPUTEVENT_TEXT_SIZE - 1);
    while (n > 0 && i + n < text.size() &&
           (static_cast<unsigned char>(text[i + n]) & 0xC0U) == 0x80U) {
      --n;
    }
    SDL_Event e{};
    e.type = SDL_TEXTINPUT;
    e.text.windowID = window_id;
    std::memcpy(e.text.text, text.data() + i, n);
    SDL_PushEvent(&e);
    i += n;
  }
}

void push_key(const std::string& name, std::uint32_t window_id) {
  const SDL_Keycode key = SDL_GetKeyFromName(name.c_str());
  for (const auto type : {SDL_KEYDOWN, SDL_KEYUP}) {
    SDL_Event e{};
    e.type = type;
    e.key.windowID = window_id;
    e.key.state = type == SDL_KEYDOWN ? SDL_PRESSED : SDL_RELEASED;
    e.key.keysym.sym = key;
    e.key.keysym.scancode = SDL_GetScancodeFromKey(key);
    SDL_PushEvent(&e);
  }
}

}  // namespace

void push_script_action(const touch_script::PointerAction& action, std::uint32_t window_id,
                        Size display) {
  push_finger(action.event, window_id, display);
}

void push_script_action(const touch_script::TextAction& action, std::uint32_t window_id,
                        Size /*display*/) {
  push_text(action.text, window_id);
}

void push_script_action(const touch_script::KeyAction& action, std::uint32_t window_id,
                        Size /*display*/) {
  push_key(action.name, window_id);
}

}  // namespace tavla::ui::platform
