#include "gl_functions.hpp"

namespace tavla::ui::platform {
namespace {

template <class Function>
bool load_one(Function& target, const char* name) {
  // SDL returns a void*; the cast to the entry point's type is the GL way.
  target = reinterpret_cast<Function>(SDL_GL_GetProcAddress(name));  // NOLINT
  return target != nullptr;
}

}  // namespace

bool GlFunctions::load() {
  return load_one(viewport, "glViewport") && load_one(clear_color, "glClearColor") &&
         load_one(clear, "glClear") && load_one(read_pixels, "glReadPixels") &&
         load_one(pixel_store, "glPixelStorei") && load_one(get_string, "glGetString");
}

}  // namespace tavla::ui::platform
