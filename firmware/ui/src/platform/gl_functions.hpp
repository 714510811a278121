// The few GL entry points the app calls itself (ImGui's backend loads its
// own). Loaded through SDL from whichever library SDL opened (libGL or
// libGLESv2), so one binary serves both APIs without linking either.
#pragma once

#include <SDL.h>
#include <SDL_opengl.h>

namespace tavla::ui::platform {

struct GlFunctions {
  using Viewport = void(APIENTRY*)(GLint, GLint, GLsizei, GLsizei);
  using ClearColor = void(APIENTRY*)(GLfloat, GLfloat, GLfloat, GLfloat);
  using Clear = void(APIENTRY*)(GLbitfield);
  using ReadPixels = void(APIENTRY*)(GLint, GLint, GLsizei, GLsizei, GLenum, GLenum, void*);
  using PixelStorei = void(APIENTRY*)(GLenum, GLint);
  using GetString = const GLubyte*(APIENTRY*)(GLenum);

  Viewport viewport = nullptr;
  ClearColor clear_color = nullptr;
  Clear clear = nullptr;
  ReadPixels read_pixels = nullptr;
  PixelStorei pixel_store = nullptr;
  GetString get_string = nullptr;

  // Needs a current context; false if any entry point is missing.
  bool load();
};

}  // namespace tavla::ui::platform
