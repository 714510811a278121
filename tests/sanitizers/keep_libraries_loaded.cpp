// Linked into the programs of the `asan` preset only (cmake/TavlaSanitizers.cmake):
// dlclose() that leaves the library loaded.
//
// LeakSanitizer reports at exit, by which time SDL has unloaded the X11
// extension and D-Bus libraries it opened and Mesa its DRI driver (on
// SDL_Quit, XCloseDisplay, eglTerminate). The stacks of their one-time
// allocations then point into unmapped memory: LSan prints them as an
// unknown module or, once the addresses are reused, as some other library,
// and the suppressions (tests/sanitizers/lsan.supp), which match library
// names, cannot recognise them. Kept loaded, they are named.
//
// The program's own definition comes first in symbol lookup, so it replaces
// the C library's (and ASan's interceptor) for the libraries too. Nothing is
// closed and nothing is opened twice: a later dlopen() of the same library
// finds it loaded, as it would after a dlclose() that kept a reference.
#include <dlfcn.h>

extern "C" int dlclose(void* /*handle*/) noexcept {
  return 0;
}
